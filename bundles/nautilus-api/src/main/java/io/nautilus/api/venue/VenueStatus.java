package io.nautilus.api.venue;

import java.util.Objects;

/**
 * A venue as operators see it ({@code nautilus:venues}): its session and what the platform's venue layer knows.
 *
 * @param session        the gateway's session info (state, sequence numbers, last problem)
 * @param workingOrders  orders the trading core holds as working at this venue
 * @param commandsSent   new orders, cancels and replaces sent to the venue
 * @param reportsApplied venue reports the core applied
 * @param reportsRefused venue reports the core refused (they did not fit its view of the order)
 * @param reconciliation the last reconciliation: {@code never}, {@code running}, {@code ok: ...} or
 *                       {@code FAILED: ...}
 * @param failedClosed   true if trading on this venue was halted because the platform could not trust its state
 */
public record VenueStatus(VenueSessionInfo session, int workingOrders, long commandsSent, long reportsApplied,
                          long reportsRefused, String reconciliation, boolean failedClosed) {

    /** Validates the status. */
    public VenueStatus {
        Objects.requireNonNull(session, "session");
        reconciliation = Objects.requireNonNullElse(reconciliation, "never");
    }
}
