package io.nautilus.router.api;

/**
 * How a venue charges its maker and taker fees.
 */
public enum FeeModel {

    /**
     * A fixed amount per unit of quantity (per share, per contract, per coin): {@code fee = rate × quantity}, the
     * rate in currency per unit.
     */
    PER_UNIT,

    /** A fraction of the notional in basis points: {@code fee = notional × rate / 10 000}. */
    BPS
}
