package io.nautilus.api.strategy;

import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;

import java.util.Map;

/**
 * A trading strategy, registered as an OSGi service by a strategy bundle and driven by the strategy engine.
 *
 * <p>The engine calls every method on the strategy's own thread, one at a time, so a strategy needs no
 * locking. Callbacks must not block and should not allocate on the hot path; the time of an event is
 * {@link StrategyContext#nowNanos()}, never the wall clock, so backtests replay identically. Every event
 * method does nothing by default, so a strategy overrides only what it needs.
 *
 * <p>Hot swap: before replacing a running strategy with a new version the engine calls {@link #exportState()}
 * on the old one and {@link #importState(Map)} on the new one before {@link #start(StrategyContext)}.
 */
public interface Strategy {

    /**
     * Starts the strategy; from now on it receives events and may trade.
     *
     * @param context the strategy's access to orders, positions, timers and parameters, valid until
     *                {@link #stop()} returns
     */
    void start(StrategyContext context);

    /**
     * Stops the strategy; it receives no further events and must not use its context afterwards. The engine
     * decides separately whether to cancel the strategy's working orders.
     */
    void stop();

    /**
     * Handles a new best bid and offer of a subscribed instrument.
     *
     * @param quote the quote; valid only during the call if the engine reuses instances
     */
    default void onQuote(Quote quote) {
    }

    /**
     * Handles a trade of a subscribed instrument.
     *
     * @param trade the trade; valid only during the call if the engine reuses instances
     */
    default void onTrade(Trade trade) {
    }

    /**
     * Handles a completed bar of a subscribed instrument.
     *
     * @param bar the bar; valid only during the call if the engine reuses instances
     */
    default void onBar(Bar bar) {
    }

    /**
     * Handles an order book level update of a subscribed instrument.
     *
     * @param level the update; valid only during the call if the engine reuses instances
     */
    default void onBookLevel(BookLevel level) {
    }

    /**
     * Handles a state change of one of the strategy's own orders.
     *
     * @param report the report; valid only during the call if the engine reuses instances
     */
    default void onExecutionReport(ExecutionReport report) {
    }

    /**
     * Handles a timer scheduled through {@link StrategyContext#scheduleTimer(long)} or
     * {@link StrategyContext#scheduleRepeatingTimer(long)}.
     *
     * @param timerId  the id returned when the timer was scheduled
     * @param nowNanos the strategy clock at the firing, in nanoseconds since the epoch
     */
    default void onTimer(long timerId, long nowNanos) {
    }

    /**
     * Captures the state a new version of the strategy needs to continue where this one stops.
     *
     * @return the state as string keys and values, including a version key of the strategy's choice; empty by
     *         default
     */
    default Map<String, String> exportState() {
        return Map.of();
    }

    /**
     * Restores state exported by a previous version, before {@link #start(StrategyContext)}.
     *
     * @param state what {@link #exportState()} returned, never null
     * @throws IllegalArgumentException if the state cannot be used; the engine then keeps the old version running
     */
    default void importState(Map<String, String> state) {
    }
}
