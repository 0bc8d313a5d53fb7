package io.nautilus.notify.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a receiver's failed deliveries are retried: exponential back-off from {@code initialBackoff}, doubling up to
 * {@code maxBackoff}, until {@code maxAttempts} attempts or {@code giveUpAfter} since the first, whichever comes
 * first; then the notification goes to the dead-letter list. Permanent failures (bad address, HTTP 4xx other than
 * 408 and 429) are not retried.
 *
 * @param maxAttempts    attempts in all, at least 1
 * @param initialBackoff the first wait; positive
 * @param maxBackoff     the longest wait; at least the first
 * @param giveUpAfter    the longest a notification is retried, from its first attempt; positive
 * @param timeout        the longest one attempt may take before it counts as a retryable failure; positive
 */
public record RetryConfig(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter,
                          Duration timeout) {

    /** The shipped default: 1 s doubling to 30 s, for up to 10 minutes or 30 attempts, 10 s per attempt. */
    public static final RetryConfig DEFAULT = new RetryConfig(30, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(10), Duration.ofSeconds(10));

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public RetryConfig {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        Objects.requireNonNull(timeout, "timeout");
        if (maxAttempts < 1 || !positive(initialBackoff) || maxBackoff.compareTo(initialBackoff) < 0
                || !positive(giveUpAfter) || !positive(timeout)) {
            throw new IllegalArgumentException("retry settings out of range: attempts " + maxAttempts + ", back-off "
                    + initialBackoff + ".." + maxBackoff + ", give up after " + giveUpAfter + ", timeout " + timeout);
        }
    }

    private static boolean positive(Duration d) {
        return !d.isZero() && !d.isNegative();
    }
}
