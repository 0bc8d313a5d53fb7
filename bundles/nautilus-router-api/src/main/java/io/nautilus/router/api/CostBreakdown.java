package io.nautilus.router.api;

/**
 * The expected cost of a child order, in the instrument's currency as fixed-point longs at the instrument's price
 * scale; positive is a cost, negative a gain (a rebate, a price improvement).
 *
 * @param notional the child's notional at its expected prices: {@code Σ price × quantity}, rounded half even
 * @param fees     the venue's fee: taker for marketable children, maker for passive ones, rounded half even
 * @param slippage the expected slippage: the venue's slippage estimate (bps, for the side) × notional at the
 *                 arrival price / 10 000, rounded half even
 * @param impact   the expected market impact: impact bps × notional at the arrival price / 10 000, rounded half even
 */
public record CostBreakdown(long notional, long fees, long slippage, long impact) {

    /** No cost. */
    public static final CostBreakdown ZERO = new CostBreakdown(0, 0, 0, 0);

    /**
     * The all-in cost beyond the notional.
     *
     * @return {@code fees + slippage + impact}
     */
    public long total() {
        return fees + slippage + impact;
    }
}
