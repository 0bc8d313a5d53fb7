package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;

/**
 * An immutable copy of one working order, for the admin shell and tests (not for the hot path).
 *
 * @param orderId the order id
 * @param clientOrderId the sender's id, 0 = none
 * @param account dense account id
 * @param instrument dense instrument id
 * @param side the side
 * @param type the order type (a triggered stop keeps its STOP_LIMIT type)
 * @param tif the time in force
 * @param price limit price, 0 for market and stop (market) orders
 * @param stopPrice stop price, 0 unless STOP or STOP_LIMIT
 * @param originalQty quantity of the NEW
 * @param qty current order quantity (after replaces and reduces), always {@code filledQty + openQty}
 * @param openQty open (leaves) quantity, displayed and hidden
 * @param filledQty cumulative filled quantity
 * @param displayQty iceberg slice size, 0 = fully displayed
 * @param visibleQty displayed part of the open quantity
 * @param state {@link OrderState#WORKING} or {@link OrderState#STOP_PENDING}
 * @param flags {@link io.nautilus.api.OrderFlags}
 * @param expiry GTD expiry, epoch nanoseconds, 0 = none
 */
public record OrderView(long orderId, long clientOrderId, int account, int instrument, Side side, OrderType type,
                        TimeInForce tif, long price, long stopPrice, long originalQty, long qty, long openQty,
                        long filledQty, long displayQty, long visibleQty, OrderState state, int flags, long expiry) {
}
