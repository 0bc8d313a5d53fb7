package io.nautilus.shell.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Client order ids for orders the admin submits without {@code --client-id}: microseconds since the epoch, made
 * strictly increasing, so they stay unique across shell sessions and restarts (unless the clock goes back).
 */
final class ClientOrderIds {

    /** The ids of this shell bundle. */
    static final ClientOrderIds SHELL = new ClientOrderIds(ClientOrderIds::epochMicros);

    private final LongSupplier clock;
    private final AtomicLong last = new AtomicLong();

    /**
     * @param clock the current time in microseconds since the epoch
     */
    ClientOrderIds(LongSupplier clock) {
        this.clock = clock;
    }

    /** @return a client order id greater than zero and greater than every id this instance returned before */
    long next() {
        long now = clock.getAsLong();
        return last.updateAndGet(previous -> Math.max(previous + 1, Math.max(now, 1)));
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
