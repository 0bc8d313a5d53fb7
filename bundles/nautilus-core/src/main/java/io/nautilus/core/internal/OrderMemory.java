package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The core's memory of recent orders, built from the execution reports of each processed command: every order
 * still working, and the most recent {@code finishedKept} finished ones (when one more finishes, the one that
 * finished longest ago is forgotten). Each order keeps its first report and its latest {@value #REPORTS_KEPT} - 1.
 *
 * <p>Single writer: only the core's publish thread (and, before it starts, the thread replaying the journal) calls
 * {@link #record}; reads run on that same thread as queries between commands
 * ({@link io.nautilus.core.pipeline.CorePipeline#queryPublished}) and return immutable {@link OrderHistory} records.
 * Not thread-safe otherwise.
 */
final class OrderMemory {

    /** Reports kept per order: the first and the latest ones. */
    static final int REPORTS_KEPT = 256;
    /** Forgotten entries kept for reuse at most. */
    static final int SPARES_KEPT = 1024;

    private static final Comparator<Entry> BY_ID = Comparator.comparingLong(e -> e.orderId);

    private final int finishedKept;
    private final Long2ObjectHashMap<Entry> orders = new Long2ObjectHashMap<>();
    private final ArrayDeque<Entry> finished = new ArrayDeque<>();
    /** Forgotten entries kept for the next new orders, so that steady state allocates none (queries copy out). */
    private final ArrayDeque<Entry> spare = new ArrayDeque<>();

    /**
     * @param finishedKept how many finished orders to keep, at least 1
     */
    OrderMemory(int finishedKept) {
        if (finishedKept < 1) {
            throw new IllegalArgumentException("finished orders kept " + finishedKept + " must be at least 1");
        }
        this.finishedKept = finishedKept;
    }

    /** @return how many finished orders are kept at most */
    int finishedKept() {
        return finishedKept;
    }

    /** @return orders held now (working and finished) */
    int size() {
        return orders.size();
    }

    /**
     * Records the reports of one processed command.
     *
     * @param c       the command (its input says what an order entry or replace asked for)
     * @param reports the command's execution reports, in order
     */
    void record(Command c, List<ExecutionReport> reports) {
        for (int i = 0, n = reports.size(); i < n; i++) {
            ExecutionReport r = reports.get(i);
            long orderId = r.orderId();
            if (orderId <= 0) {
                continue;
            }
            Entry e = orders.get(orderId);
            if (e == null) {
                e = spare.isEmpty() ? new Entry() : spare.pollLast();
                e.reset(orderId, r.account(), r.instrument(), r.side());
                e.clientOrderId = r.clientOrderId() == orderId ? 0 : r.clientOrderId();
                if (c.op == Op.NEW && c.orderId == orderId) {
                    e.clientOrderId = c.clientOrderId;
                    e.type = c.type;
                    e.timeInForce = c.tif;
                    e.price = c.price;
                    e.stopPrice = c.stopPrice;
                    e.quantity = c.qty;
                }
                orders.put(orderId, e);
            }
            apply(e, c, r);
        }
    }

    private void apply(Entry e, Command c, ExecutionReport r) {
        e.add(r);
        ExecType exec = r.execType();
        if (exec == ExecType.PENDING_REPLACE && c.op == Op.REPLACE && c.price != Command.UNCHANGED) {
            e.pendingPrice = c.price;
        } else if (exec == ExecType.REPLACED) {
            e.quantity = r.leavesQuantity() + r.cumulativeQuantity();
            if (c.op == Op.REPLACE && c.price != Command.UNCHANGED) {
                e.price = c.price;
            } else if (c.op == Op.VENUE_REPORT) {
                e.price = c.price > 0 ? c.price : e.pendingPrice != 0 ? e.pendingPrice : e.price;
                e.pendingPrice = 0;
            }
        }
        e.state = r.status();
        e.cumulativeQuantity = r.cumulativeQuantity();
        e.averagePrice = r.averagePrice();
        if (exec == ExecType.REJECTED) {
            e.reason = r.text() != null && !r.text().isBlank() ? r.text() : r.rejectReason().description();
        } else if (exec == ExecType.CANCELED || exec == ExecType.EXPIRED) {
            CancelReason why = r.cancelReason() == CancelReason.NONE ? CancelReason.EXPIRED : r.cancelReason();
            e.reason = r.text() != null && !r.text().isBlank() ? why.name() + ": " + r.text() : why.name();
        }
        if (!e.finished && r.status().isFinished()) {
            e.finished = true;
            finished.addLast(e);
            while (finished.size() > finishedKept) {
                Entry forgotten = finished.pollFirst();
                orders.remove(forgotten.orderId);
                if (spare.size() < SPARES_KEPT) {
                    spare.addLast(forgotten);
                }
            }
        }
    }

    /**
     * @param orderId the core's order id
     * @return the order, or null if it is not held (unknown, or forgotten)
     */
    OrderHistory get(long orderId) {
        Entry e = orders.get(orderId);
        return e == null ? null : e.history();
    }

    /**
     * @param filter account, instrument, side, and at most how many (0 = all)
     * @param state  which states
     * @return the matching orders, lowest order id first
     */
    List<OrderHistory> list(OrderFilter filter, OrderStateFilter state) {
        List<Entry> matching = new ArrayList<>();
        for (Entry e : orders.values()) {
            if (state.matches(e.state)
                    && (filter.account() == null || filter.account().equals(e.account))
                    && (filter.instrument() == null || filter.instrument().equals(e.instrument))
                    && (filter.side() == null || filter.side() == e.side)) {
                matching.add(e);
            }
        }
        matching.sort(BY_ID);
        int n = filter.limit() > 0 ? Math.min(filter.limit(), matching.size()) : matching.size();
        List<OrderHistory> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(matching.get(i).history());
        }
        return list;
    }

    /** One order as remembered; owned by the writer thread, reused once forgotten ({@link #reset}). */
    private static final class Entry {

        long orderId;
        AccountId account;
        InstrumentId instrument;
        Side side;
        long clientOrderId;
        OrderType type;
        TimeInForce timeInForce;
        long price;
        long stopPrice;
        long quantity;
        long pendingPrice;
        OrderStatus state;
        long cumulativeQuantity;
        long averagePrice;
        String reason;
        boolean finished;
        final ArrayList<ExecutionReport> reports = new ArrayList<>(4);
        int omitted;

        /** Makes this a fresh entry for a newly seen order: pending new, nothing else known yet. */
        void reset(long id, AccountId accountId, InstrumentId instrumentId, Side orderSide) {
            orderId = id;
            account = accountId;
            instrument = instrumentId;
            side = orderSide;
            clientOrderId = 0;
            type = null;
            timeInForce = null;
            price = 0;
            stopPrice = 0;
            quantity = 0;
            pendingPrice = 0;
            state = OrderStatus.PENDING_NEW;
            cumulativeQuantity = 0;
            averagePrice = FixedPoint.NULL;
            reason = null;
            finished = false;
            reports.clear();
            omitted = 0;
        }

        void add(ExecutionReport r) {
            if (reports.size() == REPORTS_KEPT) {
                reports.remove(1);
                omitted++;
            }
            reports.add(r);
        }

        OrderHistory history() {
            return new OrderHistory(orderId, clientOrderId, account, instrument, side, type, timeInForce, price,
                    stopPrice, quantity, state, cumulativeQuantity, averagePrice, reason, reports, omitted);
        }
    }
}
