package io.nautilus.router.api;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;

/**
 * A venue's live quality score from its execution history, exponentially decayed (a sample's weight halves every
 * half-life) and blended with a neutral prior: each statistic is {@code (W × observed + W0 × prior) / (W + W0)},
 * W the decayed weight of the samples and W0 the configured prior weight.
 *
 * <p>Components in [0, 1] (0.5 is neutral): fill score = fill rate; slippage score = {@code clamp(0.5 -
 * slippageBps / (2 × scaleBps), 0, 1)}; latency score = {@code reference / (reference + latency)}. The combined
 * score is the weighted mean of the three with the configured weights.
 *
 * @param venue              the venue
 * @param state              its connection state as last reported, or {@code null} if never reported (taken as
 *                           usable); routing skips venues that are not usable
 * @param fillRate           filled quantity / sent quantity of finished children, 0 to 1
 * @param buySlippageBps     signed slippage of buy fills vs the parent's arrival price, bps (positive = paid more)
 * @param sellSlippageBps    signed slippage of sell fills vs the parent's arrival price, bps (positive = received
 *                           less)
 * @param ackLatencyMicros   time from send to the venue's first answer, microseconds
 * @param fillWeight         decayed number of fill-rate samples (finished children)
 * @param slippageWeight     decayed number of slippage samples (fills), both sides
 * @param latencyWeight      decayed number of latency samples (acks)
 * @param fillScore          the fill-rate component
 * @param slippageScore      the slippage component, for the side the score was asked for (the mean of both
 *                           sides when not for a side)
 * @param latencyScore       the latency component
 * @param combined           the weighted combination, 0 to 1
 */
public record VenueScore(VenueId venue, ConnectionState state, double fillRate, double buySlippageBps,
                         double sellSlippageBps, double ackLatencyMicros, double fillWeight, double slippageWeight,
                         double latencyWeight, double fillScore, double slippageScore, double latencyScore,
                         double combined) {
}
