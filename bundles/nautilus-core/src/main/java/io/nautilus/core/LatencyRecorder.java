package io.nautilus.core;

import io.nautilus.core.api.LatencySnapshot;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A power-of-two latency histogram with one writer thread and any number of readers: recording is a bucket index
 * and two ordered stores, with no allocation and no lock; {@link #snapshot()} reads it from any thread.
 */
public final class LatencyRecorder {

    private final AtomicLongArray buckets = new AtomicLongArray(LatencySnapshot.BUCKETS);
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong count = new AtomicLong();

    /**
     * Records one latency; only the owning thread calls this.
     *
     * @param nanos the latency in nanoseconds
     */
    public void record(long nanos) {
        int bucket = LatencySnapshot.bucketOf(nanos);
        buckets.lazySet(bucket, buckets.get(bucket) + 1);
        sum.lazySet(sum.get() + Math.max(0, nanos));
        count.lazySet(count.get() + 1);
    }

    /** @return the counts so far (allocates: for readers, not the hot path) */
    public LatencySnapshot snapshot() {
        long[] counts = new long[LatencySnapshot.BUCKETS];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets.get(i);
            total += counts[i];
        }
        return new LatencySnapshot(total, sum.get(), counts);
    }
}
