package io.nautilus.core.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seqs consumers of the journal hold (in memory only): pruning keeps what a replay after the lowest one needs.
 */
final class JournalHolds {

    private final Map<String, Long> held = new ConcurrentHashMap<>();

    /**
     * Sets or moves a consumer's hold.
     *
     * @param holder the consumer's name, not blank
     * @param seq the last seq it has, 0 or more
     * @throws IllegalArgumentException if the name is blank or the seq negative
     */
    void hold(String holder, long seq) {
        Objects.requireNonNull(holder, "holder");
        if (holder.isBlank()) {
            throw new IllegalArgumentException("holder name is blank");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("held seq " + seq + " of " + holder + " must not be negative");
        }
        held.put(holder, seq);
    }

    /**
     * Releases a consumer's hold (nothing if it has none).
     *
     * @param holder the consumer's name
     */
    void release(String holder) {
        held.remove(Objects.requireNonNull(holder, "holder"));
    }

    /** @return the lowest held seq, {@link Long#MAX_VALUE} if nothing is held */
    long lowest() {
        long lowest = Long.MAX_VALUE;
        for (long seq : held.values()) {
            lowest = Math.min(lowest, seq);
        }
        return lowest;
    }
}
