package io.nautilus.router.api;

import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.OrderStatus;

/**
 * A child order's state as the router tracks it from its execution reports.
 *
 * @param childOrderId       the client order id
 * @param venue              its venue
 * @param quantity           sent quantity, in units of the quantity scale
 * @param limitPrice         in units of the price scale
 * @param style              marketable or passive
 * @param cumulativeQuantity filled so far, in units of the quantity scale
 * @param status             its status from the last report ({@link OrderStatus#PENDING_NEW} until the first)
 * @param ackLatencyNanos    from send to the first report, or -1 while unanswered
 * @param averagePrice       its average fill price at the price scale, or {@link FixedPoint#NULL}
 */
public record ChildState(long childOrderId, VenueId venue, long quantity, long limitPrice, ExecutionStyle style,
                         long cumulativeQuantity, OrderStatus status, long ackLatencyNanos, long averagePrice) {
}
