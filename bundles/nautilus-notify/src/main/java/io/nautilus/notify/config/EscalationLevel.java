package io.nautilus.notify.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One escalation level of a route ({@code route.<n>.escalate.<level>.after} and {@code .receivers}): when an
 * incident is still unacknowledged this long after the previous level (for level 1: after its first notification),
 * these receivers are told.
 *
 * @param level     the level's number, 1 for the first
 * @param after     the delay from the previous level; positive
 * @param receivers who is told at this level; not empty
 */
public record EscalationLevel(int level, Duration after, List<String> receivers) {

    /**
     * Checks the level.
     *
     * @throws IllegalArgumentException if the delay is not positive or there is no receiver
     */
    public EscalationLevel {
        Objects.requireNonNull(after, "after");
        receivers = List.copyOf(receivers);
        if (after.isZero() || after.isNegative()) {
            throw new IllegalArgumentException("escalation level " + level + ": after " + after
                    + " must be positive");
        }
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("escalation level " + level + " has no receiver");
        }
    }
}
