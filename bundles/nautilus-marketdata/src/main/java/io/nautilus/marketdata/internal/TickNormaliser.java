package io.nautilus.marketdata.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;

import java.math.BigDecimal;

/**
 * Converts feed prices and sizes (decimal text or doubles) to fixed-point at an instrument's scales, exactly:
 * a value with more decimals than the scale, or one that overflows, is an error rather than rounded.
 *
 * <p>Runs on feed threads, at the edge; errors are {@link IllegalArgumentException}s naming the instrument,
 * the field, the value and the scale.
 */
final class TickNormaliser {

    private TickNormaliser() {
    }

    /**
     * Converts a price.
     *
     * @param instrument the instrument
     * @param field      the field name for the message, e.g. {@code "bid"}
     * @param text       decimal text
     * @return the price in units of the price scale
     * @throws IllegalArgumentException if the text is missing, not a number or does not fit the price scale
     */
    static long price(Instrument instrument, String field, String text) {
        return convert(instrument, field, text, instrument.priceScale());
    }

    /**
     * Converts a quantity.
     *
     * @param instrument the instrument
     * @param field      the field name for the message, e.g. {@code "size"}
     * @param text       decimal text
     * @return the quantity in units of the quantity scale
     * @throws IllegalArgumentException if the text is missing, not a number or does not fit the quantity scale
     */
    static long quantity(Instrument instrument, String field, String text) {
        return convert(instrument, field, text, instrument.quantityScale());
    }

    /**
     * Converts a price given as a double through its shortest decimal representation.
     *
     * @param instrument the instrument
     * @param field      the field name for the message
     * @param value      the price; finite
     * @return the price in units of the price scale
     * @throws IllegalArgumentException if the value is not finite or does not fit the price scale
     */
    static long price(Instrument instrument, String field, double value) {
        return convert(instrument, field, value, instrument.priceScale());
    }

    /**
     * Converts a quantity given as a double through its shortest decimal representation.
     *
     * @param instrument the instrument
     * @param field      the field name for the message
     * @param value      the quantity; finite
     * @return the quantity in units of the quantity scale
     * @throws IllegalArgumentException if the value is not finite or does not fit the quantity scale
     */
    static long quantity(Instrument instrument, String field, double value) {
        return convert(instrument, field, value, instrument.quantityScale());
    }

    private static long convert(Instrument instrument, String field, String text, int scale) {
        long fast = parsePlain(text, scale);
        if (fast != NOT_PLAIN) {
            return fast;
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(instrument.id() + " " + field + ": value is missing");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(instrument.id() + " " + field + ": '" + text
                    + "' is not a decimal number");
        }
        return convert(instrument, field, value, scale);
    }

    /** Returned by {@link #parsePlain} when the text needs the exact (BigDecimal) path. */
    static final long NOT_PLAIN = Long.MIN_VALUE;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * The allocation-free path for the common shape of feed text: an optional {@code -}, 1 to 18 digits, and
     * optionally a {@code .} followed by at least one digit, at most {@code scale} of them significant (further
     * decimals must be zeros). Anything else (blank, signs, exponents, white space, too many digits or decimals,
     * overflow) returns {@link #NOT_PLAIN} and takes the exact BigDecimal path, which produces the same value or
     * the error message.
     *
     * @param text  decimal text, may be null
     * @param scale 0 to 18
     * @return {@code text * 10^scale}, or {@link #NOT_PLAIN}
     */
    static long parsePlain(String text, int scale) {
        if (text == null) {
            return NOT_PLAIN;
        }
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && text.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int intDigits = 0;
        int decimals = 0;
        int trailingZeros = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return NOT_PLAIN;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    decimals++;
                    trailingZeros = c == '0' ? trailingZeros + 1 : 0;
                } else {
                    intDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return NOT_PLAIN;
            }
        }
        if (intDigits == 0 || (point && decimals == 0)) {
            return NOT_PLAIN;
        }
        if (decimals > scale) {
            int excess = decimals - scale;
            if (trailingZeros < excess) {
                return NOT_PLAIN; // more significant decimals than the scale: the exact path names the error
            }
            mantissa /= POWERS_OF_TEN[excess];
            decimals = scale;
        }
        int shift = scale - decimals;
        if (shift > 0) {
            long factor = POWERS_OF_TEN[shift];
            if (mantissa > Long.MAX_VALUE / factor) {
                return NOT_PLAIN;
            }
            mantissa *= factor;
        }
        return negative ? -mantissa : mantissa;
    }

    private static long convert(Instrument instrument, String field, double value, int scale) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(instrument.id() + " " + field + ": " + value + " is not a finite number");
        }
        return convert(instrument, field, BigDecimal.valueOf(value), scale);
    }

    private static long convert(Instrument instrument, String field, BigDecimal value, int scale) {
        try {
            return FixedPoint.fromBigDecimal(value, scale);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(instrument.id() + " " + field + ": " + e.getMessage(), e);
        }
    }
}
