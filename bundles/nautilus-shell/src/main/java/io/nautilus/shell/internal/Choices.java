package io.nautilus.shell.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the words and times an admin types for enum-valued and time-valued arguments. */
final class Choices {

    private Choices() {
    }

    /**
     * Parses an enum constant by name, ignoring case.
     *
     * @param what what the value is, for the message, e.g. {@code side}
     * @param text the admin's text, e.g. {@code buy}
     * @param type the enum
     * @param <E>  the enum type
     * @return the constant
     * @throws IllegalArgumentException naming the text and every allowed value if nothing matches
     */
    static <E extends Enum<E>> E parse(String what, String text, Class<E> type) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(what + " '" + text + "' is not one of " + names(type));
    }

    /**
     * The names of an enum's constants, as help and messages list them.
     *
     * @param type the enum
     * @return e.g. {@code BUY, SELL}
     */
    static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * Parses an ISO-8601 instant such as {@code 2026-11-25T16:30:00Z}.
     *
     * @param what what the value is, for the message, e.g. {@code --expire}
     * @param text the admin's text
     * @return the instant
     * @throws IllegalArgumentException naming the text and the expected form
     */
    static Instant instant(String what, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + text
                    + "' is not an ISO-8601 instant such as 2026-11-25T16:30:00Z");
        }
    }

    /**
     * Nanoseconds since the epoch of an instant, as the core keeps times.
     *
     * @param instant an instant between 1970 and 2262
     * @return nanoseconds since the epoch
     * @throws ArithmeticException if the instant does not fit
     */
    static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /**
     * The instant of nanoseconds since the epoch, for display.
     *
     * @param epochNanos nanoseconds since the epoch; 0 means none
     * @return ISO-8601 text, or {@code -} for 0
     */
    static String formatEpochNanos(long epochNanos) {
        if (epochNanos == 0) {
            return "-";
        }
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)).toString();
    }
}
