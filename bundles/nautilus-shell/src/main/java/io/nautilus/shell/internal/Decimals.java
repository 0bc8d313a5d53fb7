package io.nautilus.shell.internal;

import io.nautilus.api.instrument.FixedPoint;

/**
 * Converts the decimals an admin types to fixed-point longs at an instrument's scale, and back for display.
 */
final class Decimals {

    private Decimals() {
    }

    /** {@link FixedPoint#parseTyped}: the rules and messages the shell and the REST API share. */
    static long parse(String what, String text, int scale) {
        return FixedPoint.parseTyped(what, text, scale);
    }

    /** {@link FixedPoint#parseTypedPositive}. */
    static long parsePositive(String what, String text, int scale) {
        return FixedPoint.parseTypedPositive(what, text, scale);
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

}
