package io.nautilus.api.alert;

import java.util.Objects;

/**
 * A message for humans about something that happened in the platform.
 *
 * @param key            what the alert is about, stable across repeats so they can be deduplicated, e.g.
 *                       {@code venue-down:CME}; not blank
 * @param severity       how urgent it is
 * @param source         the engine or component that raised it, e.g. {@code risk}; not blank
 * @param text           the message, one or more lines of plain text; not blank
 * @param timestampNanos when it was raised, in nanoseconds since the epoch
 */
public record Alert(String key, Severity severity, String source, String text, long timestampNanos) {

    /**
     * Validates the alert.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the key, source or text is blank or the time negative
     */
    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        if (key.isBlank() || source.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("alert '" + key + "' from '" + source
                    + "': key, source and text must not be blank");
        }
        if (timestampNanos < 0) {
            throw new IllegalArgumentException("alert '" + key + "': timestamp " + timestampNanos
                    + " must not be negative");
        }
    }
}
