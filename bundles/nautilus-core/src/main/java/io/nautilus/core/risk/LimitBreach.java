package io.nautilus.core.risk;

import io.nautilus.core.Command;

/**
 * A limit the current state of an account is already beyond, e.g. a position larger than a {@link Limit#MAX_LONG}
 * lowered below it: new orders that add to it are rejected, but what is there stays until someone reduces it.
 *
 * @param account    dense account id
 * @param instrument dense instrument id, or {@link Command#ANY} for a limit of the whole account
 * @param limit      the limit
 * @param value      the limit's value, at {@code scale} decimals
 * @param current    the current value it is compared with, at {@code scale} decimals
 * @param scale      decimals of both values (quantity scale, money scale or {@link Limit#RATIO_SCALE})
 */
public record LimitBreach(int account, int instrument, Limit limit, long value, long current, int scale) {

    /** @return true for a limit of the whole account */
    public boolean accountWide() {
        return instrument == Command.ANY;
    }
}
