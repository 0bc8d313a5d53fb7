package io.nautilus.web.rest;

import io.nautilus.api.instrument.FixedPoint;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Decimals and choices of request bodies, checked as the shell checks them, with the same messages. */
final class Decimals {

    private static final Pattern PLAIN = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private Decimals() {
    }

    /**
     * Parses a decimal exactly at a scale.
     *
     * @param what  the field, for the message
     * @param text  the client's text, e.g. {@code 101.25}
     * @param scale the instrument's decimals for this kind of value
     * @return the value in units of {@code 10^-scale}
     * @throws IllegalArgumentException naming the field when the text is not a plain decimal on the scale
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
     * Parses a decimal that must be greater than zero.
     *
     * @param what  the field
     * @param text  the client's text
     * @param scale the instrument's decimals
     * @return the value, greater than zero
     * @throws IllegalArgumentException as {@link #parse}, or when the value is not positive
     */
    static long parsePositive(String what, String text, int scale) {
        long value = parse(what, text, scale);
        if (value <= 0) {
            throw new IllegalArgumentException(what + " " + text + " must be greater than zero");
        }
        return value;
    }

    /**
     * Parses an enum constant by name, ignoring case.
     *
     * @param what the field
     * @param text the client's text
     * @param type the enum
     * @param <E>  its type
     * @return the constant
     * @throws IllegalArgumentException naming the text and every allowed value
     */
    static <E extends Enum<E>> E choice(String what, String text, Class<E> type) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
            names.append(names.isEmpty() ? "" : ", ").append(constant.name());
        }
        throw new IllegalArgumentException(what + " '" + text + "' is not one of " + names);
    }

    private static String decimals(int scale) {
        return scale == 1 ? "1 decimal" : scale + " decimals";
    }
}
