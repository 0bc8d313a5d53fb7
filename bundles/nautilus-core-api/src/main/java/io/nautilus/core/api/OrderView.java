package io.nautilus.core.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;

/**
 * A working order as the core holds it.
 *
 * @param orderId the core's order id
 * @param clientOrderId the sender's id, 0 if none
 * @param account the account
 * @param instrument the instrument
 * @param side buy or sell
 * @param type order type
 * @param timeInForce time in force
 * @param price limit price (0 for market and stop orders)
 * @param stopPrice trigger price of stop orders, else 0
 * @param quantity total order quantity
 * @param openQuantity quantity still open (displayed + hidden)
 * @param filledQuantity quantity filled so far
 * @param displayQuantity iceberg display quantity, 0 if fully displayed
 * @param flags {@link io.nautilus.api.OrderFlags}
 * @param expireTimeNanos GTD expiry, 0 if none
 * @param triggered false for a stop order still waiting for its trigger
 */
public record OrderView(long orderId, long clientOrderId, AccountId account, InstrumentId instrument, Side side,
                        OrderType type, TimeInForce timeInForce, long price, long stopPrice, long quantity,
                        long openQuantity, long filledQuantity, long displayQuantity, int flags,
                        long expireTimeNanos, boolean triggered) {
}
