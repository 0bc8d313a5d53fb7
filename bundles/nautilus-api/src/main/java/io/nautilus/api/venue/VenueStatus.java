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
 * @param duplicateFills venue fills (or parts of them) the core already had when they arrived (resent after a gap,
 *                       or booked by reconciliation first) and that were therefore not applied again; 0 or more
 * @param failures       how often the platform could not trust the venue's state (a failed reconciliation, or more
 *                       fills reported than an order had open): each time it failed closed, or would have with
 *                       failing closed off; 0 or more. The last one's reason is in {@code reconciliation} until a
 *                       reconciliation succeeds
 */
public record VenueStatus(VenueSessionInfo session, int workingOrders, long commandsSent, long reportsApplied,
                          long reportsRefused, String reconciliation, boolean failedClosed, long duplicateFills,
                          long failures) {

    /** Validates the status. */
    public VenueStatus {
        Objects.requireNonNull(session, "session");
        reconciliation = Objects.requireNonNullElse(reconciliation, "never");
        if (duplicateFills < 0) {
            throw new IllegalArgumentException("venue " + session.venue().value() + ": duplicate fills " + duplicateFills
                    + " must not be negative");
        }
        if (failures < 0) {
            throw new IllegalArgumentException("venue " + session.venue().value() + ": failures " + failures
                    + " must not be negative");
        }
    }

    /**
     * A status without duplicate-fill and failure counts (both 0), as built before they were added.
     *
     * @param session        the gateway's session info
     * @param workingOrders  orders the trading core holds as working at this venue
     * @param commandsSent   new orders, cancels and replaces sent to the venue
     * @param reportsApplied venue reports the core applied
     * @param reportsRefused venue reports the core refused
     * @param reconciliation the last reconciliation
     * @param failedClosed   true if trading on this venue was halted
     */
    public VenueStatus(VenueSessionInfo session, int workingOrders, long commandsSent, long reportsApplied,
                       long reportsRefused, String reconciliation, boolean failedClosed) {
        this(session, workingOrders, commandsSent, reportsApplied, reportsRefused, reconciliation, failedClosed, 0, 0);
    }
}
