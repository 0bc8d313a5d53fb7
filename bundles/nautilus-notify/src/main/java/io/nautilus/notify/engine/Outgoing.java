package io.nautilus.notify.engine;

import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.Notification;

import java.util.List;
import java.util.Objects;

/**
 * A message the pipeline released for one receiver, before rendering: the delivery side renders it with the
 * channel's templates and hands it to the channel's route.
 *
 * @param id             the notification's id, increasing; retries keep it
 * @param receiver       the receiver's name
 * @param kind           why it is sent
 * @param groupKey       the group it belongs to ({@code <route>/<label values>}), or empty (test, summary)
 * @param alerts         the incidents it is about, as they are at release
 * @param rolledUp       for a summary, how many notifications the rate limit rolled into it; else 0
 * @param releasedNanos  when the pipeline released it (group released, escalation due), nanoseconds since the
 *                       epoch; delivery latency is measured from here
 */
public record Outgoing(long id, String receiver, Notification.Kind kind, String groupKey, List<AlertView> alerts,
                       int rolledUp, long releasedNanos) {

    /**
     * Checks the message.
     *
     * @throws NullPointerException if a component is null
     */
    public Outgoing {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(groupKey, "groupKey");
        alerts = List.copyOf(alerts);
    }
}
