package io.nautilus.marketdata.api;

import java.util.Objects;

/**
 * How bars are cut: by time, by number of trades or by traded quantity.
 *
 * @param type the kind of bar
 * @param size the interval in nanoseconds ({@link Type#TIME}), the number of trades ({@link Type#TICK}) or the
 *             quantity in units of the quantity scale ({@link Type#VOLUME}); greater than zero
 */
public record BarSpec(Type type, long size) {

    /** The kind of bar. */
    public enum Type {
        /** Bars aligned to multiples of the interval since the epoch; intervals without trades emit no bar. */
        TIME,
        /** A bar every {@code size} trades. */
        TICK,
        /** A bar every {@code size} traded quantity; a trade crossing the boundary is split across bars. */
        VOLUME
    }

    /**
     * Validates the spec.
     *
     * @throws NullPointerException     if the type is null
     * @throws IllegalArgumentException if the size is not positive
     */
    public BarSpec {
        Objects.requireNonNull(type, "type");
        if (size <= 0) {
            throw new IllegalArgumentException(type + " bar size " + size + " must be greater than zero");
        }
    }

    /**
     * A time bar spec.
     *
     * @param intervalNanos the interval in nanoseconds, greater than zero
     * @return the spec
     */
    public static BarSpec time(long intervalNanos) {
        return new BarSpec(Type.TIME, intervalNanos);
    }

    /**
     * A tick bar spec.
     *
     * @param trades trades per bar, greater than zero
     * @return the spec
     */
    public static BarSpec ticks(long trades) {
        return new BarSpec(Type.TICK, trades);
    }

    /**
     * A volume bar spec.
     *
     * @param quantity quantity per bar in units of the quantity scale, greater than zero
     * @return the spec
     */
    public static BarSpec volume(long quantity) {
        return new BarSpec(Type.VOLUME, quantity);
    }
}
