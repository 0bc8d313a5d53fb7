package io.nautilus.notify.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: at most {@code capacity} messages at once, refilled at {@code capacity} per {@code period}.
 * Written {@code <capacity>/<period>} in the configuration, e.g. {@code 10/1m}; {@code 0} or {@code none} means
 * unlimited.
 *
 * @param capacity messages allowed in a burst, and per period; 0 for unlimited
 * @param period   how long the bucket takes to refill; positive unless unlimited
 */
public record RateLimit(int capacity, Duration period) {

    /** No limit. */
    public static final RateLimit UNLIMITED = new RateLimit(0, Duration.ZERO);

    /**
     * Checks the limit.
     *
     * @throws IllegalArgumentException if the capacity is negative or a limited bucket has no positive period
     */
    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (capacity < 0 || (capacity > 0 && (period.isZero() || period.isNegative()))) {
            throw new IllegalArgumentException("rate limit " + capacity + "/" + period
                    + ": write <messages>/<period>, e.g. 10/1m, or 0 for none");
        }
    }

    /** @return true when there is no limit */
    public boolean unlimited() {
        return capacity == 0;
    }
}
