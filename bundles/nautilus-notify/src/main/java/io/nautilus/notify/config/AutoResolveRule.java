package io.nautilus.notify.config;

import io.nautilus.notify.api.LabelMatcher;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One auto-resolve rule ({@code auto_resolve.<n>.match}, {@code .after}): an open incident whose alert matches and
 * that was not raised again for {@code after} is resolved by the engine. For alerts about an event rather than a
 * condition (an order rejected, a backtest finished, a strategy's own alert) that no source will ever resolve, as
 * Alertmanager's {@code resolve_timeout} does for alerts without an end.
 *
 * @param number its number
 * @param match  matchers of the alerts it applies to; not empty
 * @param after  how long without a repeat; positive
 */
public record AutoResolveRule(int number, List<LabelMatcher> match, Duration after) {

    /**
     * Checks the rule.
     *
     * @throws IllegalArgumentException if there is no matcher or the delay is not positive
     */
    public AutoResolveRule {
        match = List.copyOf(match);
        Objects.requireNonNull(after, "after");
        if (match.isEmpty() || after.isZero() || after.isNegative()) {
            throw new IllegalArgumentException("auto_resolve." + number
                    + ": needs at least one matcher and a positive 'after'");
        }
    }
}
