package io.nautilus.analytics.risk;

import io.nautilus.analytics.api.risk.BrinsonEffects;
import io.nautilus.analytics.api.risk.BrinsonMethod;
import io.nautilus.analytics.api.risk.BrinsonResult;
import io.nautilus.analytics.api.risk.BrinsonSegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Single-period arithmetic Brinson attribution of a portfolio's active return against a benchmark.
 *
 * <p>For segment {@code i} with weights {@code wp, wb} and returns {@code rp, rb}, and benchmark total
 * {@code Rb = sum wb rb}: selection {@code wb (rp - rb)}, interaction {@code (wp - wb)(rp - rb)}; allocation
 * {@code (wp - wb) rb} (Brinson-Hood-Beebower) or {@code (wp - wb)(rb - Rb)} (Brinson-Fachler). Both sum to
 * {@code Rp - Rb}; the segments' allocations differ, their total is the same because the weights of each side sum
 * to 1.
 */
public final class Brinson {

    /** How far from 1 a side's weights may sum. */
    public static final double WEIGHT_TOLERANCE = 1e-6;

    private Brinson() {
    }

    /**
     * Attributes the active return.
     *
     * @param method   BHB or BF
     * @param segments at least one, names unique, each side's weights summing to 1
     * @return the effects per segment and in total
     * @throws IllegalArgumentException naming what is wrong with the segments
     */
    public static BrinsonResult attribute(BrinsonMethod method, List<BrinsonSegment> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("attribution needs at least one segment");
        }
        Set<String> names = new HashSet<>();
        double portfolioWeights = 0;
        double benchmarkWeights = 0;
        double portfolioReturn = 0;
        double benchmarkReturn = 0;
        for (BrinsonSegment s : segments) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("segment " + s.name() + " is given twice");
            }
            portfolioWeights += s.portfolioWeight();
            benchmarkWeights += s.benchmarkWeight();
            portfolioReturn += s.portfolioWeight() * s.portfolioReturn();
            benchmarkReturn += s.benchmarkWeight() * s.benchmarkReturn();
        }
        checkSum("portfolio", portfolioWeights);
        checkSum("benchmark", benchmarkWeights);
        List<BrinsonEffects> effects = new ArrayList<>();
        double allocation = 0;
        double selection = 0;
        double interaction = 0;
        for (BrinsonSegment s : segments) {
            double activeWeight = s.portfolioWeight() - s.benchmarkWeight();
            double a = method == BrinsonMethod.BHB ? activeWeight * s.benchmarkReturn()
                    : activeWeight * (s.benchmarkReturn() - benchmarkReturn);
            double sel = s.benchmarkWeight() * (s.portfolioReturn() - s.benchmarkReturn());
            double i = activeWeight * (s.portfolioReturn() - s.benchmarkReturn());
            effects.add(new BrinsonEffects(s.name(), a, sel, i));
            allocation += a;
            selection += sel;
            interaction += i;
        }
        return new BrinsonResult(method, effects, new BrinsonEffects("total", allocation, selection, interaction),
                portfolioReturn, benchmarkReturn);
    }

    private static void checkSum(String side, double sum) {
        if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
            throw new IllegalArgumentException("the " + side + " weights sum to " + sum + ", not 1");
        }
    }
}
