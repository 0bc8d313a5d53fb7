package io.nautilus.router.api;

import io.nautilus.api.VenueId;

/**
 * One step of the greedy allocation: the cheapest candidate at that moment, a venue's price level (or its resting
 * price for passive routing), and the quantity taken there.
 *
 * <p>Per-unit figures are in the instrument's currency per unit of quantity, as doubles (they rank candidates; the
 * exact money figures are the children's {@link CostBreakdown}s). The all-in cost per unit is signed by side so
 * that lower is better for both: {@code sign × price + fee + slippage + marginal impact}, with sign +1 for a buy
 * and -1 for a sell.
 *
 * @param step            1-based order of the step
 * @param venue           the venue chosen
 * @param level           the price level, 0 = best
 * @param price           the level's price, in units of the price scale
 * @param quantity        taken at this step, in units of the quantity scale
 * @param costPerUnit     the all-in cost per unit that made it the cheapest candidate
 * @param feePerUnit      the fee part (negative for a rebate)
 * @param slippagePerUnit the expected slippage part
 * @param impactPerUnit   the marginal impact part: (impact(Q + q) - impact(Q)) / q, Q being what the venue already
 *                        had
 * @param runnerUp        the venue of the next-cheapest candidate at that moment, or {@code null} if there was none
 * @param runnerUpCost    that candidate's all-in cost per unit, or NaN
 */
public record AllocationStep(int step, VenueId venue, int level, long price, long quantity, double costPerUnit,
                             double feePerUnit, double slippagePerUnit, double impactPerUnit, VenueId runnerUp,
                             double runnerUpCost) {
}
