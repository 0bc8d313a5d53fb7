package io.nautilus.api.strategy;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;

import java.util.Map;

/**
 * What the strategy engine offers a running strategy: order entry, positions and P&amp;L, timers, the clock,
 * instrument definitions and configured parameters.
 *
 * <p>Call it only from the strategy's callbacks (the strategy's thread). Order methods return at once with the
 * client order id they assigned; the outcome (acceptance, fills, rejects with a
 * {@link io.nautilus.api.order.RejectReason}) arrives later through
 * {@link Strategy#onExecutionReport(io.nautilus.api.order.ExecutionReport)}.
 */
public interface StrategyContext {

    /**
     * The id this strategy instance runs under.
     *
     * @return the strategy id
     */
    StrategyId strategyId();

    /**
     * The account the strategy's orders are booked to.
     *
     * @return the account id
     */
    AccountId account();

    /**
     * The strategy clock: wall time when live, replayed time in a backtest.
     *
     * @return nanoseconds since the epoch
     */
    long nowNanos();

    /**
     * Submits an order of any shape.
     *
     * @param instrument      what to trade
     * @param side            buy or sell
     * @param type            order type
     * @param timeInForce     time in force
     * @param price           limit price in units of the price scale, or {@link FixedPoint#NULL} for types
     *                        without one
     * @param stopPrice       stop price in units of the price scale, or {@link FixedPoint#NULL} for types
     *                        without one
     * @param quantity        in units of the quantity scale, greater than zero
     * @param flags           a combination of {@link OrderFlags}
     * @param expireTimeNanos expire time for {@link TimeInForce#GTD} in nanoseconds since the epoch, else 0
     * @return the client order id assigned to the order
     * @throws IllegalArgumentException if the order's shape is invalid (see
     *                                  {@link io.nautilus.api.order.NewOrder})
     */
    long submit(InstrumentId instrument, Side side, OrderType type, TimeInForce timeInForce, long price,
                long stopPrice, long quantity, int flags, long expireTimeNanos);

    /**
     * Submits a good-till-canceled limit order.
     *
     * @param instrument what to trade
     * @param side       buy or sell
     * @param price      limit price in units of the price scale
     * @param quantity   in units of the quantity scale, greater than zero
     * @param flags      a combination of {@link OrderFlags}
     * @return the client order id assigned to the order
     */
    default long submitLimit(InstrumentId instrument, Side side, long price, long quantity, int flags) {
        return submit(instrument, side, OrderType.LIMIT, TimeInForce.GTC, price, FixedPoint.NULL, quantity, flags, 0);
    }

    /**
     * Submits an immediate-or-cancel market order.
     *
     * @param instrument what to trade
     * @param side       buy or sell
     * @param quantity   in units of the quantity scale, greater than zero
     * @return the client order id assigned to the order
     */
    default long submitMarket(InstrumentId instrument, Side side, long quantity) {
        return submit(instrument, side, OrderType.MARKET, TimeInForce.IOC, FixedPoint.NULL, FixedPoint.NULL,
                quantity, OrderFlags.NONE, 0);
    }

    /**
     * Requests the cancel of one of this strategy's working orders.
     *
     * @param clientOrderId the order's current client order id
     * @return the client order id assigned to the cancel request
     */
    long cancel(long clientOrderId);

    /**
     * Requests a change of price and/or quantity of one of this strategy's working orders.
     *
     * @param clientOrderId the order's current client order id
     * @param price         new limit price in units of the price scale, or {@link FixedPoint#NULL} to keep it
     * @param quantity      new total quantity in units of the quantity scale, or 0 to keep it
     * @return the client order id the order continues under once replaced
     * @throws IllegalArgumentException if neither price nor quantity changes
     */
    long replace(long clientOrderId, long price, long quantity);

    /**
     * Requests the cancel of every working order of this strategy in an instrument.
     *
     * @param instrument the instrument, or {@code null} for all instruments
     * @return the number of cancel requests sent
     */
    int cancelAll(InstrumentId instrument);

    /**
     * The strategy's net position in an instrument, from fills seen so far.
     *
     * @param instrument the instrument
     * @return signed quantity in units of the quantity scale: positive long, negative short, 0 flat
     */
    long position(InstrumentId instrument);

    /**
     * The strategy's realised profit and loss in an instrument.
     *
     * @param instrument the instrument
     * @return in the instrument's currency, in units of its price scale
     */
    long realizedPnl(InstrumentId instrument);

    /**
     * The strategy's unrealised profit and loss in an instrument, marked at the latest market price.
     *
     * @param instrument the instrument
     * @return in the instrument's currency, in units of its price scale; 0 when flat
     */
    long unrealizedPnl(InstrumentId instrument);

    /**
     * The definition of an instrument.
     *
     * @param instrument the instrument id
     * @return the definition, or {@code null} if the platform does not know the instrument
     */
    Instrument instrument(InstrumentId instrument);

    /**
     * Schedules a one-shot timer on the strategy clock.
     *
     * @param delayNanos delay from {@link #nowNanos()}, 0 or more
     * @return the timer's id, passed to {@link Strategy#onTimer(long, long)}
     */
    long scheduleTimer(long delayNanos);

    /**
     * Schedules a timer that fires repeatedly on the strategy clock until canceled.
     *
     * @param periodNanos the period, greater than zero
     * @return the timer's id, passed to {@link Strategy#onTimer(long, long)} at every firing
     */
    long scheduleRepeatingTimer(long periodNanos);

    /**
     * Cancels a timer.
     *
     * @param timerId an id returned by a schedule method
     * @return true if the timer was pending and will not fire again
     */
    boolean cancelTimer(long timerId);

    /**
     * The strategy's configured parameters, from its configuration.
     *
     * @return unmodifiable map of parameter names to values
     */
    Map<String, String> parameters();

    /**
     * One configured parameter.
     *
     * @param name         the parameter's name
     * @param defaultValue returned when the parameter is not configured
     * @return the configured value or {@code defaultValue}
     */
    default String parameter(String name, String defaultValue) {
        return parameters().getOrDefault(name, defaultValue);
    }

    /**
     * Raises an alert about this strategy to the platform's notification engine, e.g. "spread too wide for an
     * hour". The engine prefixes the key with {@code strategy:<id>:} and labels the alert with the strategy and
     * its account, so operators can route, silence and acknowledge it like any other. Returns at once; repeats
     * with the same key while the alert is firing are deduplicated.
     *
     * <p>Contexts that cannot deliver alerts (a unit test's recording context, say) ignore them: the default
     * does nothing. The live strategy engine and the backtest engine implement it.
     *
     * @param severity how urgent it is
     * @param key      what it is about, stable across repeats, e.g. {@code spread-wide}; not blank
     * @param text     the message; not blank
     */
    default void alert(Severity severity, String key, String text) {
    }
}
