package io.nautilus.api.marketdata;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.FixedPoint;

import java.util.Objects;

/**
 * The open, high, low and close prices and the volume of an instrument's trades over an interval.
 *
 * <p>Invariants: {@code startNanos < endNanos}, {@code low <= min(open, close)}, {@code max(open, close) <= high},
 * volume and trade count not negative, and volume is 0 exactly when the trade count is 0 (a bar without
 * trades usually repeats the previous close as all four prices).
 *
 * @param instrument  the instrument
 * @param startNanos  start of the interval, inclusive, in nanoseconds since the epoch
 * @param endNanos    end of the interval, exclusive, in nanoseconds since the epoch
 * @param open        first trade price in units of the price scale
 * @param high        highest trade price in units of the price scale
 * @param low         lowest trade price in units of the price scale
 * @param close       last trade price in units of the price scale
 * @param volume      total traded quantity in units of the quantity scale
 * @param tradeCount  number of trades
 */
public record Bar(InstrumentId instrument, long startNanos, long endNanos, long open, long high, long low,
                  long close, long volume, long tradeCount) {

    /**
     * Validates the bar's invariants.
     *
     * @throws NullPointerException     if the instrument is null
     * @throws IllegalArgumentException if an invariant is broken; the message names the bar and the values
     */
    public Bar {
        Objects.requireNonNull(instrument, "instrument");
        if (startNanos < 0 || endNanos <= startNanos) {
            throw new IllegalArgumentException(name(instrument, startNanos, endNanos) + ": needs 0 <= start < end");
        }
        if (open == FixedPoint.NULL || high == FixedPoint.NULL || low == FixedPoint.NULL || close == FixedPoint.NULL) {
            throw new IllegalArgumentException(name(instrument, startNanos, endNanos)
                    + ": open, high, low and close are all required");
        }
        if (low > Math.min(open, close) || high < Math.max(open, close)) {
            throw new IllegalArgumentException(name(instrument, startNanos, endNanos)
                    + ": needs low <= open, close <= high; got open " + open
                    + ", high " + high + ", low " + low + ", close " + close);
        }
        if (volume < 0 || tradeCount < 0) {
            throw new IllegalArgumentException(name(instrument, startNanos, endNanos) + ": volume " + volume
                    + " and trade count " + tradeCount + " must not be negative");
        }
        if ((volume == 0) != (tradeCount == 0)) {
            throw new IllegalArgumentException(name(instrument, startNanos, endNanos) + ": volume " + volume
                    + " and trade count " + tradeCount + " must both be 0 or both be positive");
        }
    }

    /** The bar's name in error messages (built only when a check fails: bars are made per tick interval). */
    private static String name(InstrumentId instrument, long startNanos, long endNanos) {
        return "bar " + instrument + " [" + startNanos + ", " + endNanos + ")";
    }

    /**
     * The length of the bar's interval.
     *
     * @return {@code endNanos - startNanos}, in nanoseconds
     */
    public long intervalNanos() {
        return endNanos - startNanos;
    }

    /**
     * The bar's price range.
     *
     * @return {@code high - low}, in units of the price scale
     */
    public long range() {
        return high - low;
    }
}
