package io.nautilus.data.internal;

/**
 * Allocation-free parsing of ASCII fields of a byte array: fixed-point decimals and timestamps.
 */
public final class Text {

    /** Returned by {@link #decimal} for text that is not a plain decimal number. */
    public static final long NOT_A_NUMBER = Long.MIN_VALUE;
    /** Returned by {@link #decimal} for a number with more significant decimals than the scale. */
    public static final long TOO_MANY_DECIMALS = Long.MIN_VALUE + 1;
    /** Returned by {@link #timestamp} for text that is not a timestamp. */
    public static final long NOT_A_TIME = Long.MIN_VALUE;

    private static final long[] POWERS_OF_TEN = new long[19];
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Text() {
    }

    /**
     * Parses {@code [-]digits[.digits]} to {@code value * 10^scale} exactly; decimals beyond the scale must be zeros.
     *
     * @param b     the bytes
     * @param from  first byte
     * @param to    end (exclusive)
     * @param scale 0 to 18
     * @return the fixed-point value, {@link #NOT_A_NUMBER} or {@link #TOO_MANY_DECIMALS}
     */
    public static long decimal(byte[] b, int from, int to, int scale) {
        int i = from;
        boolean negative = false;
        if (i < to && b[i] == '-') {
            negative = true;
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int intDigits = 0;
        int decimals = 0;
        int trailingZeros = 0;
        boolean point = false;
        for (; i < to; i++) {
            int c = b[i] - '0';
            if (c >= 0 && c <= 9) {
                if (significant > 0 || c != 0) {
                    if (++significant > 18) {
                        return NOT_A_NUMBER;
                    }
                }
                mantissa = mantissa * 10 + c;
                if (point) {
                    decimals++;
                    trailingZeros = c == 0 ? trailingZeros + 1 : 0;
                } else {
                    intDigits++;
                }
            } else if (b[i] == '.' && !point) {
                point = true;
            } else {
                return NOT_A_NUMBER;
            }
        }
        if (intDigits == 0 || (point && decimals == 0)) {
            return NOT_A_NUMBER;
        }
        if (decimals > scale) {
            int excess = decimals - scale;
            if (trailingZeros < excess) {
                return TOO_MANY_DECIMALS;
            }
            mantissa /= POWERS_OF_TEN[excess];
            decimals = scale;
        }
        int shift = scale - decimals;
        if (shift > 0) {
            long factor = POWERS_OF_TEN[shift];
            if (mantissa > Long.MAX_VALUE / factor) {
                return NOT_A_NUMBER;
            }
            mantissa *= factor;
        }
        return negative ? -mantissa : mantissa;
    }

    /**
     * Parses a timestamp: integer nanoseconds since the epoch, an ISO-8601 UTC date-time
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} or a date alone {@code yyyy-MM-dd} (00:00Z).
     *
     * @param b    the bytes
     * @param from first byte
     * @param to   end (exclusive)
     * @return nanoseconds since the epoch, or {@link #NOT_A_TIME}
     */
    public static long timestamp(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return NOT_A_TIME;
        }
        if (n >= 10 && b[from + 4] == '-') {
            return iso(b, from, to);
        }
        int i = from;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        if (i == to || to - i > 19) {
            return NOT_A_TIME;
        }
        long v = 0;
        for (; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return NOT_A_TIME;
            }
            if (v > (Long.MAX_VALUE - c) / 10) {
                return NOT_A_TIME;
            }
            v = v * 10 + c;
        }
        return negative ? -v : v;
    }

    private static long iso(byte[] b, int from, int to) {
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || b[from + 7] != '-'
                || day > daysInMonth(year, month)) {
            return NOT_A_TIME;
        }
        long nanos = epochDay(year, month, day) * NANOS_PER_DAY;
        int n = to - from;
        if (n == 10) {
            return nanos;
        }
        if (n < 20 || (b[from + 10] != 'T' && b[from + 10] != ' ') || b[from + 13] != ':' || b[from + 16] != ':'
                || b[to - 1] != 'Z') {
            return NOT_A_TIME;
        }
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_A_TIME;
        }
        long fraction = 0;
        int end = to - 1;
        int i = from + 19;
        if (i < end) {
            if (b[i] != '.' || end - i - 1 > 9 || end - i - 1 < 1) {
                return NOT_A_TIME;
            }
            int fd = digits(b, i + 1, end - i - 1);
            if (fd < 0) {
                return NOT_A_TIME;
            }
            fraction = fd * POWERS_OF_TEN[9 - (end - i - 1)];
        } else if (i != end) {
            return NOT_A_TIME;
        }
        return nanos + ((hour * 60L + minute) * 60L + second) * 1_000_000_000L + fraction;
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date.
     *
     * @param year  the year
     * @param month 1 to 12
     * @param day   1 to 31
     * @return the epoch day
     */
    public static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /**
     * @param nanos nanoseconds since the epoch
     * @return the UTC epoch day it falls in
     */
    public static long dayOf(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_DAY);
    }

    /** @return nanoseconds in a day */
    public static long nanosPerDay() {
        return NANOS_PER_DAY;
    }
}
