package io.nautilus.router.internal;

import io.nautilus.router.api.CostBreakdown;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.RouteExplanation;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.VenueFeeSchedule;
import io.nautilus.router.api.VenueScore;

/**
 * Everything a routing decision used and produced, kept with its parent so that {@code explain} can show it later;
 * per-venue arrays are indexed like the market state's venues, step arrays by step. Written once by the
 * {@link Splitter}, then read only.
 */
final class DecisionRecord {

    static final int NOTE_NONE = 0;
    static final int NOTE_NO_LIQUIDITY = 1;
    static final int NOTE_MAX_CHILDREN = 2;
    static final int NOTE_DROPPED_MIN_CHILD = 3;
    static final int NOTE_REMAINDER = 4;
    static final int NOTE_UNUSED = 5;

    ParentOrder parent;
    MarketState market;
    RouterSettings settings;
    long timeNanos;
    long arrivalPrice;
    String arrivalSource;
    long lotSize;
    long minChild;
    long target;

    VenueFeeSchedule[] fees;
    String[] excluded;
    VenueScore[] scores;
    long[] displayed;
    long[] allocated;
    CostBreakdown[] costs;
    int[] noteCode;
    long[] noteValue;

    int steps;
    int[] stepVenue;
    int[] stepLevel;
    long[] stepPrice;
    long[] stepQuantity;
    double[] stepCost;
    double[] stepFee;
    double[] stepSlippage;
    double[] stepImpact;
    int[] stepRunnerUp;
    double[] stepRunnerUpCost;

    String remainderNote;
    RoutingDecision decision;
    RouteExplanation explanation;
}
