package io.nautilus.web.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final LoginLimiter limiter = new LoginLimiter(3, Duration.ofSeconds(60), Duration.ofSeconds(120));

    @Test
    void aUserIsLockedOutAfterTheLastAllowedFailureUntilTheLockoutEnds() {
        limiter.failed("Admin", "10.0.0.1", 0);
        limiter.failed("admin", "10.0.0.2", SECOND);
        assertThat(limiter.retryAfter("admin", "10.0.0.3", 2 * SECOND)).isZero();

        limiter.failed("admin", "10.0.0.3", 2 * SECOND);

        assertThat(limiter.retryAfter("ADMIN", "10.0.0.4", 3 * SECOND)).isEqualTo(119 * SECOND);
        assertThat(limiter.retryAfter("admin", "10.0.0.4", 122 * SECOND)).isZero();
    }

    @Test
    void anAddressGuessingManyNamesIsLockedOut() {
        limiter.failed("a", "10.0.0.9", 0);
        limiter.failed("b", "10.0.0.9", 0);
        limiter.failed("c", "10.0.0.9", 0);

        assertThat(limiter.retryAfter("d", "10.0.0.9", SECOND)).isPositive();
        assertThat(limiter.retryAfter("d", "10.0.0.10", SECOND)).isZero();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        limiter.failed("admin", "10.0.0.1", 0);
        limiter.failed("admin", "10.0.0.2", 30 * SECOND);
        limiter.failed("admin", "10.0.0.3", 61 * SECOND);

        assertThat(limiter.retryAfter("admin", "10.0.0.4", 62 * SECOND)).isZero();
    }

    @Test
    void successForgetsTheUsersFailuresButNotTheAddresss() {
        limiter.failed("admin", "10.0.0.1", 0);
        limiter.failed("admin", "10.0.0.1", 0);
        limiter.succeeded("admin");
        limiter.failed("admin", "10.0.0.2", 0);

        assertThat(limiter.retryAfter("admin", "10.0.0.2", SECOND)).isZero();
        limiter.failed("other", "10.0.0.1", 0);
        assertThat(limiter.retryAfter("x", "10.0.0.1", SECOND)).isPositive();
    }

    @Test
    void sweepDropsWhatNoLongerCounts() {
        limiter.failed("admin", "10.0.0.1", 0);
        assertThat(limiter.size()).isEqualTo(2);

        limiter.sweep(61 * SECOND);

        assertThat(limiter.size()).isZero();
    }
}
