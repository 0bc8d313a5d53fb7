package io.nautilus.web.json;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How values go on the wire: decimals as strings at their scale ({@code "100.50"}), times as ISO-8601 UTC with
 * nanoseconds ({@code 2026-12-06T09:30:00.123456789Z}), absent values null.
 */
public final class Wire {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Wire() {
    }

    /**
     * @param nanos nanoseconds since the epoch; 0 or less for none
     * @return the time, or null for none
     */
    public static String time(long nanos) {
        return nanos <= 0 ? null : TIME.format(Instant.ofEpochSecond(0, nanos));
    }

    /**
     * @param time an instant, or null
     * @return the time, or null
     */
    public static String time(Instant time) {
        return time == null ? null : TIME.format(time);
    }

    /**
     * @param value a fixed-point value, or {@link FixedPoint#NULL}
     * @param scale its scale
     * @return e.g. {@code "100.50"}, or null for {@link FixedPoint#NULL}
     */
    public static String decimal(long value, int scale) {
        return value == FixedPoint.NULL ? null : FixedPoint.format(value, scale);
    }

    /**
     * @param value a fixed-point value where 0 means none (a price of no fill, an empty side)
     * @param scale its scale
     * @return the decimal, or null for 0 or {@link FixedPoint#NULL}
     */
    public static String nonZero(long value, int scale) {
        return value == 0 ? null : decimal(value, scale);
    }

    /**
     * @param instrument an instrument's definition, or null when the core does not define it
     * @return its price scale, 0 for none (as the shell shows an unknown instrument)
     */
    public static int priceScale(Instrument instrument) {
        return instrument == null ? 0 : instrument.priceScale();
    }

    /**
     * @param instrument an instrument's definition, or null when the core does not define it
     * @return its quantity scale, 0 for none
     */
    public static int quantityScale(Instrument instrument) {
        return instrument == null ? 0 : instrument.quantityScale();
    }

    /**
     * @param reason a reason enum whose {@code NONE} constant means no reason, or null
     * @return its name, or null for none
     */
    public static String reason(Enum<?> reason) {
        return reason == null || reason.name().equals("NONE") ? null : reason.name();
    }
}
