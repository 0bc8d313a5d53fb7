package io.nautilus.web.stream;

import io.nautilus.core.api.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The hand-off between the trading core's publish thread and the streams: {@link #offer} only enqueues a command
 * result (and wakes the feed's thread when it sleeps), the feed's own thread turns the results into frames. At most
 * {@code capacity} results wait; beyond that the core is never held up: results are counted as lost, and the feed's
 * thread reports how many before the next batch, so the stream can say so (a gap) instead of pretending to be
 * complete.
 */
final class ExecutionFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionFeed.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int BATCH = 256;

    private final ConcurrentLinkedQueue<CommandResult> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong lost = new AtomicLong();
    private final int capacity;
    private final Consumer<List<CommandResult>> batches;
    private final LongConsumer losses;
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean running = true;

    /**
     * Starts the feed's thread.
     *
     * @param name     the thread's name
     * @param capacity results that may wait; at least 1
     * @param batches  gets the waiting results in order, on the feed's thread
     * @param losses   gets the number of results lost since the last call, on the feed's thread, before the batch
     *                 that follows them
     */
    ExecutionFeed(String name, int capacity, Consumer<List<CommandResult>> batches, LongConsumer losses) {
        if (capacity < 1) {
            throw new IllegalArgumentException("stream.executionQueue = " + capacity + ": must be at least 1");
        }
        this.capacity = capacity;
        this.batches = batches;
        this.losses = losses;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands a result over; never blocks.
     *
     * @param result a command result
     * @return false when {@code capacity} results wait already (the result is counted as lost)
     */
    boolean offer(CommandResult result) {
        if (size.get() >= capacity) {
            lost.incrementAndGet();
            return false;
        }
        size.incrementAndGet();
        queue.offer(result);
        if (sleeping) {
            sleeping = false;
            LockSupport.unpark(thread);
        }
        return true;
    }

    /** @return results waiting */
    int waiting() {
        return size.get();
    }

    private void run() {
        List<CommandResult> batch = new ArrayList<>(BATCH);
        while (running) {
            CommandResult next = queue.poll();
            if (next == null) {
                sleeping = true;
                if (queue.isEmpty() && lost.get() == 0 && running) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                sleeping = false;
                reportLosses();
                continue;
            }
            reportLosses();
            batch.add(next);
            while (batch.size() < BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            size.addAndGet(-batch.size());
            try {
                batches.accept(batch);
            } catch (RuntimeException e) {
                LOG.error("Streaming {} execution results failed; they are not streamed", batch.size(), e);
            }
            batch.clear();
        }
    }

    private void reportLosses() {
        long n = lost.getAndSet(0);
        if (n > 0) {
            try {
                losses.accept(n);
            } catch (RuntimeException e) {
                LOG.error("Reporting {} lost execution results failed", n, e);
            }
        }
    }

    /** Stops the thread (results still waiting are dropped) and waits up to 2 s for it. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
