package io.nautilus.core.api;

import io.nautilus.api.order.OrderStatus;

/** Which orders of the core's order memory to list, by the state they are in. */
public enum OrderStateFilter {

    /** Orders still working (accepted, partially filled, waiting stops, pending a venue's answer). */
    WORKING,
    /** Orders filled completely. */
    FILLED,
    /** Orders canceled, expired (time in force reached) or done for the day. */
    CANCELED,
    /** Orders rejected on entry, by the core's checks or by a venue. */
    REJECTED,
    /** Every order the memory holds. */
    ALL;

    /**
     * Whether an order in a state is listed.
     *
     * @param state the order's current state
     * @return true if this filter lists orders in that state
     */
    public boolean matches(OrderStatus state) {
        return switch (this) {
            case WORKING -> !state.isFinished();
            case FILLED -> state == OrderStatus.FILLED;
            case CANCELED -> state == OrderStatus.CANCELED || state == OrderStatus.EXPIRED
                    || state == OrderStatus.DONE_FOR_DAY;
            case REJECTED -> state == OrderStatus.REJECTED;
            case ALL -> true;
        };
    }
}
