package io.nautilus.router.api;

import io.nautilus.api.VenueId;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The router's decision counts since it started, read at once: a monitoring view (Prometheus counters). The router
 * counts in its routing call without allocating; only this snapshot is built when asked for.
 *
 * @param decisions   routing decisions per outcome; every outcome is present (0 until the first)
 * @param childOrders child orders decided per venue; every venue of the registry is present (0 until the first),
 *                    and a venue removed from the registry keeps its count; iteration in venue id order
 */
public record RoutingCounts(Map<RoutingOutcome, Long> decisions, Map<VenueId, Long> childOrders) {

    /**
     * Copies the maps (the venues' order kept).
     */
    public RoutingCounts {
        decisions = Map.copyOf(decisions);
        childOrders = Collections.unmodifiableMap(new LinkedHashMap<>(childOrders));
    }

    /** @return the decisions of every outcome */
    public long totalDecisions() {
        long total = 0;
        for (long n : decisions.values()) {
            total += n;
        }
        return total;
    }
}
