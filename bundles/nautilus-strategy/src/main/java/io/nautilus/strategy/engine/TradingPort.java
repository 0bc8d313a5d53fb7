package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;

import java.util.concurrent.CompletableFuture;

/**
 * What the strategy engine needs from the trading core: order entry through its risk checks, P&amp;L and
 * instrument look-ups. {@link CoreTradingPort} adapts the core's service; tests use a fake.
 *
 * <p>Order methods must not block; their futures may complete on any thread.
 */
public interface TradingPort {

    /**
     * Submits a new order.
     *
     * @param order the order, prices and quantities at the instrument's scales
     * @return the outcome, carrying the core's order id when accepted
     */
    CompletableFuture<CommandResult> submit(NewOrder order);

    /**
     * Cancels an order's whole open quantity.
     *
     * @param orderId the core's order id, greater than zero
     * @return the outcome
     */
    CompletableFuture<CommandResult> cancel(long orderId);

    /**
     * Replaces an order's price and/or total quantity.
     *
     * @param orderId     the core's order id, greater than zero
     * @param newPrice    new limit price in units of the price scale, or
     *                    {@link io.nautilus.api.instrument.FixedPoint#NULL} to keep it
     * @param newQuantity new total quantity in units of the quantity scale, or
     *                    {@link io.nautilus.api.instrument.FixedPoint#NULL} to keep it
     * @return the outcome
     */
    CompletableFuture<CommandResult> replace(long orderId, long newPrice, long newQuantity);

    /**
     * Realised P&amp;L of an account in an instrument.
     *
     * @param account    the account
     * @param instrument the instrument
     * @return in units of the instrument's price scale; 0 if never traded
     */
    long realizedPnl(AccountId account, InstrumentId instrument);

    /**
     * Unrealised P&amp;L of an account in an instrument, marked at the core's mark price.
     *
     * @param account    the account
     * @param instrument the instrument
     * @return in units of the instrument's price scale; 0 when flat
     */
    long unrealizedPnl(AccountId account, InstrumentId instrument);

    /**
     * An instrument's definition.
     *
     * @param instrument the instrument id
     * @return the definition, or {@code null} if unknown
     */
    Instrument instrument(InstrumentId instrument);
}
