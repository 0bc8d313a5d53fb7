package io.nautilus.router.api;

import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;

import java.util.Objects;

/**
 * The fees a venue charges, one per venue in the router's registry (factory configuration
 * {@code io.nautilus.router.venue}).
 *
 * <p>Rates are fixed-point at {@link #RATE_SCALE} decimals: for {@link FeeModel#PER_UNIT} currency per unit of
 * quantity (e.g. {@code 0.0030} USD a share is {@code 3_000_000}), for {@link FeeModel#BPS} basis points of the
 * notional (e.g. {@code 0.25} bps is {@code 250_000_000}). A negative rate is a rebate. The fee of an order is
 * converted to the instrument's price scale when it is computed, rounded half even.
 *
 * @param venue   the venue
 * @param model   per unit or basis points
 * @param maker   the rate for passive (liquidity-adding) executions, at {@link #RATE_SCALE}; negative = rebate
 * @param taker   the rate for marketable (liquidity-removing) executions, at {@link #RATE_SCALE}; negative = rebate
 * @param enabled whether the router may route to the venue
 */
public record VenueFeeSchedule(VenueId venue, FeeModel model, long maker, long taker, boolean enabled) {

    /** The decimals of the maker and taker rates. */
    public static final int RATE_SCALE = 9;

    /**
     * Validates the schedule.
     *
     * @throws NullPointerException     if the venue or model is null
     * @throws IllegalArgumentException if a rate is {@link FixedPoint#NULL} or a basis-point rate is outside
     *                                  ±10 000 bps
     */
    public VenueFeeSchedule {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(model, "model");
        if (maker == FixedPoint.NULL || taker == FixedPoint.NULL) {
            throw new IllegalArgumentException("venue " + venue + ": maker and taker rates are required");
        }
        long max = 10_000L * FixedPoint.pow10(RATE_SCALE);
        if (model == FeeModel.BPS && (Math.abs(maker) > max || Math.abs(taker) > max)) {
            throw new IllegalArgumentException("venue " + venue + ": bps rates must be within ±10000 bps, got maker "
                    + FixedPoint.format(maker, RATE_SCALE) + " taker " + FixedPoint.format(taker, RATE_SCALE));
        }
    }

    /**
     * Builds a schedule from decimal text, as configuration files write it.
     *
     * @param venue   the venue
     * @param model   per unit or basis points
     * @param maker   e.g. {@code "-0.0020"} (a rebate)
     * @param taker   e.g. {@code "0.0030"}
     * @param enabled whether the router may route to the venue
     * @return the schedule
     * @throws IllegalArgumentException if a rate is not a decimal with at most {@link #RATE_SCALE} decimals
     */
    public static VenueFeeSchedule parse(VenueId venue, FeeModel model, String maker, String taker, boolean enabled) {
        try {
            return new VenueFeeSchedule(venue, model, FixedPoint.parse(maker, RATE_SCALE),
                    FixedPoint.parse(taker, RATE_SCALE), enabled);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("venue " + venue + ": " + e.getMessage(), e);
        }
    }

    /**
     * The rate that applies to an execution style.
     *
     * @param style marketable (taker) or passive (maker)
     * @return the rate at {@link #RATE_SCALE}
     */
    public long rate(ExecutionStyle style) {
        return style == ExecutionStyle.MARKETABLE ? taker : maker;
    }

    /**
     * The schedule as text, e.g. {@code BPS maker -0.2 taker 0.3}.
     *
     * @return human-readable rates
     */
    public String describe() {
        return model + " maker " + FixedPoint.toBigDecimal(maker, RATE_SCALE).stripTrailingZeros().toPlainString()
                + " taker " + FixedPoint.toBigDecimal(taker, RATE_SCALE).stripTrailingZeros().toPlainString()
                + (enabled ? "" : " (disabled)");
    }
}
