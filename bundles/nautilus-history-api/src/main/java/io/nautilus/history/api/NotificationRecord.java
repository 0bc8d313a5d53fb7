package io.nautilus.history.api;

import java.util.Objects;

/**
 * One thing the notification engine did with an incident, as the store keeps it: a delivery attempt, an
 * acknowledgement, a resolution, an escalation, a silence.
 *
 * @param id             the store's id, increasing in the order records were written; 0 when recording
 * @param timestampNanos when it happened, nanoseconds since the epoch
 * @param event          what happened: {@code DELIVERY}, {@code DEAD_LETTER}, {@code ACKNOWLEDGED}, {@code RESOLVED},
 *                       {@code ESCALATED}, {@code SILENCED}, {@code SILENCE_EXPIRED}, {@code SUPPRESSED},
 *                       {@code ROLLED_UP}; not blank
 * @param alertId        the incident's id, or 0 when not about one incident (a silence, a summary)
 * @param alertKey       the incident's alert key, or empty
 * @param receiver       the receiver, or empty
 * @param channel        the receiver's channel, or empty
 * @param attempt        the delivery attempt (1, 2, ...), or 0
 * @param outcome        the delivery outcome ({@code DELIVERED}, {@code RETRYABLE_FAILURE},
 *                       {@code PERMANENT_FAILURE}), or empty
 * @param detail         the provider's reference, the failure reason, the comment or the matchers; may be empty
 * @param user           who did it, or empty for the engine
 */
public record NotificationRecord(long id, long timestampNanos, String event, long alertId, String alertKey,
                                 String receiver, String channel, int attempt, String outcome, String detail,
                                 String user) {

    /**
     * Checks the record.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the event is blank
     */
    public NotificationRecord {
        Objects.requireNonNull(event, "event");
        if (event.isBlank()) {
            throw new IllegalArgumentException("notification record: the event is blank");
        }
        Objects.requireNonNull(alertKey, "alertKey");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(user, "user");
    }
}
