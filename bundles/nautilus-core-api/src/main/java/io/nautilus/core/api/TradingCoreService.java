package io.nautilus.core.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Order entry into the trading core and read access to its state, for strategies, routers and Camel routes.
 *
 * <p>Every order command passes pre-trade risk, then matching, then position keeping on the core's single writer
 * thread; the returned future completes (on the core's publisher thread: do not block in callbacks) once the
 * command was journaled and processed. A rejected command completes normally with a
 * {@link CommandResult#rejectReason()}; the future fails only if the core is not running. Execution reports of
 * every order also go to each {@link io.nautilus.api.order.ExecutionReportListener} service registered in OSGi.
 */
public interface TradingCoreService {

    /**
     * Submits a new order. The core gives it an order id (in the result and the reports); the order's client order
     * id is echoed in its reports.
     *
     * @param order the order, prices and quantities at the instrument's scales
     * @return the outcome
     */
    CompletableFuture<CommandResult> submit(NewOrder order);

    /**
     * Submits a new order of an instrument with {@code routing = external} to a chosen venue (the smart order
     * router's child orders); for other instruments the venue is ignored.
     *
     * @param order the order
     * @param venue the venue, or {@code null} for the instrument's own venue
     * @return as {@link #submit(NewOrder)}
     */
    default CompletableFuture<CommandResult> submit(NewOrder order, io.nautilus.api.VenueId venue) {
        return submit(order);
    }

    /**
     * Cancels the whole open quantity of an order.
     *
     * @param orderId the core's order id
     * @return the outcome (rejected UNKNOWN_ORDER or ORDER_FINISHED if there is nothing to cancel)
     */
    CompletableFuture<CommandResult> cancel(long orderId);

    /**
     * Replaces an order's price and/or total quantity. A quantity decrease at the same price keeps time priority;
     * a price change or a quantity increase loses it; a new price that crosses trades at once.
     *
     * @param orderId the core's order id
     * @param newPrice the new limit price, or {@link io.nautilus.api.instrument.FixedPoint#NULL} to keep it
     * @param newQuantity the new total order quantity, or {@link io.nautilus.api.instrument.FixedPoint#NULL} to keep
     *                    it; at or below the filled quantity the order is canceled
     * @return the outcome
     */
    CompletableFuture<CommandResult> replace(long orderId, long newPrice, long newQuantity);

    /**
     * Takes quantity off an order's open quantity, keeping its time priority; to zero or below cancels it.
     *
     * @param orderId the core's order id
     * @param quantity the quantity to take off, greater than zero
     * @return the outcome
     */
    CompletableFuture<CommandResult> reduce(long orderId, long quantity);

    /**
     * Sets the price positions are marked to (and the reference of the price band), e.g. from market data.
     *
     * @param instrument the instrument
     * @param price the mark price at the instrument's price scale, greater than zero
     * @return the outcome
     */
    CompletableFuture<CommandResult> mark(InstrumentId instrument, long price);

    /** @return the configured instruments, by symbol */
    List<Instrument> instruments();

    /**
     * @param instrument an instrument id
     * @return the instrument, if configured
     */
    Optional<Instrument> instrument(InstrumentId instrument);

    /** @return the configured accounts, by name */
    List<AccountView> accounts();

    /**
     * @param orderId the core's order id
     * @return the order, if it is working (resting or a waiting stop order)
     */
    Optional<OrderView> order(long orderId);

    /**
     * @param filter which orders
     * @return the working orders that match, by order id
     */
    List<OrderView> orders(OrderFilter filter);

    /**
     * @param account the account
     * @param instrument the instrument
     * @return the position (flat positions included once traded)
     */
    Optional<PositionView> position(AccountId account, InstrumentId instrument);

    /**
     * @param account an account, or null for all
     * @return positions, by account then instrument
     */
    List<PositionView> positions(AccountId account);

    /**
     * @param account an account, or null for all
     * @return P&amp;L totals per account
     */
    List<AccountPnl> pnl(AccountId account);

    /**
     * @param instrument the instrument
     * @param depth levels per side, at least 1
     * @return the book's top levels
     * @throws IllegalArgumentException on an unknown instrument
     */
    BookView book(InstrumentId instrument, int depth);

    /**
     * An order from the core's order memory: every working order, and the most recent finished ones (how many is
     * {@link #finishedOrdersKept()}), with its execution reports since the core last started.
     *
     * @param orderId the core's order id
     * @return the order with its lifecycle, or empty if the core does not know it (never existed, or evicted)
     */
    Optional<OrderHistory> orderHistory(long orderId);

    /**
     * Orders from the core's order memory, by order id.
     *
     * @param filter account, instrument, side and limit, as for {@link #orders(OrderFilter)}
     * @param state which states to list
     * @return the matching orders, lowest order id first, at most {@code filter.limit()} if it is above 0
     */
    List<OrderHistory> orderHistories(OrderFilter filter, OrderStateFilter state);

    /**
     * @return how many finished orders the order memory keeps (the oldest finished are forgotten first; working
     *         orders are always kept)
     */
    int finishedOrdersKept();
}
