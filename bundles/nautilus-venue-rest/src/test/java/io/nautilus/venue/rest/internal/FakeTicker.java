package io.nautilus.venue.rest.internal;

import java.time.Duration;

/** A clock that moves only when the test advances it; sleepers wake on each advance (or every 20 ms to re-check). */
final class FakeTicker implements Ticker {

    private long now = 1_000_000_000L;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    synchronized void advance(Duration duration) {
        now += duration.toNanos();
        notifyAll();
    }

    @Override
    public synchronized void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            wait(20);
        }
    }
}
