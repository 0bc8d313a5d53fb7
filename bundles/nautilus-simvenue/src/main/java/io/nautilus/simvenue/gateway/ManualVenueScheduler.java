package io.nautilus.simvenue.gateway;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link VenueScheduler} for tests: a fake clock that moves only when told, and tasks that run on the thread that
 * moves it ({@link #advance}, {@link #runDue}). Deterministic: no wall time, no other thread.
 */
public final class ManualVenueScheduler implements VenueScheduler {

    private record Task(long due, long seq, Runnable runnable) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final long epochBase;
    private long now;
    private long seq;
    private boolean closed;

    /** A clock starting at 2026-01-01T00:00:00Z. */
    public ManualVenueScheduler() {
        this(1_767_225_600_000_000_000L);
    }

    /**
     * @param epochBaseNanos the epoch time of the clock's start
     */
    public ManualVenueScheduler(long epochBaseNanos) {
        this.epochBase = epochBaseNanos;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized long epochNanos() {
        return epochBase + now;
    }

    @Override
    public synchronized void scheduleAt(long dueNanoTime, Runnable task) {
        if (!closed) {
            queue.add(new Task(dueNanoTime, seq++, task));
        }
    }

    /**
     * Runs every task due now, including those they schedule for now.
     *
     * @return the number of tasks run
     */
    public int runDue() {
        return advanceNanos(0);
    }

    /**
     * Moves the clock forward, running each task when the clock reaches its due time.
     *
     * @param amount how much
     * @param unit   its unit
     * @return the number of tasks run
     */
    public int advance(long amount, TimeUnit unit) {
        return advanceNanos(unit.toNanos(amount));
    }

    private int advanceNanos(long nanos) {
        long target;
        synchronized (this) {
            target = now + nanos;
        }
        int ran = 0;
        while (true) {
            Task task;
            synchronized (this) {
                task = queue.peek();
                if (task == null || task.due > target) {
                    now = target;
                    return ran;
                }
                queue.poll();
                now = Math.max(now, task.due);
            }
            task.runnable.run();
            ran++;
        }
    }

    /** @return number of tasks waiting */
    public synchronized int pending() {
        return queue.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
    }
}
