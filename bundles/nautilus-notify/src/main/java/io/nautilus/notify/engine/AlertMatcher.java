package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.notify.api.LabelMatcher;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Label matchers with their regular expressions compiled once: all must hold for an alert to match.
 */
final class AlertMatcher {

    private final LabelMatcher[] matchers;
    private final Pattern[] patterns;

    AlertMatcher(List<LabelMatcher> matchers) {
        this.matchers = matchers.toArray(new LabelMatcher[0]);
        this.patterns = new Pattern[this.matchers.length];
        for (int i = 0; i < this.matchers.length; i++) {
            LabelMatcher m = this.matchers[i];
            if (m.op() == LabelMatcher.Op.RE || m.op() == LabelMatcher.Op.NRE) {
                patterns[i] = Pattern.compile(m.value());
            }
        }
    }

    boolean matches(Alert alert) {
        for (int i = 0; i < matchers.length; i++) {
            LabelMatcher m = matchers[i];
            String actual = value(alert, m.name());
            boolean ok = switch (m.op()) {
                case EQ -> actual.equals(m.value());
                case NE -> !actual.equals(m.value());
                case RE -> patterns[i].matcher(actual).matches();
                case NRE -> !patterns[i].matcher(actual).matches();
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The value matchers, grouping and inhibition see for a name: key, severity, source or a label ("" if absent). */
    static String value(Alert alert, String name) {
        return switch (name) {
            case "key" -> alert.key();
            case "severity" -> alert.severity().name();
            case "source" -> alert.source();
            default -> {
                String label = alert.label(name);
                yield label == null ? "" : label;
            }
        };
    }
}
