package io.nautilus.api.alert;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A message for humans about something that happened in the platform.
 *
 * <p>The notification engine deduplicates alerts by {@link #key()}: an alert raised again with the same key while
 * the first is still firing is the same incident (its count and latest text are updated, nobody is told twice).
 * {@link #labels()} say what the alert is about, for routing rules, silences, inhibition and grouping; the usual
 * ones are {@link #ACCOUNT}, {@link #INSTRUMENT}, {@link #VENUE} and {@link #STRATEGY}.
 *
 * @param key            what the alert is about, stable across repeats so they can be deduplicated, e.g.
 *                       {@code venue-down:CME}; not blank
 * @param severity       how urgent it is
 * @param source         the engine or component that raised it, e.g. {@code risk}; not blank
 * @param text           the message, one or more lines of plain text; not blank
 * @param timestampNanos when it was raised, in nanoseconds since the epoch
 * @param labels         what the alert is about, label name to value, e.g. {@code venue=CME}; names are letters,
 *                       digits and {@code _} not starting with a digit, values not null; kept sorted by name
 */
public record Alert(String key, Severity severity, String source, String text, long timestampNanos,
                    Map<String, String> labels) {

    /** Label naming the account an alert is about. */
    public static final String ACCOUNT = "account";
    /** Label naming the instrument an alert is about. */
    public static final String INSTRUMENT = "instrument";
    /** Label naming the venue an alert is about. */
    public static final String VENUE = "venue";
    /** Label naming the strategy an alert is about. */
    public static final String STRATEGY = "strategy";

    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Validates the alert.
     *
     * @throws NullPointerException     if a component, a label name or a label value is null
     * @throws IllegalArgumentException if the key, source or text is blank, the time negative or a label name
     *                                  not a valid name
     */
    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(labels, "labels");
        if (key.isBlank() || source.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("alert '" + key + "' from '" + source
                    + "': key, source and text must not be blank");
        }
        if (timestampNanos < 0) {
            throw new IllegalArgumentException("alert '" + key + "': timestamp " + timestampNanos
                    + " must not be negative");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String name = Objects.requireNonNull(label.getKey(), "label name");
            String value = Objects.requireNonNull(label.getValue(), () -> "value of label " + name);
            if (!LABEL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("alert '" + key + "': label name '" + name
                        + "' must be letters, digits and _ not starting with a digit");
            }
            sorted.put(name, value);
        }
        labels = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * An alert without labels.
     *
     * @param key            what the alert is about, stable across repeats; not blank
     * @param severity       how urgent it is
     * @param source         the engine or component that raised it; not blank
     * @param text           the message; not blank
     * @param timestampNanos when it was raised, in nanoseconds since the epoch
     */
    public Alert(String key, Severity severity, String source, String text, long timestampNanos) {
        this(key, severity, source, text, timestampNanos, Map.of());
    }

    /**
     * The value of a label.
     *
     * @param name the label's name
     * @return its value, or {@code null} when the alert has no such label
     */
    public String label(String name) {
        return labels.get(name);
    }

    /**
     * This alert with one more label (or a label's value replaced).
     *
     * @param name  the label's name
     * @param value its value
     * @return a new alert
     */
    public Alert withLabel(String name, String value) {
        TreeMap<String, String> more = new TreeMap<>(labels);
        more.put(name, value);
        return new Alert(key, severity, source, text, timestampNanos, more);
    }
}
