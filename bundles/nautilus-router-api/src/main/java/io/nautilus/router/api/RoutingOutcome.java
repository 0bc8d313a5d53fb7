package io.nautilus.router.api;

/**
 * How much of a parent order a routing decision placed, the key of the router's decision counts
 * ({@link SmartOrderRouter#routingCounts()}).
 */
public enum RoutingOutcome {

    /** Children carry the parent's whole quantity. */
    FULL,

    /** Children carry part of the parent's quantity; the rest is unallocated. */
    PARTIAL,

    /** No child: nothing could be placed (no eligible venue, no liquidity within the limit, odd lot only). */
    NONE;

    /**
     * The outcome of a decision.
     *
     * @param decision the decision
     * @return {@link #NONE} when nothing was allocated, {@link #FULL} when nothing was left unallocated, else
     *     {@link #PARTIAL}
     */
    public static RoutingOutcome of(RoutingDecision decision) {
        if (decision.allocatedQuantity() == 0) {
            return NONE;
        }
        return decision.unallocatedQuantity() == 0 ? FULL : PARTIAL;
    }
}
