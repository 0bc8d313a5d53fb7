package io.nautilus.web.rest;

import io.nautilus.api.instrument.FixedPoint;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How values go on the wire: decimals as strings at their scale ({@code "100.50"}), times as ISO-8601 UTC with
 * nanoseconds ({@code 2026-12-06T09:30:00.123456789Z}).
 */
final class Wire {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Wire() {
    }

    /**
     * @param nanos nanoseconds since the epoch; 0 or less for none
     * @return the time, or null for none
     */
    static String time(long nanos) {
        return nanos <= 0 ? null : TIME.format(Instant.ofEpochSecond(0, nanos));
    }

    /**
     * @param time an instant, or null
     * @return the time, or null
     */
    static String time(Instant time) {
        return time == null ? null : TIME.format(time);
    }

    /**
     * @param value a fixed-point value, or {@link FixedPoint#NULL}
     * @param scale its scale
     * @return e.g. {@code "100.50"}, or null for {@link FixedPoint#NULL}
     */
    static String decimal(long value, int scale) {
        return value == FixedPoint.NULL ? null : FixedPoint.format(value, scale);
    }
}
