package io.nautilus.core.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;

/**
 * Which working orders to list; null components match everything.
 *
 * @param account only this account, or null
 * @param instrument only this instrument, or null
 * @param side only this side, or null
 * @param limit at most this many orders (by order id), 0 for no limit
 */
public record OrderFilter(AccountId account, InstrumentId instrument, Side side, int limit) {

    /** Every working order. */
    public static final OrderFilter ALL = new OrderFilter(null, null, null, 0);
}
