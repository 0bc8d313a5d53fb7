package io.nautilus.strategy.engine;

import io.nautilus.api.StrategyId;

/**
 * The outcome of one hot swap of a strategy instance.
 *
 * @param strategy          the instance
 * @param swapped           true if the new version runs; false if the old one keeps running (or the instance
 *                          failed, see {@code problem})
 * @param version           the instance's version after the swap: 1 for the first strategy object, +1 per swap
 * @param pauseNanos        how long no strategy received events: from the end of the old version's last callback
 *                          to the new version being started, in nanoseconds
 * @param requestNanos      from the swap request to the resume, in nanoseconds (includes events queued before
 *                          the request, which the old version still handles)
 * @param bufferedEvents    events waiting in the queue at the resume, replayed to the new version
 * @param lastOldSequence   sequence number of the last event the old version received
 * @param problem           why the swap did not happen, or a problem of the old version's stop; {@code null} if
 *                          none
 */
public record SwapResult(StrategyId strategy, boolean swapped, int version, long pauseNanos, long requestNanos,
                         int bufferedEvents, long lastOldSequence, String problem) {
}
