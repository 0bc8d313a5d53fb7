package io.nautilus.notify.api;

import io.nautilus.api.alert.DeliveryResult;

import java.util.List;
import java.util.Objects;

/**
 * One attempt at delivering a notification to a receiver.
 *
 * @param notificationId the notification's id (one message to one receiver; its retries share it)
 * @param alertIds       the incidents the message was about (more than one for a group or a summary)
 * @param receiver       the receiver's name, e.g. {@code ops-email}
 * @param channel        the receiver's channel, e.g. {@code email}
 * @param kind           why the message was sent
 * @param attempt        1 for the first attempt, then 2, 3, ... for retries
 * @param outcome        what happened
 * @param detail         the provider's reference on success, else the failure reason; may be empty
 * @param timestampNanos when the attempt ended, nanoseconds since the epoch
 * @param latencyNanos   from the notification's release (its group released, or the escalation due) to the end
 *                       of this attempt
 * @param deadLetter     true when this was the last attempt and the notification was given up (dead-letter list)
 */
public record DeliveryView(long notificationId, List<Long> alertIds, String receiver, String channel,
                           Notification.Kind kind, int attempt, DeliveryResult.Outcome outcome, String detail,
                           long timestampNanos, long latencyNanos, boolean deadLetter) {

    /**
     * Checks the view.
     *
     * @throws NullPointerException if a component is null
     */
    public DeliveryView {
        alertIds = List.copyOf(alertIds);
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
