package io.nautilus.api.marketdata;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;

import java.util.Objects;

/**
 * One trade printed by a venue.
 *
 * @param instrument     the instrument traded
 * @param price          in units of the price scale, not {@link FixedPoint#NULL}
 * @param size           in units of the quantity scale, greater than zero
 * @param aggressor      the side of the incoming (taker) order, or {@code null} when the venue does not say
 * @param tradeId        the venue's trade id, or {@code null} when the venue gives none
 * @param timestampNanos exchange time of the trade, in nanoseconds since the epoch
 */
public record Trade(InstrumentId instrument, long price, long size, Side aggressor, String tradeId,
                    long timestampNanos) {

    /**
     * Validates the trade.
     *
     * @throws NullPointerException     if the instrument is null
     * @throws IllegalArgumentException if the price is missing, the size not positive or the time negative
     */
    public Trade {
        Objects.requireNonNull(instrument, "instrument");
        if (price == FixedPoint.NULL) {
            throw new IllegalArgumentException("trade " + instrument + ": price is missing");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("trade " + instrument + ": size " + size + " must be greater than zero");
        }
        if (timestampNanos < 0) {
            throw new IllegalArgumentException("trade " + instrument + ": timestamp " + timestampNanos
                    + " must not be negative");
        }
    }
}
