package io.nautilus.strategy.engine;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;

/**
 * One working order of a strategy instance as its context tracks it; owned by the instance's thread.
 */
final class WorkingOrder {

    final long clientOrderId;
    final InstrumentId instrument;
    final Side side;
    long orderId;
    boolean cancelRequested;
    long pendingPrice = FixedPoint.NULL;
    long pendingQuantity = FixedPoint.NULL;

    WorkingOrder(long clientOrderId, InstrumentId instrument, Side side) {
        this.clientOrderId = clientOrderId;
        this.instrument = instrument;
        this.side = side;
    }

    boolean hasPendingReplace() {
        return pendingPrice != FixedPoint.NULL || pendingQuantity != FixedPoint.NULL;
    }
}
