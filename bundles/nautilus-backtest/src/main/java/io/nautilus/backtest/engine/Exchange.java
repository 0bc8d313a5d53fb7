package io.nautilus.backtest.engine;

import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.data.MarketEvent;

import java.util.function.Consumer;

/**
 * The simulated venue of every instrument in a backtest. It owns the way strategy orders reach the trading core's
 * engine (the instruments are external there): an order arrives after the latency model's delay, goes through the
 * core's risk checks ({@code EmbeddedCore.submit}), and the fill model decides its fills, answered to the core as
 * venue reports. Every core result (with its execution reports, in order) goes to the result sink given at
 * construction, synchronously.
 *
 * <p>Called only on the backtest's thread. Methods called from a strategy callback ({@link #submit}, {@link #cancel},
 * {@link #replace}) only schedule; nothing is delivered to the sink before they return.
 */
public interface Exchange {

    /**
     * A strategy order, decided now; it reaches the core after the order latency.
     *
     * @param order the order (its client order id identifies it in {@link #cancel} and {@link #replace})
     */
    void submit(NewOrder order);

    /**
     * Cancels an order, decided now; effective after the cancel latency. An order that has not arrived yet is canceled
     * right after it arrives, so that it has a final state in the core.
     *
     * @param clientOrderId the order's client order id
     */
    void cancel(long clientOrderId);

    /**
     * Replaces an order's price and/or total quantity, decided now; effective after the cancel latency.
     *
     * @param clientOrderId the order's client order id
     * @param price         new price, or {@link io.nautilus.api.instrument.FixedPoint#NULL} to keep it
     * @param quantity      new total quantity, or {@link io.nautilus.api.instrument.FixedPoint#NULL} to keep it
     */
    void replace(long clientOrderId, long price, long quantity);

    /**
     * A market event, before the market-data pipeline and the strategy see it: fills of working and pending orders.
     *
     * @param event the event (valid only during the call)
     */
    void onMarketEvent(MarketEvent event);

    /**
     * The data ended: orders still pending or working are canceled (venue CANCELED), so every order has a final
     * state.
     */
    void finish();

    /**
     * Creates exchanges; the engine gives it the parts it owns.
     */
    @FunctionalInterface
    interface Factory {
        /**
         * @param core      the core's engine, instruments and the backtest account defined
         * @param data      the data: its instruments (indexed by {@link MarketEvent#instrument}), the kinds of event
         *                  each has and their bar intervals (read before the first event; not to be advanced)
         * @param scheduler the simulated clock
         * @param results   receives every core result, in order
         * @return the exchange
         */
        Exchange create(io.nautilus.core.embedded.EmbeddedCore core, io.nautilus.data.MarketEventSource data,
                        Scheduler scheduler, Consumer<CommandResult> results);
    }
}
