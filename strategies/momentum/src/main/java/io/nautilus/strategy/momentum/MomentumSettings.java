package io.nautilus.strategy.momentum;

import io.nautilus.api.InstrumentId;

/**
 * The typed parameters of one momentum instance, validated.
 *
 * @param instrument       the instrument traded
 * @param fastLength       closes in the fast moving average, 1 or more and less than {@code slowLength}
 * @param slowLength       closes in the slow moving average, at most 10 000
 * @param targetPosition   the absolute position held in a trend, in units of the quantity scale, greater than zero
 * @param useTrades        true to take closes from trades instead of bars
 * @param marketOrders     true for market orders, false for marketable limit orders (IOC)
 * @param limitOffsetTicks how far through the last close a marketable limit is priced, in ticks, 0 or more
 * @param tickSize         the tick in units of the price scale, or 0 to take it from the instrument definition
 */
public record MomentumSettings(InstrumentId instrument, int fastLength, int slowLength, long targetPosition,
                               boolean useTrades, boolean marketOrders, int limitOffsetTicks, long tickSize) {

    /** The largest slow length. */
    public static final int MAX_LENGTH = 10_000;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first parameter out of range and its value
     */
    public MomentumSettings {
        if (instrument == null) {
            throw new IllegalArgumentException("momentum: instrument is required");
        }
        if (fastLength < 1 || fastLength >= slowLength || slowLength > MAX_LENGTH) {
            throw new IllegalArgumentException("momentum: needs 1 <= fastLength < slowLength <= " + MAX_LENGTH
                    + "; got fastLength " + fastLength + ", slowLength " + slowLength);
        }
        if (targetPosition <= 0) {
            throw new IllegalArgumentException("momentum: targetPosition " + targetPosition
                    + " must be greater than zero");
        }
        if (limitOffsetTicks < 0 || tickSize < 0) {
            throw new IllegalArgumentException("momentum: limitOffsetTicks " + limitOffsetTicks + " and tickSize "
                    + tickSize + " must not be negative");
        }
    }
}
