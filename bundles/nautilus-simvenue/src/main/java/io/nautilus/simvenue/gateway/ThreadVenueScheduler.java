package io.nautilus.simvenue.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link VenueScheduler} with one daemon thread of its own, fed by a priority queue ordered by due time, then by
 * submission order (so that messages with the same arrival time never overtake each other).
 */
public final class ThreadVenueScheduler implements VenueScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadVenueScheduler.class);

    private record Task(long due, long seq, Runnable runnable) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byDue = Long.compare(due - other.due, 0);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Thread thread;
    private long seq;
    private volatile boolean running = true;

    /**
     * Starts the thread.
     *
     * @param name the thread's name
     */
    public ThreadVenueScheduler(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public void scheduleAt(long dueNanoTime, Runnable task) {
        lock.lock();
        try {
            if (!running) {
                return;
            }
            queue.add(new Task(dueNanoTime, seq++, task));
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            Task task;
            lock.lock();
            try {
                task = queue.peek();
                if (task == null) {
                    changed.await();
                    continue;
                }
                long wait = task.due - System.nanoTime();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                queue.poll();
            } catch (InterruptedException e) {
                break;
            } finally {
                lock.unlock();
            }
            try {
                task.runnable.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("simulated venue task failed", e);
            }
        }
    }

    /** @return whether the calling thread is the scheduler's */
    public boolean isSchedulerThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
