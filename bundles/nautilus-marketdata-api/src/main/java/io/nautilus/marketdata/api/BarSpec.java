package io.nautilus.marketdata.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

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

    /**
     * The spec's name as operators write and read it: the interval for time bars ({@code 1m}, {@code 250ms}),
     * {@code ticks:100} and {@code volume:500} for the others (the forms of {@code etc/io.nautilus.marketdata.cfg},
     * where time bars are written {@code time:1m}); the shell, the REST API and the streams all use it.
     *
     * @return its name
     * @since 0.3.0
     */
    public String label() {
        return switch (type) {
            case TIME -> duration(size);
            case TICK -> "ticks:" + size;
            case VOLUME -> "volume:" + size;
        };
    }

    /**
     * Picks a configured spec by name.
     *
     * @param specs the engine's specs
     * @param text  a name as {@link #label} gives it, also {@code time:1s}; null for the first spec
     * @return the spec
     * @throws IllegalArgumentException if none is configured or none has that name; the message lists the names
     * @since 0.3.0
     */
    public static BarSpec find(List<BarSpec> specs, String text) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("the market-data engine builds no bars (set bars in"
                    + " etc/io.nautilus.marketdata.cfg, e.g. bars = time:1m,ticks:100)");
        }
        if (text == null) {
            return specs.get(0);
        }
        String wanted = text.strip();
        List<String> names = new ArrayList<>();
        for (BarSpec spec : specs) {
            String label = spec.label();
            if (label.equals(wanted) || ("time:" + label).equals(wanted)) {
                return spec;
            }
            names.add(label);
        }
        throw new IllegalArgumentException("no bar spec '" + wanted + "'; the engine builds "
                + String.join(", ", names));
    }

    private static String duration(long nanos) {
        long[] units = {TimeUnit.HOURS.toNanos(1), TimeUnit.MINUTES.toNanos(1), TimeUnit.SECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(1)};
        String[] names = {"h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (nanos % units[i] == 0) {
                return nanos / units[i] + names[i];
            }
        }
        return nanos + "ns";
    }
}
