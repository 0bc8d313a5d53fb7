package io.nautilus.api.alert;

/**
 * How urgent an alert is, in increasing order.
 */
public enum Severity {

    /** Worth knowing; no action needed. */
    INFO,

    /** Needs attention soon, e.g. a venue degraded or a limit nearly reached. */
    WARNING,

    /** Needs action now, e.g. the kill switch engaged or a venue down with open orders. */
    CRITICAL;

    /**
     * Whether this severity is at least as urgent as another, e.g. to apply a channel's minimum severity.
     *
     * @param other the threshold
     * @return true if {@code this} is {@code other} or more urgent
     */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
