package io.nautilus.core.api;

/**
 * Trading state of an account, an instrument or the whole core. The effective state of an order is the most
 * restrictive of the global, account and instrument states.
 */
public enum CoreTradingState {
    /** Everything allowed. */
    ACTIVE,
    /** Only orders that reduce the position (and cancels). */
    REDUCING,
    /** Only cancels. */
    HALTED
}
