package io.nautilus.notify.api;

import io.nautilus.api.alert.Alert;

import java.util.List;
import java.util.Objects;

/**
 * One incident: an alert key from its first raise until it is resolved, with what happened to it.
 *
 * @param id              the incident's id, increasing in the order incidents opened; shown and typed as
 *                        {@code A<id>} by the shell
 * @param alert           the latest raise (text, severity, labels and time of the last repeat)
 * @param state           where it is in its life
 * @param firstNanos      when it was first raised, nanoseconds since the epoch
 * @param count           how many times it was raised (1 plus the repeats deduplicated into it)
 * @param route           the routing rule it matched, or empty when no rule matched it
 * @param receivers       the receivers told so far (every escalation level reached), in order
 * @param escalationLevel the escalation level reached, 0 for the route's first receivers
 * @param suppressedBy    empty when it is notified; else why not: {@code silence <id>} or
 *                        {@code inhibited by <key>}
 * @param acknowledgedBy  the user who acknowledged it, or empty
 * @param acknowledgedNanos when it was acknowledged, or 0
 * @param resolvedBy      who resolved it (a user, or the source's reason), or empty
 * @param resolvedNanos   when it was resolved, or 0
 * @param comment         the latest acknowledge or resolve comment, or empty
 */
public record AlertView(long id, Alert alert, AlertState state, long firstNanos, long count, String route,
                        List<String> receivers, int escalationLevel, String suppressedBy, String acknowledgedBy,
                        long acknowledgedNanos, String resolvedBy, long resolvedNanos, String comment) {

    /**
     * Checks the view.
     *
     * @throws NullPointerException if a component is null
     */
    public AlertView {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(route, "route");
        receivers = List.copyOf(receivers);
        Objects.requireNonNull(suppressedBy, "suppressedBy");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
        Objects.requireNonNull(resolvedBy, "resolvedBy");
        Objects.requireNonNull(comment, "comment");
    }

    /** @return the alert's key */
    public String key() {
        return alert.key();
    }

    /** @return the id as the shell shows it, {@code A<id>} */
    public String displayId() {
        return "A" + id;
    }

    /** @return true while it is firing or acknowledged */
    public boolean open() {
        return state != AlertState.RESOLVED;
    }
}
