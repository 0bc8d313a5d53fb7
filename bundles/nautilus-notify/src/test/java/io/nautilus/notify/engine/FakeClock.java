package io.nautilus.notify.engine;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A clock tests move by hand, in nanoseconds since the epoch. */
final class FakeClock implements LongSupplier {

    private long now = 1_800_000_000_000_000_000L;

    @Override
    public long getAsLong() {
        return now;
    }

    void advance(Duration d) {
        now += d.toNanos();
    }
}
