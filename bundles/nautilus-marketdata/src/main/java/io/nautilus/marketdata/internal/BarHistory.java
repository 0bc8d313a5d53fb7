package io.nautilus.marketdata.internal;

import io.nautilus.api.marketdata.Bar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last completed bars of one instrument and spec, in a ring of fixed capacity: added to by the engine thread
 * (no allocation), read from any thread. A reader copies the bars it wants and retries if the writer overwrote any
 * of them meanwhile, so it always returns consecutive bars.
 */
final class BarHistory {

    private final AtomicReferenceArray<Bar> ring;
    /** Bars ever added; written by the engine thread only. */
    private volatile long count;

    /**
     * Creates an empty history.
     *
     * @param capacity the most bars kept, at least 1
     */
    BarHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("bar history capacity " + capacity + " must be at least 1");
        }
        // one spare slot: the one the writer may be filling while a reader copies the others
        this.ring = new AtomicReferenceArray<>(capacity + 1);
    }

    /**
     * Adds a completed bar, dropping the oldest when full. Engine thread only.
     *
     * @param bar the bar
     */
    void add(Bar bar) {
        long c = count;
        ring.lazySet((int) (c % ring.length()), bar);
        count = c + 1;
    }

    /**
     * The most recent bars, oldest first.
     *
     * @param max the most bars to return, not negative
     * @return up to {@code max} bars (fewer if fewer were kept), unmodifiable
     */
    List<Bar> last(int max) {
        int length = ring.length();
        while (true) {
            long before = count;
            int n = (int) Math.min(Math.min(max, length - 1), before);
            List<Bar> bars = new ArrayList<>(n);
            for (long i = before - n; i < before; i++) {
                bars.add(ring.get((int) (i % length)));
            }
            // writing bar j overwrites bar j - length; since `before` the writer has written (or is writing) bars up to
            // index `count`, so ours (from before - n) are intact while count - length < before - n
            if (count - before < length - n) {
                return Collections.unmodifiableList(bars);
            }
        }
    }

    /**
     * Bars added since the engine started, kept or not.
     *
     * @return the count
     */
    long total() {
        return count;
    }
}
