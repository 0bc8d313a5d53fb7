package io.nautilus.router.api;

/**
 * What the router does with the quantity it cannot place against displayed liquidity.
 */
public enum RemainderPolicy {

    /**
     * Rest it as one passive child at the venue with the best combined score, at the parent's limit price (or, for
     * a parent without a limit, at that venue's best price on the parent's side).
     */
    PASSIVE_AT_BEST_VENUE,

    /** Leave it unallocated: the decision reports it and the caller decides. */
    UNALLOCATED
}
