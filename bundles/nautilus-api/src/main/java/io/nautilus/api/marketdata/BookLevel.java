package io.nautilus.api.marketdata;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;

import java.util.Objects;

/**
 * An update of one price level of an order book: the level's new size, or its removal when the size is 0.
 *
 * @param instrument     the instrument of the book
 * @param side           {@link Side#BUY} for bids, {@link Side#SELL} for offers
 * @param level          the level's position from the top, 0 being the best price
 * @param price          in units of the price scale, not {@link FixedPoint#NULL}
 * @param size           total size at the price in units of the quantity scale; 0 removes the level
 * @param orderCount     number of orders at the price, 0 when removed or when the venue does not say
 * @param timestampNanos exchange time of the update, in nanoseconds since the epoch
 */
public record BookLevel(InstrumentId instrument, Side side, int level, long price, long size, int orderCount,
                        long timestampNanos) {

    /**
     * Validates the update.
     *
     * @throws NullPointerException     if the instrument or side is null
     * @throws IllegalArgumentException if a value is out of range; the message names the instrument and value
     */
    public BookLevel {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        String where = "book level " + instrument + " " + side + " " + level;
        if (level < 0) {
            throw new IllegalArgumentException(where + ": level must not be negative");
        }
        if (price == FixedPoint.NULL) {
            throw new IllegalArgumentException(where + ": price is missing");
        }
        if (size < 0 || orderCount < 0) {
            throw new IllegalArgumentException(where + ": size " + size + " and order count " + orderCount
                    + " must not be negative");
        }
        if (size == 0 && orderCount != 0) {
            throw new IllegalArgumentException(where + ": a removed level has no orders, got " + orderCount);
        }
        if (timestampNanos < 0) {
            throw new IllegalArgumentException(where + ": timestamp " + timestampNanos + " must not be negative");
        }
    }

    /**
     * Whether this update removes the level.
     *
     * @return true if the size is 0
     */
    public boolean isRemoval() {
        return size == 0;
    }
}
