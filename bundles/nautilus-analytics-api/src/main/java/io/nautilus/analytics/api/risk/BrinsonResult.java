package io.nautilus.analytics.api.risk;

import java.util.List;

/**
 * A single-period Brinson attribution: the active return split into allocation, selection and interaction.
 *
 * @param method          the decomposition
 * @param segments        the effects per segment, in the input's order
 * @param total           the sums of the segments' effects; {@code total.active()} equals {@code activeReturn}
 * @param portfolioReturn {@code sum wp rp}
 * @param benchmarkReturn {@code sum wb rb}
 */
public record BrinsonResult(BrinsonMethod method, List<BrinsonEffects> segments, BrinsonEffects total,
                            double portfolioReturn, double benchmarkReturn) {

    /** Copies the list. */
    public BrinsonResult {
        segments = List.copyOf(segments);
    }

    /** @return portfolio return - benchmark return */
    public double activeReturn() {
        return portfolioReturn - benchmarkReturn;
    }
}
