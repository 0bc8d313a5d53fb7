package io.nautilus.router.api;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.OrderStatus;

import java.util.List;

/**
 * A parent order's aggregated state: its children's fills summed up.
 *
 * <p>The average price is exact: {@code Σ(lastPrice × lastQuantity) / cumulativeQuantity} over every child fill,
 * computed in 128-bit integers and rounded half even once, at the price scale.
 *
 * @param parent             the parent as routed
 * @param cumulativeQuantity filled across children, in units of the quantity scale
 * @param averagePrice       at the price scale, or {@link FixedPoint#NULL} while nothing is filled
 * @param leavesQuantity     {@code quantity - cumulativeQuantity} while the parent is working, 0 once finished
 * @param status             {@link OrderStatus#NEW} until a fill, {@link OrderStatus#PARTIALLY_FILLED},
 *                           {@link OrderStatus#FILLED} once the whole quantity filled, {@link OrderStatus#CANCELED}
 *                           when every child is done with quantity left (or nothing could be allocated)
 * @param children           the children's states
 */
public record ParentOrderState(ParentOrder parent, long cumulativeQuantity, long averagePrice, long leavesQuantity,
                               OrderStatus status, List<ChildState> children) {

    /**
     * Copies the children list.
     */
    public ParentOrderState {
        children = List.copyOf(children);
    }
}
