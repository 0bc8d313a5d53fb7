package io.nautilus.venues;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.api.venue.VenueStateListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A venue the test scripts by hand: it records what the platform sent and reports what the test tells it to. The
 * real gateways (FIX, REST, simulated) have their own tests against real peers; this one tests the venue layer's
 * mapping and reconciliation.
 */
final class ScriptedVenue implements VenueGateway {

    /** The venue's view of one order. */
    static final class Order {
        final NewOrder order;
        long cum;
        long avg;
        OrderStatus status = OrderStatus.NEW;

        Order(NewOrder order) {
            this.order = order;
        }
    }

    final VenueId venue;
    volatile ConnectionState state = ConnectionState.LOGGED_ON;
    volatile ExecutionReportListener listener;
    volatile VenueStateListener stateListener;
    volatile boolean answerStatus = true;
    final List<NewOrder> news = new CopyOnWriteArrayList<>();
    final List<CancelOrder> cancels = new CopyOnWriteArrayList<>();
    final List<ReplaceOrder> replaces = new CopyOnWriteArrayList<>();
    final List<OrderStatusQuery> queries = new CopyOnWriteArrayList<>();
    final Map<Long, Order> book = new ConcurrentHashMap<>();
    private final AtomicLong execIds = new AtomicLong(1);

    ScriptedVenue(String venue) {
        this.venue = VenueId.of(venue);
    }

    @Override
    public VenueId venueId() {
        return venue;
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public void setListener(ExecutionReportListener listener) {
        this.listener = listener;
    }

    @Override
    public void setStateListener(VenueStateListener listener) {
        this.stateListener = listener;
    }

    @Override
    public boolean sendNew(NewOrder order) {
        if (!state.isUsable()) {
            return false;
        }
        news.add(order);
        book.put(order.clientOrderId(), new Order(order));
        return true;
    }

    @Override
    public boolean sendCancel(CancelOrder cancel) {
        if (!state.isUsable()) {
            return false;
        }
        cancels.add(cancel);
        return true;
    }

    @Override
    public boolean sendReplace(ReplaceOrder replace) {
        if (!state.isUsable()) {
            return false;
        }
        replaces.add(replace);
        return true;
    }

    @Override
    public boolean requestStatus(OrderStatusQuery query) {
        queries.add(query);
        if (!answerStatus) {
            return true;
        }
        Order o = book.get(query.clientOrderId());
        if (o == null) {
            deliver(new ExecutionReport(execIds.incrementAndGet(), query.clientOrderId(), 0, 0, query.account(), null,
                    query.instrument(), venue, query.side(), ExecType.ORDER_STATUS, OrderStatus.REJECTED,
                    RejectReason.UNKNOWN_ORDER, CancelReason.NONE, Liquidity.NONE, "unknown order", FixedPoint.NULL,
                    0, 0, 0, FixedPoint.NULL, 1, 1));
        } else {
            long leaves = o.status.isFinished() ? 0 : o.order.quantity() - o.cum;
            deliver(new ExecutionReport(execIds.incrementAndGet(), query.clientOrderId(), 0, 0, query.account(), null,
                    query.instrument(), venue, query.side(), ExecType.ORDER_STATUS, o.status, RejectReason.NONE,
                    CancelReason.NONE, Liquidity.NONE, null, FixedPoint.NULL, 0, leaves, o.cum,
                    o.cum > 0 ? o.avg : FixedPoint.NULL, 1, 1));
        }
        return true;
    }

    /** Fills at the venue; the report goes out only while connected (else it is "missed"). */
    void fill(long clientOrderId, long price, long qty, boolean maker) {
        Order o = book.get(clientOrderId);
        o.avg = (o.avg * o.cum + price * qty) / (o.cum + qty);
        o.cum += qty;
        long leaves = o.order.quantity() - o.cum;
        o.status = leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        lastFill = report(o, leaves == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL, o.status,
                maker ? Liquidity.MAKER : Liquidity.TAKER, price, qty, leaves, clientOrderId, 0);
        if (state.isUsable()) {
            deliver(lastFill);
        }
    }

    /** Reports a fill with the venue's own cumulative and leaves quantities, whatever the order's quantity. */
    void fillAsReported(long clientOrderId, long price, long qty, long cum, long leaves) {
        Order o = book.get(clientOrderId);
        o.cum = cum;
        o.status = leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        deliver(report(o, leaves == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL, o.status, Liquidity.TAKER, price, qty,
                leaves, clientOrderId, 0));
    }

    /** Delivers the last fill (again, or late if it was missed), as a venue resending it would. */
    void redeliverLastFill() {
        deliver(lastFill);
    }

    void ack(long clientOrderId) {
        Order o = book.get(clientOrderId);
        deliver(report(o, ExecType.NEW, OrderStatus.NEW, Liquidity.NONE, FixedPoint.NULL, 0,
                o.order.quantity() - o.cum, clientOrderId, 0));
    }

    void canceled(long requestId, long origClientOrderId) {
        Order o = book.get(origClientOrderId);
        o.status = OrderStatus.CANCELED;
        deliver(new ExecutionReport(execIds.incrementAndGet(), requestId, origClientOrderId, 0, o.order.account(),
                null, o.order.instrument(), venue, o.order.side(), ExecType.CANCELED, OrderStatus.CANCELED,
                RejectReason.NONE, CancelReason.USER, Liquidity.NONE, null, FixedPoint.NULL, 0, 0, o.cum,
                o.cum > 0 ? o.avg : FixedPoint.NULL, 1, 1));
    }

    void cancelRejected(long requestId, long origClientOrderId) {
        Order o = book.get(origClientOrderId);
        deliver(new ExecutionReport(execIds.incrementAndGet(), requestId, origClientOrderId, 0, o.order.account(),
                null, o.order.instrument(), venue, o.order.side(), ExecType.REJECTED, o.status,
                RejectReason.UNKNOWN_ORDER, CancelReason.NONE, Liquidity.NONE, "too late to cancel", FixedPoint.NULL,
                0, o.order.quantity() - o.cum, o.cum, o.cum > 0 ? o.avg : FixedPoint.NULL, 1, 1));
    }

    void rejectNew(long clientOrderId, String text) {
        Order o = book.remove(clientOrderId);
        deliver(new ExecutionReport(execIds.incrementAndGet(), clientOrderId, 0, 0, o.order.account(), null,
                o.order.instrument(), venue, o.order.side(), ExecType.REJECTED, OrderStatus.REJECTED,
                RejectReason.RISK_LIMIT, CancelReason.NONE, Liquidity.NONE, text, FixedPoint.NULL, 0, 0, 0,
                FixedPoint.NULL, 1, 1));
    }

    private volatile ExecutionReport lastFill;

    void setState(ConnectionState next) {
        ConnectionState previous = state;
        state = next;
        VenueStateListener l = stateListener;
        if (l != null) {
            l.onStateChange(venue, previous, next, "test");
        }
    }

    private ExecutionReport report(Order o, ExecType type, OrderStatus status, Liquidity liquidity, long price,
                                   long qty, long leaves, long clientOrderId, long orig) {
        return new ExecutionReport(execIds.incrementAndGet(), clientOrderId, orig, 0, o.order.account(), null,
                o.order.instrument(), venue, o.order.side(), type, status, RejectReason.NONE, CancelReason.NONE,
                liquidity, null, price, qty, leaves, o.cum, o.cum > 0 ? o.avg : FixedPoint.NULL, 1, 1);
    }

    private void deliver(ExecutionReport report) {
        ExecutionReportListener l = listener;
        if (l != null) {
            l.onExecutionReport(report);
        }
    }

    static AccountId account(String name) {
        return AccountId.of(name);
    }

    static InstrumentId instrument(String name) {
        return InstrumentId.of(name);
    }

    static Side buy() {
        return Side.BUY;
    }
}
