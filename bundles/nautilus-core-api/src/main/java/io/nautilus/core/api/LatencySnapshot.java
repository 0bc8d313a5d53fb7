package io.nautilus.core.api;

import java.util.Arrays;

/**
 * A latency histogram read at one instant: counts per power-of-two bucket since the core started. Bucket {@code i}
 * ({@code 0 <= i < BUCKETS - 1}) holds the latencies up to {@link #upperBoundNanos(int)} = 2<sup>10+i</sup> ns
 * (about 1 µs to 1 s) and above the previous bound; the last bucket holds everything slower.
 *
 * @param count latencies recorded
 * @param sumNanos their sum in nanoseconds
 * @param bucketCounts latencies per bucket (not cumulative), {@link #BUCKETS} entries
 */
public record LatencySnapshot(long count, long sumNanos, long[] bucketCounts) {

    /** Number of buckets, the last one unbounded. */
    public static final int BUCKETS = 22;

    /** An empty histogram. */
    public static final LatencySnapshot EMPTY = new LatencySnapshot(0, 0, new long[BUCKETS]);

    /** Copies the counts and checks there are {@link #BUCKETS} of them. */
    public LatencySnapshot {
        if (bucketCounts.length != BUCKETS) {
            throw new IllegalArgumentException(bucketCounts.length + " bucket counts, expected " + BUCKETS);
        }
        bucketCounts = bucketCounts.clone();
    }

    /**
     * The upper bound of a bucket.
     *
     * @param bucket 0 to {@link #BUCKETS} - 2
     * @return the bound in nanoseconds, inclusive
     */
    public static long upperBoundNanos(int bucket) {
        if (bucket < 0 || bucket >= BUCKETS - 1) {
            throw new IllegalArgumentException("bucket " + bucket + " has no upper bound (0 to " + (BUCKETS - 2) + ")");
        }
        return 1024L << bucket;
    }

    /**
     * The bucket of a latency.
     *
     * @param nanos a latency in nanoseconds (negative counts as 0)
     * @return its bucket, 0 to {@link #BUCKETS} - 1
     */
    public static int bucketOf(long nanos) {
        if (nanos <= 1024) {
            return 0;
        }
        int bucket = 64 - Long.numberOfLeadingZeros(nanos - 1) - 10;
        return Math.min(bucket, BUCKETS - 1);
    }

    @Override
    public long[] bucketCounts() {
        return bucketCounts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencySnapshot that && count == that.count && sumNanos == that.sumNanos
                && Arrays.equals(bucketCounts, that.bucketCounts);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(count) + Arrays.hashCode(bucketCounts);
    }

    @Override
    public String toString() {
        return "LatencySnapshot[count=" + count + ", sumNanos=" + sumNanos + ", buckets="
                + Arrays.toString(bucketCounts) + "]";
    }
}
