package io.nautilus.api.alert;

import java.util.Objects;

/**
 * The outcome of handing an alert to a channel.
 *
 * @param outcome whether the alert was delivered, and if not whether a retry may succeed
 * @param detail  the provider's message id on success or the failure reason, for delivery tracking; may be empty
 */
public record DeliveryResult(Outcome outcome, String detail) {

    /**
     * The kinds of delivery outcome.
     */
    public enum Outcome {

        /** The provider accepted the alert. */
        DELIVERED,

        /** Delivery failed for a reason that may pass, e.g. a timeout or the provider's rate limit. */
        RETRYABLE_FAILURE,

        /** Delivery failed for a reason a retry will not fix, e.g. a rejected address or bad credentials. */
        PERMANENT_FAILURE
    }

    /**
     * Validates the result.
     *
     * @throws NullPointerException if a component is null
     */
    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * A successful delivery.
     *
     * @param reference the provider's message id, or empty
     * @return the result
     */
    public static DeliveryResult delivered(String reference) {
        return new DeliveryResult(Outcome.DELIVERED, reference);
    }

    /**
     * A failure worth retrying.
     *
     * @param reason what went wrong, one line
     * @return the result
     */
    public static DeliveryResult retryable(String reason) {
        return new DeliveryResult(Outcome.RETRYABLE_FAILURE, reason);
    }

    /**
     * A failure not worth retrying.
     *
     * @param reason what went wrong, one line
     * @return the result
     */
    public static DeliveryResult failed(String reason) {
        return new DeliveryResult(Outcome.PERMANENT_FAILURE, reason);
    }

    /**
     * Whether the alert was delivered.
     *
     * @return true for {@link Outcome#DELIVERED}
     */
    public boolean isDelivered() {
        return outcome == Outcome.DELIVERED;
    }
}
