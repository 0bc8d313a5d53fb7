package io.nautilus.venue.rest.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.ReplaceOrder;

/**
 * What the gateway knows of one order at the venue, keyed by its venue client order id. Written by the order
 * dispatcher (REST outcomes) and the report thread (stream events); fields are volatile.
 */
final class VenueOrder {

    final AccountId account;
    final StrategyId strategy;
    final InstrumentId instrument;
    final Side side;
    final long clientOrderId;
    final String venueClientId;
    final OrderType type;
    final TimeInForce timeInForce;
    /** For the order a replace created: the client order id it replaced; 0 otherwise. */
    final long replacesClientOrderId;

    volatile String venueOrderId;
    volatile long quantity;
    volatile long cumulativeQuantity;
    volatile long averagePrice = FixedPoint.NULL;
    volatile OrderStatus status = OrderStatus.PENDING_NEW;
    /** Whether the venue has told anything about the order (a stream event or a successful look-up). */
    volatile boolean acknowledged;
    /** The client order id of a cancel request in flight, 0 if none. */
    volatile long pendingCancelId;
    /** The replace request in flight, or {@code null}. */
    volatile ReplaceOrder pendingReplace;
    /** Whether a REPLACED report for this order (as the replacement) has been sent. */
    volatile boolean replacedReported;

    VenueOrder(AccountId account, StrategyId strategy, InstrumentId instrument, Side side, long clientOrderId,
               String venueClientId, OrderType type, TimeInForce timeInForce, long quantity,
               long replacesClientOrderId) {
        this.account = account;
        this.strategy = strategy;
        this.instrument = instrument;
        this.side = side;
        this.clientOrderId = clientOrderId;
        this.venueClientId = venueClientId;
        this.type = type;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.replacesClientOrderId = replacesClientOrderId;
    }

    long leavesQuantity() {
        return status.isFinished() ? 0 : Math.max(0, quantity - cumulativeQuantity);
    }
}
