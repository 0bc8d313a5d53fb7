package io.nautilus.api.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Fixed-point arithmetic on {@code long} values that count units of {@code 10^-scale}.
 *
 * <p>The {@code long} methods allocate nothing and are meant for the hot path; conversions from and to
 * {@link BigDecimal} and text are for the edges. Scales range from 0 to {@value #MAX_SCALE}.
 * {@link #NULL} is reserved to mean "no value" and is never produced by a conversion.
 */
public final class FixedPoint {

    /** The largest supported scale: {@code 10^18} is the largest power of ten a {@code long} holds. */
    public static final int MAX_SCALE = 18;

    /** The value that means "no price" or "not set"; {@link Long#MIN_VALUE}. */
    public static final long NULL = Long.MIN_VALUE;

    private static final Pattern PLAIN = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];

    static {
        long power = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private FixedPoint() {
    }

    /**
     * Whether a value is {@link #NULL}.
     *
     * @param value a fixed-point value
     * @return true if it means "no value"
     */
    public static boolean isNull(long value) {
        return value == NULL;
    }

    /**
     * Ten to the power of a scale: the fixed-point representation of {@code 1} at that scale.
     *
     * @param scale 0 to {@value #MAX_SCALE}
     * @return {@code 10^scale}
     * @throws IllegalArgumentException if the scale is out of range
     */
    public static long pow10(int scale) {
        return POWERS_OF_TEN[checkScale(scale)];
    }

    /**
     * Checks that a scale is in range.
     *
     * @param scale the candidate scale
     * @return {@code scale}, unchanged
     * @throws IllegalArgumentException if the scale is not within 0 to {@value #MAX_SCALE}
     */
    public static int checkScale(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale " + scale + " is outside 0.." + MAX_SCALE);
        }
        return scale;
    }

    /**
     * Converts a decimal to its exact fixed-point value at a scale.
     *
     * @param value a decimal with at most {@code scale} significant decimals (trailing zeros are fine)
     * @param scale 0 to {@value #MAX_SCALE}
     * @return {@code value * 10^scale}
     * @throws ArithmeticException      if the value has more decimals than the scale or does not fit a
     *                                  {@code long} at that scale; the message names the value and the scale
     * @throws IllegalArgumentException if the scale is out of range
     */
    public static long fromBigDecimal(BigDecimal value, int scale) {
        Objects.requireNonNull(value, "value");
        checkScale(scale);
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw new ArithmeticException(value + " has more decimals than scale " + scale);
        }
        if (stripped.precision() - stripped.scale() > 19) {
            throw overflow(value, scale);
        }
        BigDecimal unscaled = stripped.movePointRight(scale);
        if (unscaled.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                || unscaled.compareTo(BigDecimal.valueOf(-Long.MAX_VALUE)) < 0) {
            throw overflow(value, scale);
        }
        return unscaled.longValueExact();
    }

    private static ArithmeticException overflow(BigDecimal value, int scale) {
        return new ArithmeticException(value + " does not fit a long at scale " + scale + " (|value| at most "
                + BigDecimal.valueOf(Long.MAX_VALUE, scale).toPlainString() + ")");
    }

    /**
     * Parses decimal text to its exact fixed-point value at a scale.
     *
     * @param text  a decimal number such as {@code "101.25"}, {@code "-0.5"} or {@code "1E+3"}
     * @param scale 0 to {@value #MAX_SCALE}
     * @return {@code text * 10^scale}
     * @throws IllegalArgumentException if the text is not a decimal number or the scale is out of range
     * @throws ArithmeticException      if the value has more decimals than the scale or does not fit a
     *                                  {@code long} at that scale; the message names the value and the scale
     */
    public static long parse(String text, int scale) {
        Objects.requireNonNull(text, "text");
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a decimal number");
        }
        return fromBigDecimal(value, scale);
    }

    /**
     * Parses a decimal a person typed (a shell argument, a field of a REST request) strictly, with a message that
     * names the field: plain digits with an optional leading {@code -} and one {@code .} (no exponent, {@code +},
     * hexadecimal, underscores, NaN or Infinity: a fat-finger hazard), on the scale, fitting a {@code long}.
     *
     * @param what  what the value is, for the message: {@code price}, {@code quantity}, {@code --stop} ...
     * @param text  the typed text, e.g. {@code 101.25}
     * @param scale the instrument's decimals for this kind of value, 0 to {@value #MAX_SCALE}
     * @return the value in units of {@code 10^-scale}
     * @throws IllegalArgumentException naming the field and the scale when the text is not a plain decimal, has more
     *                                  decimals than the scale or does not fit a {@code long} at that scale
     * @since 0.2.0
     */
    public static long parseTyped(String what, String text, int scale) {
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
            return fromBigDecimal(value, scale);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + text + " is too large for the instrument's scale of "
                    + decimals(scale));
        }
    }

    /**
     * {@link #parseTyped} for a value that must be greater than zero, such as an order quantity.
     *
     * @param what  what the value is, for the message
     * @param text  the typed text
     * @param scale the instrument's decimals for this kind of value
     * @return the value in units of {@code 10^-scale}, greater than zero
     * @throws IllegalArgumentException as {@link #parseTyped}, or if the value is not positive
     * @since 0.2.0
     */
    public static long parseTypedPositive(String what, String text, int scale) {
        long value = parseTyped(what, text, scale);
        if (value <= 0) {
            throw new IllegalArgumentException(what + " " + text + " must be greater than zero");
        }
        return value;
    }

    private static String decimals(int scale) {
        return scale == 1 ? "1 decimal" : scale + " decimals";
    }

    /**
     * Converts a fixed-point value to the decimal it represents.
     *
     * @param value a fixed-point value, not {@link #NULL}
     * @param scale 0 to {@value #MAX_SCALE}
     * @return {@code value * 10^-scale}, with exactly {@code scale} decimals
     * @throws IllegalArgumentException if the value is {@link #NULL} or the scale is out of range
     */
    public static BigDecimal toBigDecimal(long value, int scale) {
        checkScale(scale);
        if (value == NULL) {
            throw new IllegalArgumentException("NULL has no decimal value");
        }
        return BigDecimal.valueOf(value, scale);
    }

    /**
     * Formats a fixed-point value as plain decimal text with exactly {@code scale} decimals.
     *
     * @param value a fixed-point value, not {@link #NULL}
     * @param scale 0 to {@value #MAX_SCALE}
     * @return e.g. {@code "101.25"} for {@code 10125} at scale 2
     * @throws IllegalArgumentException if the value is {@link #NULL} or the scale is out of range
     */
    public static String format(long value, int scale) {
        return toBigDecimal(value, scale).toPlainString();
    }

    /**
     * Divides two longs, rounding the quotient as the mode says; allocation-free.
     *
     * @param dividend any value
     * @param divisor  greater than zero
     * @param mode     how to round an inexact quotient
     * @return the rounded quotient
     * @throws IllegalArgumentException if the divisor is not positive
     * @throws ArithmeticException      if the mode is {@link RoundingMode#UNNECESSARY} and the division is inexact
     */
    public static long divide(long dividend, long divisor, RoundingMode mode) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor " + divisor + " must be greater than zero");
        }
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        if (remainder == 0) {
            return quotient;
        }
        int sign = dividend < 0 ? -1 : 1;
        long absRemainder = Math.abs(remainder);
        int vsHalf = Long.compare(absRemainder, divisor - absRemainder);
        boolean awayFromZero = switch (mode) {
            case UP -> true;
            case DOWN -> false;
            case CEILING -> sign > 0;
            case FLOOR -> sign < 0;
            case HALF_UP -> vsHalf >= 0;
            case HALF_DOWN -> vsHalf > 0;
            case HALF_EVEN -> vsHalf > 0 || (vsHalf == 0 && (quotient & 1) != 0);
            case UNNECESSARY -> throw new ArithmeticException(
                    dividend + " / " + divisor + " is inexact and the rounding mode is UNNECESSARY");
        };
        return awayFromZero ? quotient + sign : quotient;
    }

    /**
     * Whether a value is a whole multiple of a step, e.g. a price of a tick size.
     *
     * @param value any value
     * @param step  greater than zero
     * @return true if {@code value % step == 0}
     */
    public static boolean isMultiple(long value, long step) {
        return value % step == 0;
    }

    /**
     * Rounds a value to a whole multiple of a step; allocation-free.
     *
     * @param value any value
     * @param step  greater than zero, e.g. a tick size at the value's scale
     * @param mode  the direction of rounding, e.g. {@link RoundingMode#FLOOR} to round a buy price down
     * @return the multiple of {@code step} that the mode selects
     * @throws IllegalArgumentException if the step is not positive
     * @throws ArithmeticException      if the mode is {@link RoundingMode#UNNECESSARY} and the value is not a
     *                                  multiple, or the result overflows
     */
    public static long roundToMultiple(long value, long step, RoundingMode mode) {
        return Math.multiplyExact(divide(value, step, mode), step);
    }

    /**
     * Changes the scale of a fixed-point value; allocation-free.
     *
     * @param value     a fixed-point value at {@code fromScale}
     * @param fromScale 0 to {@value #MAX_SCALE}
     * @param toScale   0 to {@value #MAX_SCALE}
     * @param mode      how to round when decimals are dropped
     * @return the value at {@code toScale}
     * @throws IllegalArgumentException if a scale is out of range
     * @throws ArithmeticException      if the result overflows, or rounding is needed and the mode is
     *                                  {@link RoundingMode#UNNECESSARY}
     */
    public static long rescale(long value, int fromScale, int toScale, RoundingMode mode) {
        checkScale(fromScale);
        checkScale(toScale);
        return rescaleUnchecked(value, fromScale, toScale, mode);
    }

    /**
     * Multiplies two fixed-point values and expresses the product at a chosen scale, e.g. price times quantity
     * to a notional at price scale.
     *
     * @param a           a fixed-point value at {@code scaleA}
     * @param scaleA      0 to {@value #MAX_SCALE}
     * @param b           a fixed-point value at {@code scaleB}
     * @param scaleB      0 to {@value #MAX_SCALE}
     * @param resultScale 0 to {@value #MAX_SCALE}
     * @param mode        how to round when decimals are dropped
     * @return {@code a * b} at {@code resultScale}
     * @throws IllegalArgumentException if a scale is out of range
     * @throws ArithmeticException      if the raw product {@code a * b} or the rescaled result overflows a
     *                                  {@code long}, or rounding is needed and the mode is
     *                                  {@link RoundingMode#UNNECESSARY}
     */
    public static long multiply(long a, int scaleA, long b, int scaleB, int resultScale, RoundingMode mode) {
        checkScale(scaleA);
        checkScale(scaleB);
        checkScale(resultScale);
        long product;
        try {
            product = Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new ArithmeticException(a + " (scale " + scaleA + ") * " + b + " (scale " + scaleB
                    + ") overflows a long");
        }
        return rescaleUnchecked(product, scaleA + scaleB, resultScale, mode);
    }

    private static long rescaleUnchecked(long value, int fromScale, int toScale, RoundingMode mode) {
        if (toScale == fromScale) {
            return value;
        }
        if (toScale > fromScale) {
            try {
                return Math.multiplyExact(value, POWERS_OF_TEN[toScale - fromScale]);
            } catch (ArithmeticException e) {
                throw new ArithmeticException(value + " at scale " + fromScale + " overflows a long at scale "
                        + toScale);
            }
        }
        int drop = fromScale - toScale;
        if (drop <= MAX_SCALE) {
            return divide(value, POWERS_OF_TEN[drop], mode);
        }
        return BigDecimal.valueOf(value, drop).setScale(0, mode).longValueExact();
    }
}
