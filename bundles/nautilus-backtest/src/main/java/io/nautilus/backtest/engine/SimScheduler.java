package io.nautilus.backtest.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The backtest's {@link Scheduler}: a priority queue of actions ordered by time, then by the order they were
 * scheduled. The engine advances it to each market event's time with {@link #runUntil(long)}.
 */
public final class SimScheduler implements Scheduler {

    private static final class Entry implements Comparable<Entry> {
        final long time;
        final long seq;
        final Runnable action;

        Entry(long time, long seq, Runnable action) {
            this.time = time;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final Map<Long, Entry> pending = new HashMap<>();
    private long now;
    private long seq;
    private long nextTime = Long.MAX_VALUE;

    /**
     * @param startNanos the initial simulated time, epoch nanoseconds
     */
    public SimScheduler(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long at(long timeNanos, Runnable action) {
        Entry e = new Entry(Math.max(timeNanos, now), ++seq, action);
        queue.add(e);
        pending.put(e.seq, e);
        nextTime = queue.peek().time;
        return e.seq;
    }

    @Override
    public boolean cancel(long handle) {
        Entry e = pending.remove(handle);
        if (e == null) {
            return false;
        }
        queue.remove(e);
        Entry head = queue.peek();
        nextTime = head == null ? Long.MAX_VALUE : head.time;
        return true;
    }

    /** @return the time of the earliest scheduled action, or {@link Long#MAX_VALUE} if none */
    public long nextTime() {
        return nextTime;
    }

    /** @return the number of actions scheduled and not yet run or canceled */
    public int size() {
        return pending.size();
    }

    /**
     * Runs every action due at or before a time, in order (including actions they schedule that are due too), then
     * sets the clock to that time.
     *
     * @param timeNanos epoch nanoseconds, not before {@link #now()}
     */
    public void runUntil(long timeNanos) {
        while (nextTime <= timeNanos) {
            Entry e = queue.poll();
            pending.remove(e.seq);
            Entry head = queue.peek();
            nextTime = head == null ? Long.MAX_VALUE : head.time;
            now = Math.max(now, e.time);
            e.action.run();
        }
        advanceTo(timeNanos);
    }

    /**
     * Moves the clock forward without running anything (the caller ran what was due).
     *
     * @param timeNanos epoch nanoseconds; an earlier time leaves the clock where it is
     */
    public void advanceTo(long timeNanos) {
        if (timeNanos > now) {
            now = timeNanos;
        }
    }
}
