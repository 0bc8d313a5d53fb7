package io.nautilus.core.api;

import java.util.concurrent.CompletableFuture;

/**
 * How the venue layer hands what external venues did back to the trading core.
 */
public interface VenueExecutionService {

    /**
     * Applies a venue's report to a venue order (journaled; the order's execution reports go out as for any order).
     *
     * @param report the report
     * @return the outcome: rejected (e.g. {@code matching.venue-overfill}, an unknown or finished order) when the
     *         report does not fit the core's view of the order, which the venue layer must treat as a
     *         reconciliation failure
     */
    CompletableFuture<CommandResult> venueReport(VenueReport report);

    /**
     * The orders the core holds as working at a venue: sent there by choice, or without a choice to their
     * instrument's venue. Reconciliation asks the venue about each of them: when this returns, every listed
     * order's venue command has been handed to the {@code VenueOrderRouter}s, so a question the router's venue
     * layer queues after it cannot overtake the order itself.
     *
     * @param venue the venue
     * @return the orders, ascending order id
     */
    java.util.List<OrderView> workingAt(io.nautilus.api.VenueId venue);
}
