package io.nautilus.venue.rest.internal;

/**
 * A token bucket (in its GCRA form): {@code ratePerSecond} tokens are added per second up to {@code burst}; each
 * request takes one. Pure arithmetic on a caller-supplied clock, so it is deterministic under a fake clock. Not
 * thread-safe: the order dispatcher thread owns it.
 */
public final class TokenBucket {

    private final long intervalNanos;
    private final long burstNanos;
    private long theoreticalArrival;

    /**
     * Creates a full bucket.
     *
     * @param ratePerSecond tokens added per second, greater than zero (may be fractional, e.g. 3.33 for 200/min)
     * @param burst         the bucket's size: requests that may go at once after a quiet period, 1 or more
     * @param nowNanos      the current time of the clock the bucket will be read with
     * @throws IllegalArgumentException if a value is out of range
     */
    public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("request rate " + ratePerSecond + " per second must be greater than 0");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst " + burst + " must be 1 or more");
        }
        this.intervalNanos = Math.max(1L, Math.round(1_000_000_000d / ratePerSecond));
        this.burstNanos = intervalNanos * burst;
        this.theoreticalArrival = nowNanos;
    }

    /**
     * How long until a token is available.
     *
     * @param nowNanos the current time
     * @return 0 if a token can be taken now, otherwise the nanoseconds to wait
     */
    public long nanosUntilToken(long nowNanos) {
        long next = Math.max(theoreticalArrival, nowNanos) + intervalNanos - burstNanos;
        return Math.max(0L, next - nowNanos);
    }

    /**
     * Takes a token if one is available.
     *
     * @param nowNanos the current time
     * @return true if taken; false (nothing taken) if the caller must wait {@link #nanosUntilToken(long)}
     */
    public boolean tryTake(long nowNanos) {
        if (nanosUntilToken(nowNanos) > 0) {
            return false;
        }
        theoreticalArrival = Math.max(theoreticalArrival, nowNanos) + intervalNanos;
        return true;
    }

    /**
     * Empties the bucket until a time, e.g. after the venue answered HTTP 429 with {@code Retry-After}: no token is
     * available before {@code untilNanos}, and one at a time after it.
     *
     * @param untilNanos the clock time the venue allows requests again
     */
    public void pauseUntil(long untilNanos) {
        theoreticalArrival = Math.max(theoreticalArrival, untilNanos + burstNanos - intervalNanos);
    }
}
