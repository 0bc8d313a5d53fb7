package io.nautilus.backtest.engine;

import java.time.LocalDate;

/**
 * Writes epoch nanoseconds as {@link java.time.Instant#toString()} does (ISO-8601 UTC, the fraction in groups of
 * three digits, none when zero), without allocating per call: the date part is cached per day.
 */
final class IsoTime {

    private static final long DAY_NANOS = 86_400_000_000_000L;

    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    /**
     * @param sb    appended to
     * @param nanos epoch nanoseconds, a year from 0 to 9999
     */
    void append(StringBuilder sb, long nanos) {
        long day = Math.floorDiv(nanos, DAY_NANOS);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = LocalDate.ofEpochDay(day) + "T";
        }
        long inDay = nanos - day * DAY_NANOS;
        long seconds = inDay / 1_000_000_000L;
        int fraction = (int) (inDay % 1_000_000_000L);
        sb.append(cachedDate);
        two(sb, seconds / 3600);
        sb.append(':');
        two(sb, seconds / 60 % 60);
        sb.append(':');
        two(sb, seconds % 60);
        if (fraction != 0) {
            sb.append('.');
            if (fraction % 1_000_000 == 0) {
                digits(sb, fraction / 1_000_000, 3);
            } else if (fraction % 1000 == 0) {
                digits(sb, fraction / 1000, 6);
            } else {
                digits(sb, fraction, 9);
            }
        }
        sb.append('Z');
    }

    private static void two(StringBuilder sb, long v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void digits(StringBuilder sb, int v, int width) {
        int start = sb.length();
        for (int i = 0; i < width; i++) {
            sb.append('0');
        }
        for (int i = width - 1; i >= 0; i--) {
            sb.setCharAt(start + i, (char) ('0' + v % 10));
            v /= 10;
        }
    }
}
