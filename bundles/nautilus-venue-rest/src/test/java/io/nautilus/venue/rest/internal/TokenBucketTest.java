package io.nautilus.venue.rest.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token bucket on a hand-moved clock. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAllowsTheBurstThenOneTokenPerInterval() {
        TokenBucket bucket = new TokenBucket(2.0, 3, 0);
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.nanosUntilToken(0)).isEqualTo(SECOND / 2);
        assertThat(bucket.tryTake(SECOND / 2 - 1)).isFalse();
        assertThat(bucket.tryTake(SECOND / 2)).isTrue();
        assertThat(bucket.tryTake(SECOND / 2)).isFalse();
    }

    @Test
    void aQuietPeriodRefillsNoMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(1.0, 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        long later = 100 * SECOND;
        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isFalse();
    }

    @Test
    void pauseHoldsEveryTokenUntilItsEnd() {
        TokenBucket bucket = new TokenBucket(10.0, 5, 0);
        bucket.pauseUntil(2 * SECOND);
        assertThat(bucket.nanosUntilToken(0)).isEqualTo(2 * SECOND);
        assertThat(bucket.tryTake(2 * SECOND - 1)).isFalse();
        assertThat(bucket.tryTake(2 * SECOND)).isTrue();
    }

    @Test
    void invalidSettingsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).hasMessageContaining("rate 0.0");
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).hasMessageContaining("burst 0");
    }
}
