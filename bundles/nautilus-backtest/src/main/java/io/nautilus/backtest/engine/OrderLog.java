package io.nautilus.backtest.engine;

import io.nautilus.api.order.NewOrder;

/** Hears the strategy's order requests as it makes them (decision time), before the exchange does. */
public interface OrderLog {

    /**
     * A new order.
     *
     * @param order     the order
     * @param timeNanos decision time, epoch nanoseconds
     */
    void submitted(NewOrder order, long timeNanos);

    /**
     * A replace request.
     *
     * @param clientOrderId the order's client order id
     * @param price         new price, or {@link io.nautilus.api.instrument.FixedPoint#NULL} to keep it
     * @param quantity      new total quantity, or {@link io.nautilus.api.instrument.FixedPoint#NULL} to keep it
     */
    void replaceRequested(long clientOrderId, long price, long quantity);
}
