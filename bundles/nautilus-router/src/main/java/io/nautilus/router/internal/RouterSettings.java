package io.nautilus.router.internal;

import io.nautilus.router.api.ImpactModel;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * The router's validated settings (from {@link RouterConfig}); immutable, swapped whole on reconfiguration.
 *
 * @param halfLifeNanos          half-life of the score decay, nanoseconds, greater than zero
 * @param impactModel            linear or square root
 * @param impactCoefficient      the impact model's coefficient, 0 or more
 * @param maxChildren            children per parent, 1 to 64
 * @param minChildQuantity       the configured minimum child quantity in instrument units (0: the instrument's)
 * @param weightFill             weight of the fill-rate component, 0 or more
 * @param weightSlippage         weight of the slippage component, 0 or more
 * @param weightLatency          weight of the latency component, 0 or more (the three not all 0)
 * @param slippageScaleBps       slippage that scores 0, bps, greater than zero
 * @param latencyReferenceMicros ack latency that scores 0.5, microseconds, greater than zero
 * @param priorWeight            weight of the neutral prior in samples, 0 or more
 * @param priorFillRate          fill rate of the neutral prior, 0 to 1
 * @param maxTrackedParents      parents kept, 1 or more
 */
public record RouterSettings(long halfLifeNanos, ImpactModel impactModel, double impactCoefficient, int maxChildren,
                             BigDecimal minChildQuantity, double weightFill, double weightSlippage,
                             double weightLatency, double slippageScaleBps, double latencyReferenceMicros,
                             double priorWeight, double priorFillRate, int maxTrackedParents) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the setting and its value when one is out of range
     */
    public RouterSettings {
        Objects.requireNonNull(impactModel, "impact.model");
        Objects.requireNonNull(minChildQuantity, "min.child.quantity");
        check(halfLifeNanos > 0, "decay.half.life.seconds", halfLifeNanos / 1e9);
        check(impactCoefficient >= 0 && Double.isFinite(impactCoefficient), "impact.coefficient", impactCoefficient);
        check(maxChildren >= 1 && maxChildren <= 64, "max.child.orders", maxChildren);
        check(minChildQuantity.signum() >= 0, "min.child.quantity", minChildQuantity);
        check(weightFill >= 0 && Double.isFinite(weightFill), "weight.fill.rate", weightFill);
        check(weightSlippage >= 0 && Double.isFinite(weightSlippage), "weight.slippage", weightSlippage);
        check(weightLatency >= 0 && Double.isFinite(weightLatency), "weight.latency", weightLatency);
        check(weightFill + weightSlippage + weightLatency > 0, "weight.* (sum)",
                weightFill + weightSlippage + weightLatency);
        check(slippageScaleBps > 0 && Double.isFinite(slippageScaleBps), "slippage.scale.bps", slippageScaleBps);
        check(latencyReferenceMicros > 0 && Double.isFinite(latencyReferenceMicros), "latency.reference.micros",
                latencyReferenceMicros);
        check(priorWeight >= 0 && Double.isFinite(priorWeight), "prior.weight", priorWeight);
        check(priorFillRate >= 0 && priorFillRate <= 1, "prior.fill.rate", priorFillRate);
        check(maxTrackedParents >= 1, "max.tracked.parents", maxTrackedParents);
    }

    private static void check(boolean ok, String name, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("io.nautilus.router: " + name + " = " + value + " is out of range");
        }
    }

    /**
     * The defaults of {@link RouterConfig}.
     *
     * @return the default settings
     */
    public static RouterSettings defaults() {
        return new RouterSettings(300_000_000_000L, ImpactModel.SQRT, 1.0, 8, BigDecimal.ZERO, 1, 1, 1, 10, 1000, 1,
                0.5, 100_000);
    }

    /**
     * Reads and validates a configuration.
     *
     * @param c the configuration
     * @return the settings
     * @throws IllegalArgumentException naming the setting when one is invalid
     */
    public static RouterSettings from(RouterConfig c) {
        ImpactModel model = switch (c.impact_model().trim().toLowerCase(Locale.ROOT)) {
            case "linear" -> ImpactModel.LINEAR;
            case "sqrt", "square-root" -> ImpactModel.SQRT;
            default -> throw new IllegalArgumentException("io.nautilus.router: impact.model = '" + c.impact_model()
                    + "' is not linear or sqrt");
        };
        BigDecimal min;
        try {
            min = new BigDecimal(c.min_child_quantity().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("io.nautilus.router: min.child.quantity = '" + c.min_child_quantity()
                    + "' is not a decimal number");
        }
        double halfLife = c.decay_half_life_seconds();
        if (!(halfLife > 0) || halfLife > 1e9) {
            throw new IllegalArgumentException("io.nautilus.router: decay.half.life.seconds = " + halfLife
                    + " is out of range (0, 1e9]");
        }
        return new RouterSettings(Math.round(halfLife * 1e9), model, c.impact_coefficient(), c.max_child_orders(),
                min, c.weight_fill_rate(), c.weight_slippage(), c.weight_latency(), c.slippage_scale_bps(),
                c.latency_reference_micros(), c.prior_weight(), c.prior_fill_rate(), c.max_tracked_parents());
    }

    /** @return the settings as one line for explanations and logs */
    public String describe() {
        return String.format(Locale.ROOT, "half-life %s s, impact %s coefficient %s, max children %d, min child %s,"
                        + " weights fill %s slippage %s latency %s, slippage scale %s bps, latency reference %s us,"
                        + " prior weight %s fill rate %s", trim(halfLifeNanos / 1e9),
                impactModel.name().toLowerCase(Locale.ROOT), trim(impactCoefficient), maxChildren,
                minChildQuantity.toPlainString(), trim(weightFill), trim(weightSlippage), trim(weightLatency),
                trim(slippageScaleBps), trim(latencyReferenceMicros), trim(priorWeight), trim(priorFillRate));
    }

    private static String trim(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * Returns these settings with another impact model and coefficient.
     *
     * @param model       linear or sqrt
     * @param coefficient 0 or more
     * @return the new settings
     */
    public RouterSettings withImpact(ImpactModel model, double coefficient) {
        return new RouterSettings(halfLifeNanos, model, coefficient, maxChildren, minChildQuantity, weightFill,
                weightSlippage, weightLatency, slippageScaleBps, latencyReferenceMicros, priorWeight, priorFillRate,
                maxTrackedParents);
    }

    /**
     * Returns these settings with other splitting limits.
     *
     * @param maxChildren      1 to 64
     * @param minChildQuantity in instrument units, 0 or more
     * @return the new settings
     */
    public RouterSettings withLimits(int maxChildren, BigDecimal minChildQuantity) {
        return new RouterSettings(halfLifeNanos, impactModel, impactCoefficient, maxChildren, minChildQuantity,
                weightFill, weightSlippage, weightLatency, slippageScaleBps, latencyReferenceMicros, priorWeight,
                priorFillRate, maxTrackedParents);
    }

    /**
     * Returns these settings with another half-life.
     *
     * @param nanos greater than zero
     * @return the new settings
     */
    public RouterSettings withHalfLife(long nanos) {
        return new RouterSettings(nanos, impactModel, impactCoefficient, maxChildren, minChildQuantity, weightFill,
                weightSlippage, weightLatency, slippageScaleBps, latencyReferenceMicros, priorWeight, priorFillRate,
                maxTrackedParents);
    }
}
