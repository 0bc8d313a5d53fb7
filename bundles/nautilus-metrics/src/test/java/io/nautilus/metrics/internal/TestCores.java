package io.nautilus.metrics.internal;

import io.nautilus.core.api.CoreMetrics;
import io.nautilus.core.api.CoreMetricsService;
import io.nautilus.core.api.LatencySnapshot;

/** Core counters for tests: each read has processed {@code step} more commands, sampled latencies around 3 µs. */
final class TestCores {

    private TestCores() {
    }

    static CoreMetrics metrics(long processed, long ringFree) {
        long sampled = processed / CoreMetrics.SAMPLE_EVERY;
        long[] buckets = new long[LatencySnapshot.BUCKETS];
        buckets[2] = sampled;
        LatencySnapshot latency = new LatencySnapshot(sampled, sampled * 3_000, buckets);
        long[] fsyncBuckets = new long[LatencySnapshot.BUCKETS];
        fsyncBuckets[10] = processed / 100;
        LatencySnapshot fsync = new LatencySnapshot(processed / 100, processed / 100 * 900_000, fsyncBuckets);
        return new CoreMetrics("RUNNING", processed, 0, 1024, ringFree, processed, processed, processed,
                processed / 100, fsync, latency, latency, latency);
    }

    static CoreMetricsService growing(long step) {
        long[] processed = {0};
        return () -> {
            synchronized (processed) {
                processed[0] += step;
                return metrics(processed[0], 1000);
            }
        };
    }
}
