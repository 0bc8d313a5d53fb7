package io.nautilus.simvenue.gateway;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;

import java.util.Objects;
import java.util.Set;

/**
 * What a {@link SimulatedVenueGateway} does.
 *
 * @param venue             the venue id
 * @param instruments       the venue's market; empty for every instrument the trading core defines
 * @param latencyMs         one-way latency of every order message (new, cancel, replace, status), ms, 0 or more
 * @param jitterMs          extra latency drawn uniformly from 0..jitterMs per message (seeded), 0 or more; messages
 *                          never overtake each other
 * @param rejectProbability probability that a valid new order is rejected by the venue, 0 to 1
 * @param partialFillRatio  most of an aggressive order's quantity filled per match, as a fraction of its quantity
 *                          (rounded down to the lot, at least one lot), over 0 to 1; 1 = no cap
 * @param seed              seed of the latency jitter and the reject draws
 * @param levels            mirrored price levels per side, 1 to 20
 * @param levelSpacingTicks ticks between mirrored levels, 1 or more
 * @param sizeFactor        size of a mirrored level as a multiple of the quoted size, greater than zero
 * @param trades            whether the market's trades are replayed as immediate-or-cancel prints
 * @param refreshMs         ms between two refreshes of the mirrored liquidity without new quotes (restores taken
 *                          liquidity, releases capped orders); 0 = only when market data arrives
 */
public record SimulatedVenueSettings(VenueId venue, Set<InstrumentId> instruments, long latencyMs, long jitterMs,
                                     double rejectProbability, double partialFillRatio, long seed, int levels,
                                     int levelSpacingTicks, double sizeFactor, boolean trades, long refreshMs) {

    /** Validates the settings. */
    public SimulatedVenueSettings {
        Objects.requireNonNull(venue, "venue");
        instruments = Set.copyOf(instruments);
        if (latencyMs < 0 || jitterMs < 0) {
            throw new IllegalArgumentException("latency.ms " + latencyMs + " and latency.jitter.ms " + jitterMs
                    + " must be 0 or more");
        }
        if (!(rejectProbability >= 0 && rejectProbability <= 1)) {
            throw new IllegalArgumentException("reject.probability must be 0 to 1, was " + rejectProbability);
        }
        if (!(partialFillRatio > 0 && partialFillRatio <= 1)) {
            throw new IllegalArgumentException("partial.fill.ratio must be over 0 and at most 1, was "
                    + partialFillRatio);
        }
        if (levels < 1 || levels > 20) {
            throw new IllegalArgumentException("levels must be 1 to 20, was " + levels);
        }
        if (levelSpacingTicks < 1) {
            throw new IllegalArgumentException("level.spacing.ticks must be 1 or more, was " + levelSpacingTicks);
        }
        if (!(sizeFactor > 0) || Double.isInfinite(sizeFactor)) {
            throw new IllegalArgumentException("size.factor must be greater than zero, was " + sizeFactor);
        }
        if (refreshMs < 0) {
            throw new IllegalArgumentException("refresh.ms must be 0 or more, was " + refreshMs);
        }
    }

    /**
     * Defaults: no latency, no rejects, no cap, seed 1, one level, size factor 1, trades replayed, no timed refresh.
     *
     * @param venue       the venue
     * @param instruments its market
     * @return the settings
     */
    public static SimulatedVenueSettings defaults(VenueId venue, Set<InstrumentId> instruments) {
        return new SimulatedVenueSettings(venue, instruments, 0, 0, 0, 1, 1, 1, 1, 1, true, 0);
    }

    /** @param ms latency @param jitter jitter @return a copy with that latency */
    public SimulatedVenueSettings withLatency(long ms, long jitter) {
        return new SimulatedVenueSettings(venue, instruments, ms, jitter, rejectProbability, partialFillRatio, seed,
                levels, levelSpacingTicks, sizeFactor, trades, refreshMs);
    }

    /** @param probability reject probability @return a copy with it */
    public SimulatedVenueSettings withRejectProbability(double probability) {
        return new SimulatedVenueSettings(venue, instruments, latencyMs, jitterMs, probability, partialFillRatio, seed,
                levels, levelSpacingTicks, sizeFactor, trades, refreshMs);
    }

    /** @param ratio partial fill ratio @return a copy with it */
    public SimulatedVenueSettings withPartialFillRatio(double ratio) {
        return new SimulatedVenueSettings(venue, instruments, latencyMs, jitterMs, rejectProbability, ratio, seed,
                levels, levelSpacingTicks, sizeFactor, trades, refreshMs);
    }

    /** @param newSeed seed @return a copy with it */
    public SimulatedVenueSettings withSeed(long newSeed) {
        return new SimulatedVenueSettings(venue, instruments, latencyMs, jitterMs, rejectProbability, partialFillRatio,
                newSeed, levels, levelSpacingTicks, sizeFactor, trades, refreshMs);
    }

    /** @param count levels @param factor size factor @return a copy with them */
    public SimulatedVenueSettings withLiquidity(int count, double factor) {
        return new SimulatedVenueSettings(venue, instruments, latencyMs, jitterMs, rejectProbability, partialFillRatio,
                seed, count, levelSpacingTicks, factor, trades, refreshMs);
    }
}
