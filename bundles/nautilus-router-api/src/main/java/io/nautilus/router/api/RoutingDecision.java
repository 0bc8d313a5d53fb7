package io.nautilus.router.api;

import io.nautilus.api.instrument.FixedPoint;

import java.util.List;

/**
 * What the router decided for a parent order: the child orders to send and the quantity it left unallocated.
 * Quantities are conserved: {@code Σ children quantity + unallocatedQuantity == parent quantity}.
 *
 * @param parentOrderId       the parent's id
 * @param decisionTimeNanos   when the decision was made, nanoseconds since the epoch (the router's clock)
 * @param arrivalPrice        the benchmark price used, in units of the price scale; {@link FixedPoint#NULL} when
 *                            the parent gave none and no venue showed a price
 * @param children            the child orders, in the order the router allocated them; immutable
 * @param allocatedQuantity   the sum of the children's quantities, in units of the quantity scale
 * @param unallocatedQuantity what no child carries, in units of the quantity scale: the parent's odd lot, what
 *                            no venue could take within the limit when the remainder policy says so, children
 *                            dropped under the minimum child quantity or beyond the maximum number of children
 * @param summary             one line saying why the allocation came out as it did
 */
public record RoutingDecision(long parentOrderId, long decisionTimeNanos, long arrivalPrice, List<ChildOrder> children,
                              long allocatedQuantity, long unallocatedQuantity, String summary) {

    /**
     * Copies the children list.
     */
    public RoutingDecision {
        children = List.copyOf(children);
    }
}
