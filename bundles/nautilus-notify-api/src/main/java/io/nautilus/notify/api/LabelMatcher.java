package io.nautilus.notify.api;

import io.nautilus.api.alert.Alert;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition on an alert's labels, as Prometheus Alertmanager writes them: {@code venue=CME},
 * {@code venue!=CME}, {@code key=~venue-down:.*}, {@code severity!~INFO|WARNING}. Besides the alert's labels,
 * the names {@code key}, {@code severity} and {@code source} match the alert's own fields. A label the alert does
 * not have matches as the empty string (so {@code venue!=CME} holds for an alert without a venue). Regular
 * expressions are anchored: they must match the whole value.
 *
 * @param name  the label's name (or key, severity, source)
 * @param op    how the value is compared
 * @param value the value, or the regular expression for {@code =~} and {@code !~}
 */
public record LabelMatcher(String name, Op op, String value) {

    /** How a matcher compares. */
    public enum Op {
        /** {@code =}: equal. */
        EQ("="),
        /** {@code !=}: not equal. */
        NE("!="),
        /** {@code =~}: matches the regular expression. */
        RE("=~"),
        /** {@code !~}: does not match the regular expression. */
        NRE("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** @return how it is written, e.g. {@code =~} */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * Checks the matcher.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the name is blank or the regular expression does not compile
     */
    public LabelMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("matcher '" + name + op.symbol + value + "': the label name is blank");
        }
        if (op == Op.RE || op == Op.NRE) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matcher '" + name + op.symbol + value + "': bad regular expression: "
                        + e.getDescription(), e);
            }
        }
    }

    /**
     * Reads a matcher as the shell and the configuration write it, e.g. {@code venue=CME} or
     * {@code key=~risk-.*}; spaces around the operator are allowed; a value may be in double quotes.
     *
     * @param text the matcher
     * @return it
     * @throws IllegalArgumentException naming the text when it is not a matcher
     */
    public static LabelMatcher parse(String text) {
        Objects.requireNonNull(text, "text");
        int i = 0;
        while (i < text.length() && "=!~".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        if (i == text.length() || i + 1 > text.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a matcher: write label=value, label!=value,"
                    + " label=~regex or label!~regex");
        }
        String name = text.substring(0, i).strip();
        Op op;
        String rest;
        if (text.startsWith("=~", i)) {
            op = Op.RE;
            rest = text.substring(i + 2);
        } else if (text.startsWith("!~", i)) {
            op = Op.NRE;
            rest = text.substring(i + 2);
        } else if (text.startsWith("!=", i)) {
            op = Op.NE;
            rest = text.substring(i + 2);
        } else if (text.charAt(i) == '=') {
            op = Op.EQ;
            rest = text.substring(i + 1);
        } else {
            throw new IllegalArgumentException("'" + text + "' is not a matcher: write label=value, label!=value,"
                    + " label=~regex or label!~regex");
        }
        String value = rest.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw new IllegalArgumentException("'" + text + "' is not a matcher: the label name '" + name
                    + "' must be letters, digits and _");
        }
        return new LabelMatcher(name, op, value);
    }

    /**
     * Whether an alert satisfies this matcher.
     *
     * @param alert the alert
     * @return true if it does
     */
    public boolean matches(Alert alert) {
        String actual = switch (name) {
            case "key" -> alert.key();
            case "severity" -> alert.severity().name();
            case "source" -> alert.source();
            default -> {
                String label = alert.label(name);
                yield label == null ? "" : label;
            }
        };
        return switch (op) {
            case EQ -> actual.equals(value);
            case NE -> !actual.equals(value);
            case RE -> Pattern.matches(value, actual);
            case NRE -> !Pattern.matches(value, actual);
        };
    }

    @Override
    public String toString() {
        return name + op.symbol + value;
    }
}
