package io.nautilus.cluster;

import java.util.concurrent.atomic.AtomicLong;

/** The sweep runs one node is running and has finished since it started; shown by {@code nautilus:cluster}. */
final class NodeCounters {

    private final AtomicLong running = new AtomicLong();
    private final AtomicLong done = new AtomicLong();

    void started() {
        running.incrementAndGet();
    }

    void finished() {
        running.decrementAndGet();
        done.incrementAndGet();
    }

    long[] read() {
        return new long[] {running.get(), done.get()};
    }
}
