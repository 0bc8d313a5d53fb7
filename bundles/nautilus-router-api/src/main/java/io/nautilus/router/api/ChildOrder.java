package io.nautilus.router.api;

import io.nautilus.api.Side;
import io.nautilus.api.VenueId;

import java.util.Objects;

/**
 * One child order of a routing decision, to be sent by the caller to its venue with {@link #childOrderId} as
 * client order id; its execution reports go back to {@link SmartOrderRouter#onExecutionReport}.
 *
 * @param childOrderId  the client order id the router assigned, greater than zero and unique in the router
 * @param parentOrderId the parent's id
 * @param venue         where to send it
 * @param side          the parent's side
 * @param quantity      in units of the quantity scale: a multiple of the lot size, at least the minimum child
 *                      quantity
 * @param limitPrice    in units of the price scale: for a marketable child the worst displayed level it takes
 *                      (within the parent's limit), for a passive child its resting price
 * @param style         marketable (immediate, takes liquidity) or passive (rests)
 * @param remainder     whether this is the passive child holding the quantity displayed liquidity did not absorb
 * @param levels        for a marketable child the number of price levels it sweeps, else 1
 * @param expectedCost  the cost model's estimate for this child
 */
public record ChildOrder(long childOrderId, long parentOrderId, VenueId venue, Side side, long quantity,
                         long limitPrice, ExecutionStyle style, boolean remainder, int levels,
                         CostBreakdown expectedCost) {

    /**
     * Checks the child.
     *
     * @throws NullPointerException     if an object component is null
     * @throws IllegalArgumentException if the quantity or price is not positive
     */
    public ChildOrder {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(expectedCost, "expectedCost");
        if (quantity <= 0 || limitPrice <= 0) {
            throw new IllegalArgumentException("child " + childOrderId + ": quantity " + quantity + " and price "
                    + limitPrice + " must be greater than zero");
        }
    }
}
