package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.engine.Registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.agrona.collections.Long2LongHashMap;

/**
 * Turns a processed command's events into {@link ExecutionReport}s, on the publish thread (its only user). Keeps the
 * client order id of each working order so that fills of resting orders echo it. That state and the last exec id
 * are a snapshot part (captured on the publish thread at the snapshot's seq), so after a restart, and in a journal
 * replay from a snapshot, the reports are the ones the live core built. Snapshots of format version 1 lack it: after
 * starting from one, orders from before it report their core order id as client order id until they finish.
 *
 * <p>A fill report carries its side's fee as the positions charged it: the business thread writes both sides' fees
 * into the TRADE event, so a journal replay (the same engine over the same commands) reports the same fees.
 *
 * <p>Exec ids: {@code seq * 65,536} plus the report's number within its command (1, 2, ...), moved up past the
 * previous command's last exec id when that command had more reports than fit its range (a kill of many orders, a
 * sweep of many makers). So they increase and never repeat within a run, and a restart (whose commands have higher
 * seqs) repeats none unless the last command before it overflowed its range.
 */
public final class ReportBuilder implements io.nautilus.core.Snapshotable {

    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();
    private static final RejectReason[] REJECT_REASONS = RejectReason.values();

    private static final long EXEC_IDS_PER_SEQ = 65_536;

    private final Long2LongHashMap clientOrderIds = new Long2LongHashMap(0);
    private long lastExecId;
    /** The reports of the command being turned, copied into the immutable list returned (which CommandResult keeps). */
    private final ArrayList<ExecutionReport> scratch = new ArrayList<>();
    private final IdObjects<AccountId> accountIds = new IdObjects<>(AccountId::of, AccountId::value);
    private final IdObjects<InstrumentId> instrumentIds = new IdObjects<>(InstrumentId::of, InstrumentId::value);

    /**
     * @param c a processed command
     * @param registry names of accounts and instruments
     * @param publishNanos when the reports are published
     * @return its reports, in event order (reports of events on unknown accounts or instruments are left out), an
     *         immutable list
     */
    public List<ExecutionReport> reports(Command c, Registry.View registry, long publishNanos) {
        Events e = c.events;
        int n = e.size();
        if (n == 0) {
            return List.of();
        }
        ArrayList<ExecutionReport> reports = scratch;
        reports.clear();
        long execBase = Math.max(c.seq * EXEC_IDS_PER_SEQ, lastExecId);
        for (int i = 0; i < n; i++) {
            byte type = e.type(i);
            long orderId = e.orderId(i);
            if ((type == Events.ACCEPTED || type == Events.ROUTED) && c.clientOrderId > 0 && c.orderId == orderId) {
                clientOrderIds.put(orderId, c.clientOrderId);
            }
            AccountId account = accountId(registry, e.account(i));
            InstrumentId instrument = instrumentId(registry, e.instrument(i));
            Side side = e.side(i);
            if (type == Events.TRADE && account == null && orderId == 0 && instrument != null && side != null) {
                // a venue fill of a platform order that added liquidity: only the maker side is ours
                AccountId makerAccount = accountId(registry, e.counterAccount(i));
                long makerId = e.counterOrderId(i);
                if (makerAccount != null) {
                    reports.add(fill(execBase + reports.size() + 1, clientOrderId(makerId, null), makerId,
                            makerAccount, instrument, side == Side.BUY ? Side.SELL : Side.BUY, Liquidity.MAKER,
                            e.price(i), e.qty(i), e.counterLeaves(i), e.value2(i), e.counterAverage(i),
                            e.counterFee(i), c.timestamp, publishNanos));
                }
                if (e.counterLeaves(i) == 0) {
                    clientOrderIds.remove(makerId);
                }
                continue;
            }
            if (account == null || instrument == null || side == null) {
                continue;
            }
            long execId = execBase + reports.size() + 1;
            long clientId = clientOrderId(orderId, c);
            switch (type) {
                case Events.ACCEPTED -> reports.add(report(execId, clientId, orderId, account, instrument, side,
                        ExecType.NEW, OrderStatus.NEW, RejectReason.NONE, CancelReason.NONE, Liquidity.NONE, null,
                        FixedPoint.NULL, 0, e.leaves(i), 0, 0, c.timestamp, publishNanos));
                case Events.TRADE -> {
                    reports.add(fill(execId, clientId, orderId, account, instrument, side, Liquidity.TAKER,
                            e.price(i), e.qty(i), e.leaves(i), e.value(i), e.average(i), e.fee(i), c.timestamp,
                            publishNanos));
                    AccountId makerAccount = accountId(registry, e.counterAccount(i));
                    long makerId = e.counterOrderId(i);
                    if (makerAccount != null) {
                        reports.add(fill(execId + 1, clientOrderId(makerId, null), makerId, makerAccount,
                                instrument, side == Side.BUY ? Side.SELL : Side.BUY, Liquidity.MAKER, e.price(i),
                                e.qty(i), e.counterLeaves(i), e.value2(i), e.counterAverage(i), e.counterFee(i),
                                c.timestamp, publishNanos));
                    }
                    if (e.leaves(i) == 0) {
                        clientOrderIds.remove(orderId);
                    }
                    if (e.counterLeaves(i) == 0) {
                        clientOrderIds.remove(makerId);
                    }
                }
                case Events.CANCELED, Events.EXPIRED -> {
                    boolean expired = type == Events.EXPIRED;
                    CancelReason why = expired ? CancelReason.EXPIRED : CANCEL_REASONS[e.reason(i)];
                    reports.add(report(execId, clientId, orderId, account, instrument, side,
                            expired ? ExecType.EXPIRED : ExecType.CANCELED,
                            expired ? OrderStatus.EXPIRED : OrderStatus.CANCELED, RejectReason.NONE,
                            why == CancelReason.NONE ? CancelReason.USER : why, Liquidity.NONE, venueText(c),
                            FixedPoint.NULL, 0, 0, e.cumulative(i), e.average(i), c.timestamp, publishNanos));
                    clientOrderIds.remove(orderId);
                }
                case Events.REPLACED, Events.REDUCED, Events.TRIGGERED -> {
                    long cum = e.cumulative(i);
                    ExecType exec = type == Events.TRIGGERED ? ExecType.TRIGGERED : ExecType.REPLACED;
                    reports.add(report(execId, clientId, orderId, account, instrument, side, exec,
                            cum > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW, RejectReason.NONE,
                            CancelReason.NONE, Liquidity.NONE, null, FixedPoint.NULL, 0, e.leaves(i), cum,
                            e.average(i), c.timestamp, publishNanos));
                }
                case Events.ROUTED -> reports.add(report(execId, clientId, orderId, account, instrument, side,
                        ExecType.PENDING_NEW, OrderStatus.PENDING_NEW, RejectReason.NONE, CancelReason.NONE,
                        Liquidity.NONE, null, FixedPoint.NULL, 0, e.leaves(i), 0, 0, c.timestamp, publishNanos));
                case Events.PENDING_CANCEL, Events.PENDING_REPLACE -> {
                    boolean cancel = type == Events.PENDING_CANCEL;
                    long cum = e.cumulative(i);
                    reports.add(report(execId, clientId, orderId, account, instrument, side,
                            cancel ? ExecType.PENDING_CANCEL : ExecType.PENDING_REPLACE,
                            cancel ? OrderStatus.PENDING_CANCEL : OrderStatus.PENDING_REPLACE, RejectReason.NONE,
                            CancelReason.NONE, Liquidity.NONE, null, FixedPoint.NULL, 0, e.leaves(i), cum,
                            e.average(i), c.timestamp, publishNanos));
                }
                case Events.REJECTED -> {
                    if (c.op != io.nautilus.core.Op.NEW && c.op != io.nautilus.core.Op.VENUE_REPORT) {
                        // a rejected cancel/replace/reduce leaves the order as it was (FIX answers it with an
                        // OrderCancelReject, not an execution report): the CommandResult carries the reason
                        continue;
                    }
                    RejectReason why = REJECT_REASONS[e.reason(i)];
                    String text = c.op == io.nautilus.core.Op.VENUE_REPORT
                            ? venueRejectText(why, c.text)
                            : c.rejectDetail == null ? why.description()
                            : why.description() + " (" + c.rejectDetail
                            + (c.rejectLimit != 0 || c.rejectValue != 0
                                    ? ": limit " + amount(c.rejectDetail, c.rejectLimit, registry, e.instrument(i))
                                    + ", would be " + amount(c.rejectDetail, c.rejectValue, registry, e.instrument(i))
                                    : "")
                            + ")";
                    reports.add(report(execId, clientId, orderId, account, instrument, side, ExecType.REJECTED,
                            OrderStatus.REJECTED, why == RejectReason.NONE ? RejectReason.OTHER : why,
                            CancelReason.NONE, Liquidity.NONE, text, FixedPoint.NULL, 0, 0, 0, 0, c.timestamp,
                            publishNanos));
                }
                default -> {
                }
            }
        }
        lastExecId = execBase + reports.size();
        List<ExecutionReport> list = switch (reports.size()) {
            case 0 -> List.of();
            case 1 -> List.of(reports.get(0));
            case 2 -> List.of(reports.get(0), reports.get(1));
            default -> List.copyOf(reports);
        };
        reports.clear();
        return list;
    }

    @Override
    public void writeSnapshot(java.io.DataOutput out) throws java.io.IOException {
        long[] ids = new long[clientOrderIds.size()];
        int n = 0;
        for (Long2LongHashMap.KeyIterator it = clientOrderIds.keySet().iterator(); it.hasNext(); ) {
            ids[n++] = it.nextValue();
        }
        java.util.Arrays.sort(ids, 0, n);
        out.writeLong(lastExecId);
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeLong(ids[i]);
            out.writeLong(clientOrderIds.get(ids[i]));
        }
    }

    @Override
    public void readSnapshot(java.io.DataInput in) throws java.io.IOException {
        clientOrderIds.clear();
        long last = in.readLong();
        int n = in.readInt();
        if (last < 0 || n < 0) {
            throw new java.io.IOException("invalid report state: last exec id " + last + ", " + n + " client ids");
        }
        for (int i = 0; i < n; i++) {
            long orderId = in.readLong();
            long clientId = in.readLong();
            if (clientId <= 0) {
                throw new java.io.IOException("invalid client order id " + clientId + " of order " + orderId);
            }
            clientOrderIds.put(orderId, clientId);
        }
        lastExecId = last;
    }

    /**
     * A risk limit or would-be value in natural units: quantity limits at the instrument's quantity scale, the order
     * notional limit at its price scale, leverage and concentration as decimal ratios; other limits (counts, account
     * money) as the raw number.
     */
    static String amount(String limit, long value, Registry.View registry, int instrument) {
        Registry.InstrumentDef def = registry.instrument(instrument);
        if (def == null) {
            return Long.toString(value);
        }
        return switch (limit) {
            case "maxOrderQty", "maxLong", "maxShort", "maxPosition" -> FixedPoint.format(value, def.quantityScale());
            case "maxOrderNotional" -> FixedPoint.format(value, def.priceScale());
            case "maxLeverage", "maxConcentration" -> CommandResult.ratio(value);
            default -> Long.toString(value);
        };
    }

    /**
     * The text of a venue's reject: the reason's description, then the venue's text (which the venue layer may
     * already have prefixed with the description: it is not repeated).
     */
    private static String venueRejectText(RejectReason why, String text) {
        if (text == null || text.isBlank()) {
            return why.description();
        }
        return text.startsWith(why.description()) ? text : why.description() + ": " + text;
    }

    /** The venue's text of a venue's cancel or expiry (its reason), else null. */
    private static String venueText(Command c) {
        return c.op == io.nautilus.core.Op.VENUE_REPORT && c.text != null && !c.text.isBlank() ? c.text : null;
    }

    private long clientOrderId(long orderId, Command c) {
        long id = clientOrderIds.get(orderId);
        if (id > 0) {
            return id;
        }
        if (c != null && c.clientOrderId > 0 && c.orderId == orderId) {
            return c.clientOrderId;
        }
        return Math.max(orderId, 1);
    }

    private static ExecutionReport fill(long execId, long clientId, long orderId, AccountId account,
                                        InstrumentId instrument, Side side, Liquidity liquidity, long price, long qty,
                                        long leaves, long cum, long average, long fee, long time, long publish) {
        return report(execId, clientId, orderId, account, instrument, side,
                leaves == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL,
                leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, RejectReason.NONE, CancelReason.NONE,
                liquidity, null, price, qty, leaves, Math.max(cum, qty), average == 0 ? price : average, fee, time,
                publish);
    }

    private static ExecutionReport report(long execId, long clientId, long orderId, AccountId account,
                                          InstrumentId instrument, Side side, ExecType exec, OrderStatus status,
                                          RejectReason reject, CancelReason cancel, Liquidity liquidity, String text,
                                          long lastPrice, long lastQty, long leaves, long cum, long average,
                                          long time, long publish) {
        return report(execId, clientId, orderId, account, instrument, side, exec, status, reject, cancel, liquidity,
                text, lastPrice, lastQty, leaves, cum, average, 0, time, publish);
    }

    private static ExecutionReport report(long execId, long clientId, long orderId, AccountId account,
                                          InstrumentId instrument, Side side, ExecType exec, OrderStatus status,
                                          RejectReason reject, CancelReason cancel, Liquidity liquidity, String text,
                                          long lastPrice, long lastQty, long leaves, long cum, long average,
                                          long fee, long time, long publish) {
        return new ExecutionReport(execId, clientId, 0, Math.max(orderId, 0), account, null, instrument, null, side,
                exec, status, reject, cancel, liquidity, text, lastPrice, lastQty, leaves, cum,
                cum > 0 ? (average == 0 ? FixedPoint.NULL : average) : FixedPoint.NULL, time, publish, fee);
    }

    private AccountId accountId(Registry.View registry, int id) {
        Registry.AccountDef def = registry.account(id);
        return def == null ? null : accountIds.get(id, def.name());
    }

    private InstrumentId instrumentId(Registry.View registry, int id) {
        Registry.InstrumentDef def = registry.instrument(id);
        return def == null ? null : instrumentIds.get(id, def.symbol());
    }

    /**
     * The id object of each dense id, made when first asked for and again only when the id's name changes.
     *
     * @param <T> the id type
     */
    private static final class IdObjects<T> {
        private final Function<String, T> make;
        private final Function<T, String> name;
        private Object[] byId = new Object[16];

        IdObjects(Function<String, T> make, Function<T, String> name) {
            this.make = make;
            this.name = name;
        }

        @SuppressWarnings("unchecked")
        T get(int id, String value) {
            if (id >= byId.length) {
                byId = Arrays.copyOf(byId, Math.max(2 * byId.length, id + 1));
            }
            T known = (T) byId[id];
            if (known == null || !name.apply(known).equals(value)) {
                known = make.apply(value);
                byId[id] = known;
            }
            return known;
        }
    }
}
