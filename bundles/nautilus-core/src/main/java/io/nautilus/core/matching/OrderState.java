package io.nautilus.core.matching;

/**
 * Where an order id stands in a {@link MatchingEngine}.
 */
public enum OrderState {
    /** No order ever had this id. */
    UNKNOWN,
    /** Resting in the book. */
    WORKING,
    /** A stop order waiting for its trigger (not in the book). */
    STOP_PENDING,
    /** Filled, canceled or expired. */
    FINISHED
}
