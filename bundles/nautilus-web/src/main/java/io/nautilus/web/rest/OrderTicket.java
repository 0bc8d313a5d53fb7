package io.nautilus.web.rest;

import io.nautilus.api.AccountId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The body of {@code POST /api/v1/orders}: decimals and words, turned into a {@link NewOrder} at the instrument's
 * scales with the shell's defaults and one clear message per mistake. The type defaults to LIMIT with a price and
 * MARKET without (STOP_LIMIT / STOP with a stop price); the time in force to GTD with an expiry, IOC for MARKET,
 * otherwise GTC.
 *
 * @param account         the account
 * @param instrument      the instrument id or venue symbol
 * @param side            {@code BUY} or {@code SELL}, any case
 * @param type            an {@link OrderType} name, or null
 * @param timeInForce     a {@link TimeInForce} name, or null
 * @param price           the limit price as a decimal string, or null
 * @param stopPrice       the trigger price as a decimal string, or null
 * @param quantity        the quantity as a decimal string
 * @param displayQuantity the iceberg display quantity, or null
 * @param postOnly        whether the order must add liquidity (null: false)
 * @param reduceOnly      whether the order may only reduce the position (null: false)
 * @param expireTime      when a GTD order expires, an ISO-8601 instant, or null
 * @param venue           the venue of an externally routed instrument, or null for its own
 * @param clientOrderId   the client order id, or null to have one generated
 */
record OrderTicket(String account, String instrument, String side, String type, String timeInForce, String price,
                   String stopPrice, String quantity, String displayQuantity, Boolean postOnly, Boolean reduceOnly,
                   String expireTime, String venue, Long clientOrderId) {

    /**
     * Builds the order.
     *
     * @param clientId   the client order id to use when the ticket has none
     * @param accountId  the account, checked
     * @param definition the instrument's definition
     * @param now        the current time, to refuse an expiry in the past
     * @return the order
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    NewOrder toOrder(long clientId, AccountId accountId, Instrument definition, Instant now) {
        long id = clientOrderId != null ? clientOrderId : clientId;
        if (id <= 0) {
            throw new IllegalArgumentException("clientOrderId " + id + " must be greater than zero");
        }
        require(side, "side");
        require(quantity, "quantity");
        Side orderSide = Decimals.choice("side", side, Side.class);
        long orderQuantity = Decimals.parsePositive("quantity", quantity, definition.quantityScale());
        OrderType orderType = type != null ? Decimals.choice("type", type, OrderType.class) : defaultType();

        long limit = FixedPoint.NULL;
        if (orderType.hasLimitPrice()) {
            if (price == null) {
                throw new IllegalArgumentException("a " + orderType + " order needs a price");
            }
            limit = Decimals.parse("price", price, definition.priceScale());
        } else if (price != null) {
            throw new IllegalArgumentException("a " + orderType + " order takes no price; drop it or use type "
                    + (orderType == OrderType.STOP ? "STOP_LIMIT" : "LIMIT"));
        }
        long trigger = FixedPoint.NULL;
        if (orderType.hasStopPrice()) {
            if (stopPrice == null) {
                throw new IllegalArgumentException("a " + orderType + " order needs a stopPrice");
            }
            trigger = Decimals.parse("stopPrice", stopPrice, definition.priceScale());
        } else if (stopPrice != null) {
            throw new IllegalArgumentException("stopPrice needs type STOP or STOP_LIMIT, not " + orderType);
        }

        TimeInForce tif = timeInForce != null ? Decimals.choice("timeInForce", timeInForce, TimeInForce.class)
                : expireTime != null ? TimeInForce.GTD
                : orderType == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        long expireNanos = 0;
        if (tif.requiresExpireTime()) {
            if (expireTime == null) {
                throw new IllegalArgumentException("timeInForce GTD needs expireTime (an ISO-8601 instant, e.g."
                        + " 2026-11-25T16:30:00Z)");
            }
            Instant at;
            try {
                at = Instant.parse(expireTime.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expireTime '" + expireTime + "' is not an ISO-8601 instant such as"
                        + " 2026-11-25T16:30:00Z");
            }
            if (!at.isAfter(now)) {
                throw new IllegalArgumentException("expireTime " + expireTime + " is not in the future (now " + now
                        + ")");
            }
            expireNanos = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        } else if (expireTime != null) {
            throw new IllegalArgumentException("expireTime needs timeInForce GTD, not " + tif);
        }

        long display = 0;
        if (displayQuantity != null) {
            display = Decimals.parsePositive("displayQuantity", displayQuantity, definition.quantityScale());
            if (display > orderQuantity) {
                throw new IllegalArgumentException("displayQuantity " + displayQuantity + " is larger than the"
                        + " quantity " + quantity);
            }
            if (orderType == OrderType.MARKET || tif.isImmediate()) {
                throw new IllegalArgumentException("displayQuantity needs an order that rests on the book, not "
                        + orderType + " " + tif);
            }
        }
        int flags = OrderFlags.NONE;
        if (Boolean.TRUE.equals(postOnly)) {
            if (orderType != OrderType.LIMIT || tif.isImmediate()) {
                throw new IllegalArgumentException("postOnly needs a LIMIT order that can rest, not " + orderType
                        + " " + tif);
            }
            flags |= OrderFlags.POST_ONLY;
        }
        if (Boolean.TRUE.equals(reduceOnly)) {
            flags |= OrderFlags.REDUCE_ONLY;
        }
        return new NewOrder(id, accountId, null, definition.id(), orderSide, orderType, tif, limit, trigger,
                orderQuantity, display, flags, expireNanos);
    }

    private OrderType defaultType() {
        if (price != null) {
            return stopPrice != null ? OrderType.STOP_LIMIT : OrderType.LIMIT;
        }
        return stopPrice != null ? OrderType.STOP : OrderType.MARKET;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is needed");
        }
    }
}
