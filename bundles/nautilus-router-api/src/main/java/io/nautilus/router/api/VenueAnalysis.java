package io.nautilus.router.api;

import io.nautilus.api.VenueId;

/**
 * What the router knew and decided about one venue of the market state in a routing decision.
 *
 * @param venue              the venue
 * @param excluded           why the venue was not considered ({@code "not in the venue registry"}, {@code
 *                           "disabled"}, {@code "connection DOWN"}), or {@code null} if it was
 * @param fees               its fee schedule, or {@code null} if it is not registered
 * @param score              its score at decision time for the parent's side, or {@code null} if excluded
 * @param averageDailyVolume its ADV from the market state, in units of the quantity scale
 * @param displayedWithinLimit displayed quantity on the side the parent trades against (the parent's own side for
 *                           passive routing) at prices within the limit, in units of the quantity scale
 * @param allocated          quantity of its children in the decision, in units of the quantity scale
 * @param cost               the expected cost of its children, {@link CostBreakdown#ZERO} if none
 * @param note               what happened to it, e.g. {@code "dropped: 30 below the minimum child quantity 100"},
 *                           or empty
 */
public record VenueAnalysis(VenueId venue, String excluded, VenueFeeSchedule fees, VenueScore score,
                            long averageDailyVolume, long displayedWithinLimit, long allocated, CostBreakdown cost,
                            String note) {
}
