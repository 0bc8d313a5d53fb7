package io.nautilus.api.order;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;

import java.util.Objects;

/**
 * A request to place an order (FIX {@code NewOrderSingle}).
 *
 * <p>The constructor checks the order's shape, which needs no market or instrument data; whether prices and
 * quantities fit the instrument is {@link #checkAgainst(Instrument)}, and risk limits are the trading core's.
 *
 * @param clientOrderId   the sender's id for the order, greater than zero and unique per account
 * @param account         the account the order is booked to
 * @param strategy        the strategy that sent it, or {@code null} for manual and external orders
 * @param instrument      what to trade
 * @param side            buy or sell
 * @param type            how the execution price is determined
 * @param timeInForce     how long the order works
 * @param price           the limit price in units of the price scale for {@link OrderType#LIMIT} and
 *                        {@link OrderType#STOP_LIMIT}; {@link FixedPoint#NULL} for other types
 * @param stopPrice       the trigger price in units of the price scale for {@link OrderType#STOP} and
 *                        {@link OrderType#STOP_LIMIT}; {@link FixedPoint#NULL} for other types
 * @param quantity        the order quantity in units of the quantity scale, greater than zero
 * @param displayQuantity the visible part of an iceberg order in units of the quantity scale, 1 to
 *                        {@code quantity}; 0 when the whole order is visible
 * @param flags           a combination of {@link OrderFlags}
 * @param expireTimeNanos when a {@link TimeInForce#GTD} order expires, in nanoseconds since the epoch; 0 for
 *                        other times in force
 */
public record NewOrder(long clientOrderId, AccountId account, StrategyId strategy, InstrumentId instrument,
                       Side side, OrderType type, TimeInForce timeInForce, long price, long stopPrice,
                       long quantity, long displayQuantity, int flags, long expireTimeNanos) {

    /**
     * Validates the order's shape.
     *
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException if the shape is invalid; the message names the order and what is wrong
     */
    public NewOrder {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (clientOrderId <= 0) {
            throw new IllegalArgumentException("client order id " + clientOrderId + " must be greater than zero");
        }
        String order = "order " + clientOrderId + " (" + type + " " + timeInForce + ")";
        if (type.hasLimitPrice() && price == FixedPoint.NULL) {
            throw new IllegalArgumentException(order + " needs a limit price");
        }
        if (!type.hasLimitPrice() && price != FixedPoint.NULL) {
            throw new IllegalArgumentException(order + " must not have a limit price, got " + price);
        }
        if (type.hasStopPrice() && stopPrice == FixedPoint.NULL) {
            throw new IllegalArgumentException(order + " needs a stop price");
        }
        if (!type.hasStopPrice() && stopPrice != FixedPoint.NULL) {
            throw new IllegalArgumentException(order + " must not have a stop price, got " + stopPrice);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException(order + ": quantity " + quantity + " must be greater than zero");
        }
        if (displayQuantity < 0 || displayQuantity > quantity) {
            throw new IllegalArgumentException(order + ": display quantity " + displayQuantity
                    + " must be within 0.." + quantity + " (the order quantity)");
        }
        if (displayQuantity > 0 && (type == OrderType.MARKET || timeInForce.isImmediate())) {
            throw new IllegalArgumentException(order + ": a display quantity needs an order that can rest on the book");
        }
        if (!OrderFlags.isValid(flags)) {
            throw new IllegalArgumentException(order + ": flags " + OrderFlags.toString(flags)
                    + " contain undefined bits");
        }
        if (OrderFlags.isPostOnly(flags) && (type != OrderType.LIMIT || timeInForce.isImmediate())) {
            throw new IllegalArgumentException(order + ": post-only needs a LIMIT order that can rest (not IOC or FOK)");
        }
        if (timeInForce.requiresExpireTime() && expireTimeNanos <= 0) {
            throw new IllegalArgumentException(order + " needs an expire time, got " + expireTimeNanos);
        }
        if (!timeInForce.requiresExpireTime() && expireTimeNanos != 0) {
            throw new IllegalArgumentException(order + " must not have an expire time, got " + expireTimeNanos);
        }
    }

    /**
     * A good-till-canceled limit order without flags, the most common shape.
     *
     * @param clientOrderId greater than zero
     * @param account       the account to book to
     * @param strategy      the sending strategy, or {@code null}
     * @param instrument    what to trade
     * @param side          buy or sell
     * @param price         limit price in units of the price scale
     * @param quantity      in units of the quantity scale, greater than zero
     * @return the order
     * @throws IllegalArgumentException if a value is invalid
     */
    public static NewOrder limit(long clientOrderId, AccountId account, StrategyId strategy,
                                 InstrumentId instrument, Side side, long price, long quantity) {
        return new NewOrder(clientOrderId, account, strategy, instrument, side, OrderType.LIMIT, TimeInForce.GTC,
                price, FixedPoint.NULL, quantity, 0, OrderFlags.NONE, 0);
    }

    /**
     * An immediate-or-cancel market order without flags.
     *
     * @param clientOrderId greater than zero
     * @param account       the account to book to
     * @param strategy      the sending strategy, or {@code null}
     * @param instrument    what to trade
     * @param side          buy or sell
     * @param quantity      in units of the quantity scale, greater than zero
     * @return the order
     * @throws IllegalArgumentException if a value is invalid
     */
    public static NewOrder market(long clientOrderId, AccountId account, StrategyId strategy,
                                  InstrumentId instrument, Side side, long quantity) {
        return new NewOrder(clientOrderId, account, strategy, instrument, side, OrderType.MARKET, TimeInForce.IOC,
                FixedPoint.NULL, FixedPoint.NULL, quantity, 0, OrderFlags.NONE, 0);
    }

    /**
     * Whether the order is an iceberg, showing only part of its quantity.
     *
     * @return true if {@code displayQuantity} is set and below the order quantity
     */
    public boolean isIceberg() {
        return displayQuantity > 0 && displayQuantity < quantity;
    }

    /**
     * Checks the order's prices and quantities against its instrument's grid; allocation-free.
     *
     * @param definition the definition of {@link #instrument()}
     * @return {@link RejectReason#NONE} if the order fits, otherwise the first reason it does not
     */
    public RejectReason checkAgainst(Instrument definition) {
        if (!definition.id().equals(instrument)) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if ((price != FixedPoint.NULL && !definition.isOnTick(price))
                || (stopPrice != FixedPoint.NULL && !definition.isOnTick(stopPrice))) {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        if (!definition.isLotMultiple(quantity) || !definition.isLotMultiple(displayQuantity)) {
            return RejectReason.QUANTITY_NOT_LOT_MULTIPLE;
        }
        if (quantity < definition.minQuantity()) {
            return RejectReason.QUANTITY_BELOW_MINIMUM;
        }
        return RejectReason.NONE;
    }
}
