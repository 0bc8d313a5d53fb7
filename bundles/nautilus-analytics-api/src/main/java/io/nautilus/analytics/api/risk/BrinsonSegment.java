package io.nautilus.analytics.api.risk;

import java.util.Objects;

/**
 * One segment (sector, instrument, asset class) of a portfolio and its benchmark over one period.
 *
 * @param name            the segment's name
 * @param portfolioWeight the portfolio's weight in the segment, a decimal (the portfolio's weights sum to 1)
 * @param benchmarkWeight the benchmark's weight in the segment, a decimal (the benchmark's weights sum to 1)
 * @param portfolioReturn the return of the portfolio's holdings in the segment, a decimal
 * @param benchmarkReturn the return of the benchmark's holdings in the segment, a decimal
 */
public record BrinsonSegment(String name, double portfolioWeight, double benchmarkWeight, double portfolioReturn,
                             double benchmarkReturn) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if the name is null
     * @throws IllegalArgumentException if a number is not finite; the message names the segment
     */
    public BrinsonSegment {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(portfolioWeight) || !Double.isFinite(benchmarkWeight)
                || !Double.isFinite(portfolioReturn) || !Double.isFinite(benchmarkReturn)) {
            throw new IllegalArgumentException("segment " + name + ": weights and returns must be finite numbers");
        }
    }
}
