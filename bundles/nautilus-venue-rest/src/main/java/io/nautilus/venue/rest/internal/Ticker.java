package io.nautilus.venue.rest.internal;

/**
 * The time source the request throttle reads and waits on: {@link #SYSTEM} in production, a manually advanced
 * clock in tests so rate-limit behaviour is checked without wall-clock assertions.
 */
public interface Ticker {

    /** The JVM's monotonic clock. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            }
        }
    };

    /**
     * The current time.
     *
     * @return monotonic nanoseconds; only differences are meaningful
     */
    long nanoTime();

    /**
     * Waits for up to the given time; may return early (callers re-check the clock).
     *
     * @param nanos how long, in nanoseconds
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleepNanos(long nanos) throws InterruptedException;
}
