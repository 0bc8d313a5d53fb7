package io.nautilus.router.api;

import java.util.List;

/**
 * Why a routing decision came out as it did: its inputs, each venue's score components and costs, the greedy
 * allocation's steps, and the result; also as text lines for the shell ({@code nautilus:route-explain}).
 *
 * @param parent              the parent order
 * @param decisionTimeNanos   when the decision was made, nanoseconds since the epoch
 * @param currency            the instrument's currency (money figures are at the price scale in it)
 * @param priceScale          the instrument's price scale
 * @param quantityScale       the instrument's quantity scale
 * @param lotSize             the lot size used, in units of the quantity scale
 * @param minChildQuantity    the minimum child quantity used (the larger of the configured one and the
 *                            instrument's minimum quantity), in units of the quantity scale
 * @param arrivalPrice        the benchmark price used, in units of the price scale
 * @param volatilityBps       the volatility input of the impact model
 * @param settings            the router settings in force, as text
 * @param venues              one analysis per venue of the market state, in its order
 * @param steps               the allocation steps, in order
 * @param decision            the decision
 * @param lines               the whole explanation as human-readable lines
 */
public record RouteExplanation(ParentOrder parent, long decisionTimeNanos, String currency, int priceScale,
                               int quantityScale, long lotSize, long minChildQuantity, long arrivalPrice,
                               double volatilityBps, String settings, List<VenueAnalysis> venues,
                               List<AllocationStep> steps, RoutingDecision decision, List<String> lines) {

    /**
     * Copies the lists.
     */
    public RouteExplanation {
        venues = List.copyOf(venues);
        steps = List.copyOf(steps);
        lines = List.copyOf(lines);
    }
}
