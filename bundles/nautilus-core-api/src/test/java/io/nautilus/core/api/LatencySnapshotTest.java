package io.nautilus.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencySnapshotTest {

    @Test
    void eachLatencyFallsInTheFirstBucketWhoseBoundHoldsIt() {
        assertThat(LatencySnapshot.bucketOf(-5)).isZero();
        assertThat(LatencySnapshot.bucketOf(1024)).isZero();
        assertThat(LatencySnapshot.bucketOf(1025)).isEqualTo(1);
        assertThat(LatencySnapshot.bucketOf(2048)).isEqualTo(1);
        for (int b = 0; b < LatencySnapshot.BUCKETS - 1; b++) {
            long bound = LatencySnapshot.upperBoundNanos(b);
            assertThat(LatencySnapshot.bucketOf(bound)).as("bound of %d", b).isEqualTo(b);
            assertThat(LatencySnapshot.bucketOf(bound + 1)).as("above bound of %d", b).isEqualTo(b + 1);
        }
        assertThat(LatencySnapshot.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencySnapshot.BUCKETS - 1);
    }

    @Test
    void theLastBucketHasNoBound() {
        assertThatThrownBy(() -> LatencySnapshot.upperBoundNanos(LatencySnapshot.BUCKETS - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no upper bound");
    }

    @Test
    void countsAreCopiedInAndOut() {
        long[] counts = new long[LatencySnapshot.BUCKETS];
        counts[3] = 2;
        LatencySnapshot snapshot = new LatencySnapshot(2, 20_000, counts);
        counts[3] = 99;
        snapshot.bucketCounts()[3] = 99;

        assertThat(snapshot.bucketCounts()[3]).isEqualTo(2);
    }
}
