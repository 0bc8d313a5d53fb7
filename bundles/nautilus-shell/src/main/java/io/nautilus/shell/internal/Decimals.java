package io.nautilus.shell.internal;

import io.nautilus.api.instrument.FixedPoint;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Converts the decimals an admin types to fixed-point longs at an instrument's scale, and back for display.
 */
final class Decimals {

    private static final Pattern PLAIN = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private Decimals() {
    }

    /**
     * Parses a decimal exactly at a scale.
     *
     * @param what  what the value is, for the message: {@code price}, {@code quantity}, {@code --stop} ...
     * @param text  the admin's text, e.g. {@code 101.25}
     * @param scale the instrument's decimals for this kind of value, 0 to 18
     * @return the value in units of {@code 10^-scale}
     * @throws IllegalArgumentException naming the value and the scale if the text is not a plain decimal (digits,
     *                                  an optional leading {@code -} and one {@code .}: no exponent, {@code +},
     *                                  hexadecimal, underscores, NaN or Infinity, a fat-finger hazard), has more
     *                                  decimals than the scale or does not fit a long at that scale
     */
    static long parse(String what, String text, int scale) {
        String plain = text.strip();
        if (!PLAIN.matcher(plain).matches()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a plain decimal number (digits with"
                    + " an optional '-' and '.', e.g. 1000 or 0.25; no exponent, '+', hex or '_')");
        }
        BigDecimal value = new BigDecimal(plain);
        if (value.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(what + " " + text + " is not on the instrument's scale of "
                    + decimals(scale));
        }
        try {
            return FixedPoint.fromBigDecimal(value, scale);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + text + " is too large for the instrument's scale of "
                    + decimals(scale));
        }
    }

    /**
     * Parses a decimal that must be greater than zero, such as an order quantity.
     *
     * @param what  what the value is, for the message
     * @param text  the admin's text
     * @param scale the instrument's decimals for this kind of value
     * @return the value in units of {@code 10^-scale}, greater than zero
     * @throws IllegalArgumentException as {@link #parse(String, String, int)}, or if the value is not positive
     */
    static long parsePositive(String what, String text, int scale) {
        long value = parse(what, text, scale);
        if (value <= 0) {
            throw new IllegalArgumentException(what + " " + text + " must be greater than zero");
        }
        return value;
    }

    /**
     * Formats a fixed-point value with exactly {@code scale} decimals.
     *
     * @param value a fixed-point value; {@link FixedPoint#NULL} is shown as {@code -}
     * @param scale 0 to 18
     * @return e.g. {@code 101.25}
     */
    static String format(long value, int scale) {
        return value == FixedPoint.NULL ? "-" : FixedPoint.format(value, scale);
    }

    /**
     * Formats a value where zero means "none" (a limit price of a market order, a mark not yet set).
     *
     * @param value a fixed-point value; 0 and {@link FixedPoint#NULL} are shown as {@code -}
     * @param scale 0 to 18
     * @return the formatted value or {@code -}
     */
    static String formatOrDash(long value, int scale) {
        return value == 0 ? "-" : format(value, scale);
    }

    private static String decimals(int scale) {
        return scale == 1 ? "1 decimal" : scale + " decimals";
    }
}
