package io.nautilus.api.marketdata;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.FixedPoint;

import java.util.Objects;

/**
 * The best bid and offer of an instrument at one moment.
 *
 * <p>An empty side has price {@link FixedPoint#NULL} and size 0. A crossed or locked quote is representable
 * (consolidated feeds produce them); see {@link #isCrossed()}.
 *
 * @param instrument    the instrument quoted
 * @param bidPrice      best bid in units of the price scale, or {@link FixedPoint#NULL} when no bid
 * @param bidSize       size at the best bid in units of the quantity scale; 0 when no bid
 * @param askPrice      best offer in units of the price scale, or {@link FixedPoint#NULL} when no offer
 * @param askSize       size at the best offer in units of the quantity scale; 0 when no offer
 * @param timestampNanos exchange time of the quote, in nanoseconds since the epoch
 */
public record Quote(InstrumentId instrument, long bidPrice, long bidSize, long askPrice, long askSize,
                    long timestampNanos) {

    /**
     * Validates the quote.
     *
     * @throws NullPointerException     if the instrument is null
     * @throws IllegalArgumentException if a size is negative or a side has a price without size or size
     *                                  without price
     */
    public Quote {
        Objects.requireNonNull(instrument, "instrument");
        checkSide(instrument, "bid", bidPrice, bidSize);
        checkSide(instrument, "ask", askPrice, askSize);
        if (timestampNanos < 0) {
            throw new IllegalArgumentException("quote " + instrument + ": timestamp " + timestampNanos
                    + " must not be negative");
        }
    }

    private static void checkSide(InstrumentId instrument, String side, long price, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("quote " + instrument + ": " + side + " size " + size
                    + " must not be negative");
        }
        if ((price == FixedPoint.NULL) != (size == 0)) {
            throw new IllegalArgumentException("quote " + instrument + ": " + side + " needs both a price and a size"
                    + " greater than zero, or neither; got size " + size);
        }
    }

    /**
     * Whether there is a bid.
     *
     * @return true if the bid side is not empty
     */
    public boolean hasBid() {
        return bidSize > 0;
    }

    /**
     * Whether there is an offer.
     *
     * @return true if the ask side is not empty
     */
    public boolean hasAsk() {
        return askSize > 0;
    }

    /**
     * The difference between the best offer and best bid.
     *
     * @return {@code askPrice - bidPrice} in units of the price scale (negative when crossed), or
     *         {@link FixedPoint#NULL} when a side is empty
     */
    public long spread() {
        return hasBid() && hasAsk() ? askPrice - bidPrice : FixedPoint.NULL;
    }

    /**
     * Whether the bid is at or above the offer, which a single venue's book never shows.
     *
     * @return true if both sides exist and {@code bidPrice >= askPrice}
     */
    public boolean isCrossed() {
        return hasBid() && hasAsk() && bidPrice >= askPrice;
    }
}
