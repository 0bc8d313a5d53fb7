package io.nautilus.notify.config;

import io.nautilus.notify.api.LabelMatcher;

import java.util.List;

/**
 * One inhibition rule ({@code inhibit.<n>.source}, {@code .target}, {@code .equal}): while an alert matching
 * {@code source} is open, alerts matching {@code target} whose {@code equal} labels have the same values are muted
 * (recorded, nobody told), as in Prometheus Alertmanager.
 *
 * @param number its number
 * @param source matchers of the muting alert; not empty
 * @param target matchers of the muted alerts; not empty
 * @param equal  labels that must have the same value in both (a label both lack counts as equal)
 */
public record InhibitRule(int number, List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal) {

    /**
     * Checks the rule.
     *
     * @throws IllegalArgumentException if the source or the target has no matcher
     */
    public InhibitRule {
        source = List.copyOf(source);
        target = List.copyOf(target);
        equal = List.copyOf(equal);
        if (source.isEmpty() || target.isEmpty()) {
            throw new IllegalArgumentException("inhibit." + number + ": source and target need at least one matcher");
        }
    }
}
