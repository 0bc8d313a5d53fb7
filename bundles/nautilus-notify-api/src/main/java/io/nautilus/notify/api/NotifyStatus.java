package io.nautilus.notify.api;

import java.util.List;
import java.util.Objects;

/**
 * How the notification engine is doing, counted since it started.
 *
 * @param raised        alerts raised (every call of {@code AlertService.raise})
 * @param deduplicated  raises folded into an incident already open
 * @param silenced      raises that matched an active silence
 * @param inhibited     raises muted by an inhibition rule
 * @param overflowed    raises the engine's hand-off could not take (each is still counted and logged; the next
 *                      notification says how many)
 * @param open          incidents open now (firing or acknowledged)
 * @param notifications notifications released to receivers
 * @param rolledUp      notifications the rate limits rolled into summaries
 * @param deadLetters   notifications given up after their last retry
 * @param configError   the last configuration (rules or template) refused, with why; empty when the last one
 *                      was taken
 * @param warnings      other things an operator should know (a receiver without a route, a channel without a
 *                      route file, a template that fell back to the shipped one)
 */
public record NotifyStatus(long raised, long deduplicated, long silenced, long inhibited, long overflowed,
                           long open, long notifications, long rolledUp, long deadLetters, String configError,
                           List<String> warnings) {

    /**
     * Checks the status.
     *
     * @throws NullPointerException if a component is null
     */
    public NotifyStatus {
        Objects.requireNonNull(configError, "configError");
        warnings = List.copyOf(warnings);
    }
}
