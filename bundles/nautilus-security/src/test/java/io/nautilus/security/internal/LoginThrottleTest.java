package io.nautilus.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(3, 1000, 10_000, 900_000, 100, now::get);

    @Test
    void theFirstThreeFailuresInARowAreNotDelayed() {
        for (int i = 1; i <= 2; i++) {
            assertThat(throttle.recordFailure("eve@ssh /10.0.0.9")).isEqualTo(new LoginThrottle.Failure(i, 0));
            assertThat(throttle.delayBeforeAttempt("eve@ssh /10.0.0.9")).isZero();
        }
        assertThat(throttle.recordFailure("eve@ssh /10.0.0.9")).isEqualTo(new LoginThrottle.Failure(3, 1000));
        assertThat(throttle.delayBeforeAttempt("eve@ssh /10.0.0.9")).isEqualTo(1000);
    }

    @Test
    void theDelayDoublesWithEachFurtherFailureUpToTheMaximum() {
        long[] expected = {0, 0, 1000, 2000, 4000, 8000, 10_000, 10_000};
        for (int i = 0; i < expected.length; i++) {
            assertThat(throttle.recordFailure("eve@a").nextDelayMillis()).as("after failure %d", i + 1)
                    .isEqualTo(expected[i]);
        }
        assertThat(throttle.delayAfter(Integer.MAX_VALUE)).isEqualTo(10_000);
    }

    @Test
    void theDelayCountsFromTheLastFailure() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("eve@a");
        }
        assertThat(throttle.delayBeforeAttempt("eve@a")).isEqualTo(2000);
        now.addAndGet(1500);
        assertThat(throttle.delayBeforeAttempt("eve@a")).isEqualTo(500);
        now.addAndGet(500);
        assertThat(throttle.delayBeforeAttempt("eve@a")).isZero();
    }

    @Test
    void keysAreSeparateSoAnotherUserOrAddressIsNotDelayed() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("admin@ssh /10.0.0.9");
        }
        assertThat(throttle.delayBeforeAttempt("admin@ssh /10.0.0.9")).isPositive();
        assertThat(throttle.delayBeforeAttempt("admin@ssh /127.0.0.1")).isZero();
        assertThat(throttle.delayBeforeAttempt("alice@ssh /10.0.0.9")).isZero();
    }

    @Test
    void aSuccessStartsTheKeyAfreshAndReportsThePrecedingFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("admin@a");
        }
        assertThat(throttle.recordSuccess("admin@a")).isEqualTo(5);
        assertThat(throttle.delayBeforeAttempt("admin@a")).isZero();
        assertThat(throttle.recordFailure("admin@a").inARow()).isEqualTo(1);
        assertThat(throttle.recordSuccess("nobody@a")).isZero();
    }

    @Test
    void aQuietPeriodAfterTheLastFailureForgetsTheKey() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("admin@a");
        }
        now.addAndGet(900_000);
        assertThat(throttle.delayBeforeAttempt("admin@a")).isZero();
        assertThat(throttle.recordFailure("admin@a").inARow()).isEqualTo(1);
    }

    @Test
    void atMostMaxTrackedKeysAreKeptTheLeastRecentlyUsedGoingFirst() {
        LoginThrottle small = new LoginThrottle(1, 1000, 10_000, 900_000, 3, now::get);
        small.recordFailure("a");
        small.recordFailure("b");
        small.recordFailure("c");
        small.delayBeforeAttempt("a");
        small.recordFailure("d");
        assertThat(small.tracked()).isEqualTo(3);
        assertThat(small.delayBeforeAttempt("b")).as("b was least recently used").isZero();
        assertThat(small.delayBeforeAttempt("a")).isPositive();
    }

    @Test
    void withOneFreeFailureTheFirstFailureDelaysTheNextAttempt() {
        LoginThrottle strict = new LoginThrottle(1, 500, 10_000, 900_000, 10, now::get);
        assertThat(strict.delayBeforeAttempt("x")).isZero();
        assertThat(strict.recordFailure("x").nextDelayMillis()).isEqualTo(500);
    }

    @Test
    void invalidSettingsAreRefusedWithTheirValues() {
        assertThatThrownBy(() -> new LoginThrottle(3, 1000, 500, 900_000, 10, now::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDelayMillis=500");
        assertThatThrownBy(() -> new LoginThrottle(0, 1000, 5000, 900_000, 10, now::get))
                .hasMessageContaining("freeFailures=0");
    }
}
