package io.nautilus.router.internal;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.router.api.VenueFeeSchedule;
import io.nautilus.router.api.VenueScore;

/**
 * One venue's registry entry and execution statistics with exponential decay in time.
 *
 * <p>Every sum (sample counts, sent and filled quantity, quantity-weighted slippage, latency) is multiplied by
 * {@code 2^(-Δt / halfLife)} when time advances to a new sample, so a sample's weight halves every half-life.
 * Ratios (fill rate, mean slippage, mean latency) are unchanged by decay; what decays is their weight against the
 * neutral prior: {@code blended = (W × observed + W0 × prior) / (W + W0)}. Owned by the router's lock.
 */
final class VenueStats {

    /** Score component indexes in the array {@link #score} fills. */
    static final int FILL_RATE = 0;
    static final int BUY_SLIPPAGE = 1;
    static final int SELL_SLIPPAGE = 2;
    static final int LATENCY = 3;
    static final int FILL_WEIGHT = 4;
    static final int SLIPPAGE_WEIGHT = 5;
    static final int LATENCY_WEIGHT = 6;
    static final int FILL_SCORE = 7;
    static final int SLIPPAGE_SCORE = 8;
    static final int LATENCY_SCORE = 9;
    static final int COMBINED = 10;
    static final int SIDE_SLIPPAGE = 11;
    static final int COMPONENTS = 12;

    final VenueId venue;
    VenueFeeSchedule fees;
    ConnectionState state;
    /** Child orders decided for the venue since the router started (a monitoring count). */
    long childOrders;

    private long last = Long.MIN_VALUE;
    private double fillCount;
    private double sent;
    private double filled;
    private final double[] slipCount = new double[2];
    private final double[] slipQty = new double[2];
    private final double[] slipQtyBps = new double[2];
    private double latencyCount;
    private double latencySumMicros;

    VenueStats(VenueId venue) {
        this.venue = venue;
    }

    /** @return whether routing may use the venue: registered, enabled and not known to be unusable */
    boolean routable() {
        return fees != null && fees.enabled() && (state == null || state.isUsable());
    }

    private void advance(long now, long halfLifeNanos) {
        if (last == Long.MIN_VALUE) {
            last = now;
            return;
        }
        if (now > last) {
            double f = decay(now - last, halfLifeNanos);
            fillCount *= f;
            sent *= f;
            filled *= f;
            for (int i = 0; i < 2; i++) {
                slipCount[i] *= f;
                slipQty[i] *= f;
                slipQtyBps[i] *= f;
            }
            latencyCount *= f;
            latencySumMicros *= f;
            last = now;
        }
    }

    private static double decay(long elapsed, long halfLifeNanos) {
        return Math.pow(0.5, (double) elapsed / halfLifeNanos);
    }

    /**
     * Adds a finished child: its sent and filled quantity.
     *
     * @param now           nanoseconds since the epoch
     * @param halfLifeNanos the decay half-life
     * @param sentQty       the child's quantity
     * @param filledQty     what filled of it
     */
    void addFill(long now, long halfLifeNanos, long sentQty, long filledQty) {
        advance(now, halfLifeNanos);
        fillCount += 1;
        sent += sentQty;
        filled += filledQty;
    }

    /**
     * Adds a fill's slippage vs the arrival price, weighted by its quantity.
     *
     * @param now           nanoseconds since the epoch
     * @param halfLifeNanos the decay half-life
     * @param side          the fill's side
     * @param qty           the fill's quantity
     * @param bps           signed slippage, positive = worse than arrival
     */
    void addSlippage(long now, long halfLifeNanos, Side side, long qty, double bps) {
        advance(now, halfLifeNanos);
        int i = side == Side.BUY ? 0 : 1;
        slipCount[i] += 1;
        slipQty[i] += qty;
        slipQtyBps[i] += qty * bps;
    }

    /**
     * Adds an ack latency.
     *
     * @param now           nanoseconds since the epoch
     * @param halfLifeNanos the decay half-life
     * @param micros        from send to the first answer
     */
    void addLatency(long now, long halfLifeNanos, double micros) {
        advance(now, halfLifeNanos);
        latencyCount += 1;
        latencySumMicros += micros;
    }

    /**
     * Computes the score at a time without changing the statistics; allocation-free.
     *
     * @param now  nanoseconds since the epoch
     * @param s    the settings (half-life, priors, weights, scales)
     * @param side the side whose slippage counts for {@link #SLIPPAGE_SCORE}, or {@code null} for the mean of both
     * @param out  at least {@link #COMPONENTS} long; receives the components at the index constants
     */
    void score(long now, RouterSettings s, Side side, double[] out) {
        double f = last == Long.MIN_VALUE || now <= last ? 1.0 : decay(now - last, s.halfLifeNanos());
        double w0 = s.priorWeight();
        double wf = fillCount * f;
        double observedFill = sent > 0 ? filled / sent : s.priorFillRate();
        double fillRate = blend(wf, observedFill, w0, s.priorFillRate());
        double wb = slipCount[0] * f;
        double ws = slipCount[1] * f;
        double buy = blend(wb, slipQty[0] > 0 ? slipQtyBps[0] / slipQty[0] : 0, w0, 0);
        double sell = blend(ws, slipQty[1] > 0 ? slipQtyBps[1] / slipQty[1] : 0, w0, 0);
        double wl = latencyCount * f;
        double latency = blend(wl, latencyCount > 0 ? latencySumMicros / latencyCount : s.latencyReferenceMicros(), w0,
                s.latencyReferenceMicros());
        double sideSlip = side == null ? (buy + sell) / 2 : side == Side.BUY ? buy : sell;
        double slipScore = side == null ? (slippageScore(buy, s) + slippageScore(sell, s)) / 2
                : slippageScore(sideSlip, s);
        double latScore = s.latencyReferenceMicros() / (s.latencyReferenceMicros() + Math.max(0, latency));
        double combined = (s.weightFill() * fillRate + s.weightSlippage() * slipScore + s.weightLatency() * latScore)
                / (s.weightFill() + s.weightSlippage() + s.weightLatency());
        out[FILL_RATE] = fillRate;
        out[BUY_SLIPPAGE] = buy;
        out[SELL_SLIPPAGE] = sell;
        out[LATENCY] = latency;
        out[FILL_WEIGHT] = wf;
        out[SLIPPAGE_WEIGHT] = wb + ws;
        out[LATENCY_WEIGHT] = wl;
        out[FILL_SCORE] = fillRate;
        out[SLIPPAGE_SCORE] = slipScore;
        out[LATENCY_SCORE] = latScore;
        out[COMBINED] = combined;
        out[SIDE_SLIPPAGE] = sideSlip;
    }

    private static double blend(double w, double observed, double w0, double prior) {
        double total = w + w0;
        return total > 0 ? (w * observed + w0 * prior) / total : prior;
    }

    private static double slippageScore(double bps, RouterSettings s) {
        return Math.max(0, Math.min(1, 0.5 - bps / (2 * s.slippageScaleBps())));
    }

    /**
     * The score components as a value.
     *
     * @param c components from {@link #score}
     * @return the score
     */
    VenueScore toScore(double[] c) {
        return new VenueScore(venue, state, c[FILL_RATE],
                c[BUY_SLIPPAGE], c[SELL_SLIPPAGE], c[LATENCY], c[FILL_WEIGHT], c[SLIPPAGE_WEIGHT], c[LATENCY_WEIGHT],
                c[FILL_SCORE], c[SLIPPAGE_SCORE], c[LATENCY_SCORE], c[COMBINED]);
    }
}
