package io.nautilus.web.rest;

import io.nautilus.api.instrument.FixedPoint;

import java.util.Locale;

/** Decimals and choices of request bodies, checked as the shell checks them, with the same messages. */
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

}
