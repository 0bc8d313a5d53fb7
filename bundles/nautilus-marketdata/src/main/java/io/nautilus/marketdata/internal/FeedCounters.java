package io.nautilus.marketdata.internal;

import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.ValidationReason;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One feed's validation counters and per-instrument validation state; written only by the engine thread,
 * counters readable from any thread.
 */
final class FeedCounters {

    private static final ValidationReason[] REASONS = ValidationReason.values();
    private static final int ACCEPTED = 2 * REASONS.length;

    final String feedId;
    /** Last sequence seen per instrument index; engine thread only. */
    final long[] lastSequence;
    /** Last good price per instrument index (trade price or quote mid), or NULL; engine thread only. */
    final long[] lastGoodPrice;
    private final AtomicLongArray counts = new AtomicLongArray(ACCEPTED + 1);
    private volatile String lastError;

    FeedCounters(String feedId, int instruments) {
        this.feedId = feedId;
        this.lastSequence = new long[instruments];
        this.lastGoodPrice = new long[instruments];
        java.util.Arrays.fill(lastGoodPrice, io.nautilus.api.instrument.FixedPoint.NULL);
    }

    void rejected(ValidationReason reason) {
        increment(reason.ordinal());
    }

    void flagged(ValidationReason reason) {
        increment(REASONS.length + reason.ordinal());
    }

    void accepted() {
        increment(ACCEPTED);
    }

    void error(String text) {
        lastError = text;
    }

    private void increment(int index) {
        counts.lazySet(index, counts.get(index) + 1);
    }

    FeedStats stats() {
        Map<ValidationReason, Long> rejected = new EnumMap<>(ValidationReason.class);
        Map<ValidationReason, Long> flagged = new EnumMap<>(ValidationReason.class);
        for (ValidationReason reason : REASONS) {
            long r = counts.get(reason.ordinal());
            long f = counts.get(REASONS.length + reason.ordinal());
            if (r > 0) {
                rejected.put(reason, r);
            }
            if (f > 0) {
                flagged.put(reason, f);
            }
        }
        return new FeedStats(feedId, counts.get(ACCEPTED), rejected, flagged, lastError);
    }
}
