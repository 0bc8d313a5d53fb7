package io.nautilus.notify.api;

import java.util.List;
import java.util.Objects;

/**
 * One message to one receiver, rendered by the channel's templates.
 *
 * @param id             the notification's id, increasing
 * @param receiver       the receiver's name
 * @param channel        the receiver's channel ({@code email}, {@code slack}, {@code webhook}, {@code sms},
 *                       {@code ui} or an integrator's own)
 * @param kind           why it is sent
 * @param subject        the rendered subject (one line)
 * @param body           the rendered body
 * @param alerts         the incidents it is about, as they were when it was released
 * @param rolledUp       for a {@link Kind#SUMMARY}: how many notifications the rate limit rolled into it; else 0
 * @param timestampNanos when it was released, nanoseconds since the epoch
 */
public record Notification(long id, String receiver, String channel, Kind kind, String subject, String body,
                           List<AlertView> alerts, int rolledUp, long timestampNanos) {

    /** Why a notification is sent. */
    public enum Kind {
        /** New alerts in a group (after {@code group_wait}, or {@code group_interval} for later ones). */
        FIRING,
        /** A group's alerts still firing and unacknowledged after {@code repeat_interval}. */
        REPEAT,
        /** Unacknowledged after an escalation level's delay: told to the next level's receivers. */
        ESCALATION,
        /** Alerts of the group resolved. */
        RESOLVED,
        /** Notifications the rate limit held back, rolled into one message that says how many. */
        SUMMARY,
        /** {@code nautilus:alerts test <receiver>}. */
        TEST
    }

    /**
     * Checks the notification.
     *
     * @throws NullPointerException if a component is null
     */
    public Notification {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        alerts = List.copyOf(alerts);
    }
}
