package io.nautilus.shell.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import java.time.Instant;

/**
 * An order as the admin types it into {@code nautilus:submit}: decimals and words, turned into a {@link NewOrder}
 * at the instrument's scales with one clear message for each mistake.
 *
 * <p>Defaults: the type is LIMIT with a price and MARKET without (STOP_LIMIT / STOP when {@code --stop} is given);
 * the time in force is GTD with {@code --expire}, IOC for a MARKET order, otherwise GTC.
 *
 * @param side            {@code BUY} or {@code SELL}, any case
 * @param quantity        decimal order quantity
 * @param price           decimal limit price, or null
 * @param type            {@link OrderType} name, or null for the default
 * @param timeInForce     {@link TimeInForce} name, or null for the default
 * @param stopPrice       decimal trigger price, or null
 * @param displayQuantity decimal iceberg display quantity, or null
 * @param postOnly        whether the order must add liquidity
 * @param reduceOnly      whether the order may only reduce the position
 * @param expire          ISO-8601 instant a GTD order expires at, or null
 */
record OrderTicket(String side, String quantity, String price, String type, String timeInForce, String stopPrice,
                   String displayQuantity, boolean postOnly, boolean reduceOnly, String expire) {

    /**
     * Builds the order.
     *
     * @param clientOrderId the order's client order id, greater than zero
     * @param account       the account to book it to
     * @param instrument    the instrument's definition, for its scales
     * @param now           the current time, to refuse an expiry in the past
     * @return the order, prices and quantities at the instrument's scales
     * @throws IllegalArgumentException naming the argument and what is wrong with it
     */
    NewOrder toOrder(long clientOrderId, AccountId account, Instrument instrument, Instant now) {
        if (clientOrderId <= 0) {
            throw new IllegalArgumentException("--client-id " + clientOrderId + " must be greater than zero");
        }
        Side orderSide = Choices.parse("side", side, Side.class);
        long orderQuantity = Decimals.parsePositive("quantity", quantity, instrument.quantityScale());
        OrderType orderType = type != null ? Choices.parse("--type", type, OrderType.class) : defaultType();

        long limitPrice = FixedPoint.NULL;
        if (orderType.hasLimitPrice()) {
            if (price == null) {
                throw new IllegalArgumentException("a " + orderType + " order needs a price (the argument after"
                        + " the quantity)");
            }
            limitPrice = Decimals.parse("price", price, instrument.priceScale());
        } else if (price != null) {
            throw new IllegalArgumentException("a " + orderType + " order takes no price; drop " + price
                    + " or use --type " + (orderType == OrderType.STOP ? "STOP_LIMIT" : "LIMIT"));
        }

        long trigger = FixedPoint.NULL;
        if (orderType.hasStopPrice()) {
            if (stopPrice == null) {
                throw new IllegalArgumentException("a " + orderType + " order needs --stop <price>");
            }
            trigger = Decimals.parse("--stop", stopPrice, instrument.priceScale());
        } else if (stopPrice != null) {
            throw new IllegalArgumentException("--stop needs --type STOP or STOP_LIMIT, not " + orderType);
        }

        TimeInForce tif = timeInForce != null ? Choices.parse("--tif", timeInForce, TimeInForce.class)
                : expire != null ? TimeInForce.GTD
                : orderType == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;

        long expireNanos = 0;
        if (tif.requiresExpireTime()) {
            if (expire == null) {
                throw new IllegalArgumentException("--tif GTD needs --expire <ISO-8601 instant>, e.g. "
                        + "--expire 2026-11-25T16:30:00Z");
            }
            Instant at = Choices.instant("--expire", expire);
            if (!at.isAfter(now)) {
                throw new IllegalArgumentException("--expire " + expire + " is not in the future (now " + now + ")");
            }
            expireNanos = Choices.epochNanos(at);
        } else if (expire != null) {
            throw new IllegalArgumentException("--expire needs --tif GTD, not " + tif);
        }

        long display = 0;
        if (displayQuantity != null) {
            display = Decimals.parsePositive("--display", displayQuantity, instrument.quantityScale());
            if (display > orderQuantity) {
                throw new IllegalArgumentException("--display " + displayQuantity + " is larger than the quantity "
                        + quantity);
            }
            if (orderType == OrderType.MARKET || tif.isImmediate()) {
                throw new IllegalArgumentException("--display needs an order that rests on the book, not "
                        + orderType + " " + tif);
            }
        }

        int flags = OrderFlags.NONE;
        if (postOnly) {
            if (orderType != OrderType.LIMIT || tif.isImmediate()) {
                throw new IllegalArgumentException("--post-only needs a LIMIT order that can rest, not "
                        + orderType + " " + tif);
            }
            flags |= OrderFlags.POST_ONLY;
        }
        if (reduceOnly) {
            flags |= OrderFlags.REDUCE_ONLY;
        }
        return new NewOrder(clientOrderId, account, null, instrument.id(), orderSide, orderType, tif, limitPrice,
                trigger, orderQuantity, display, flags, expireNanos);
    }

    private OrderType defaultType() {
        if (price != null) {
            return stopPrice != null ? OrderType.STOP_LIMIT : OrderType.LIMIT;
        }
        return stopPrice != null ? OrderType.STOP : OrderType.MARKET;
    }
}
