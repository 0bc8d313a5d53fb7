package io.nautilus.venue.fix;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.OrderStatus;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * What the gateway knows of one order at the venue: what a cancel, replace or status request must repeat (FIX
 * requires Symbol, Side, OrdType and the full new price and quantity), and the last reported state that an
 * OrderCancelReject or a reject of a request leaves unchanged. Guarded by the gateway's lock.
 */
final class TrackedOrder {

    /** Fill ExecIDs remembered per order (the most recent ones). */
    static final int EXEC_ID_LIMIT = 1_000;

    final AccountId account;
    final StrategyId strategy;
    final InstrumentId instrument;
    final Side side;
    OrderType type;
    TimeInForce timeInForce;
    long price;
    long stopPrice;
    long quantity;
    long expireTimeNanos;

    /** The order's latest client order id (it changes with each replace). */
    long clientOrderId;
    OrderStatus status = OrderStatus.PENDING_NEW;
    long leavesQuantity;
    long cumulativeQuantity;
    long averagePrice = FixedPoint.NULL;
    long orderId;
    /** The venue's ExecIDs of the fills seen, oldest first; null until the first fill. */
    private LinkedHashSet<String> fillExecIds;

    TrackedOrder(long clientOrderId, AccountId account, StrategyId strategy, InstrumentId instrument, Side side,
                 OrderType type, TimeInForce timeInForce, long price, long stopPrice, long quantity,
                 long expireTimeNanos) {
        this.clientOrderId = clientOrderId;
        this.account = account;
        this.strategy = strategy;
        this.instrument = instrument;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.stopPrice = stopPrice;
        this.quantity = quantity;
        this.expireTimeNanos = expireTimeNanos;
        this.leavesQuantity = quantity;
    }

    /**
     * Remembers a fill's ExecID.
     *
     * @param execId the venue's ExecID (17)
     * @return false if the fill was seen before (the venue sent it again)
     */
    boolean firstSeen(String execId) {
        if (fillExecIds == null) {
            fillExecIds = new LinkedHashSet<>();
        }
        if (!fillExecIds.add(execId)) {
            return false;
        }
        if (fillExecIds.size() > EXEC_ID_LIMIT) {
            Iterator<String> oldest = fillExecIds.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /**
     * The status to report when a cancel or replace of this order is refused: its last status, with a pending
     * cancel or replace undone.
     *
     * @return the status
     */
    OrderStatus statusAfterRefusedRequest() {
        if (status == OrderStatus.PENDING_CANCEL || status == OrderStatus.PENDING_REPLACE) {
            return cumulativeQuantity > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        }
        return status;
    }
}
