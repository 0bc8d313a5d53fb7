package io.nautilus.backtest.engine;

import io.nautilus.api.alert.Severity;
import io.nautilus.api.order.NewOrder;

/**
 * Hears the strategy's order requests as it makes them (decision time), before the exchange does, and the alerts it
 * raises through its context.
 */
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

    /**
     * An alert the strategy raised through {@link io.nautilus.api.strategy.StrategyContext#alert}; by default ignored.
     *
     * @param severity  how urgent
     * @param key       its key, {@code strategy:<id>:<key>}
     * @param text      the message
     * @param timeNanos simulated time, epoch nanoseconds
     */
    default void alert(Severity severity, String key, String text, long timeNanos) {
    }
}
