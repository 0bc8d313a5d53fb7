package io.nautilus.backtest.exchange;

import io.nautilus.backtest.engine.Scheduler;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** A minimal simulated clock: actions in time order, equal times in scheduling order; the test moves time. */
final class TestScheduler implements Scheduler {

    private record Entry(long time, long seq, Runnable action) {
    }

    private final TreeSet<Entry> queue = new TreeSet<>(Comparator.comparingLong(Entry::time)
            .thenComparingLong(Entry::seq));
    private final Map<Long, Entry> bySeq = new HashMap<>();
    private long now;
    private long seq;

    TestScheduler(long start) {
        this.now = start;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long at(long timeNanos, Runnable action) {
        Entry e = new Entry(Math.max(timeNanos, now), ++seq, action);
        queue.add(e);
        bySeq.put(e.seq(), e);
        return e.seq();
    }

    @Override
    public boolean cancel(long handle) {
        Entry e = bySeq.remove(handle);
        return e != null && queue.remove(e);
    }

    /** Runs the actions due at or before a time, then sets the clock to it. */
    void advanceTo(long time) {
        while (!queue.isEmpty() && queue.first().time() <= time) {
            Entry e = queue.pollFirst();
            bySeq.remove(e.seq());
            now = e.time();
            e.action().run();
        }
        now = Math.max(now, time);
    }

    int scheduled() {
        return queue.size();
    }
}
