package io.nautilus.core.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Disruptor wait strategy of the pipeline. It waits in up to three phases, as its {@link WaitMode} says
 * (spin, then {@link Thread#yield()}, then park or block), and gives up with a {@link TimeoutException} after one
 * idle tick or as soon as {@link #wake()} is called, so each handler's {@code onTimeout} runs while idle: that is
 * where queries, snapshot requests and PERIODIC fsyncs are served.
 *
 * <p>A thread that timed out and waits again for the same sequence (it is idle) resumes in the last phase instead
 * of spinning again, so idle ticks cost a wake-up each and no spinning. Waits on upstream handlers (rather than on
 * the ring's cursor) never block on the lock: their last phase parks for 1 µs doubling up to 100 µs, so the publish
 * handler waiting for an fsync does not burn a core.
 */
final class TickingWaitStrategy implements WaitStrategy {

    private static final long FIRST_PARK_NANOS = 1_000;
    private static final long MAX_PARK_NANOS = 100_000;
    /** Per waiting thread: [0] the sequence its last tick timed out on, [1] the last wake epoch it saw. */
    private static final ThreadLocal<long[]> WAITER = ThreadLocal.withInitial(() -> new long[] {Long.MIN_VALUE, 0});

    private final WaitMode mode;
    private final long tickNanos;
    private final long spinNanos;
    private final long yieldNanos;
    private final boolean blocks;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private final AtomicBoolean signalNeeded = new AtomicBoolean();
    private final AtomicLong wakeEpoch = new AtomicLong();

    TickingWaitStrategy(WaitMode mode, long tickNanos) {
        this.mode = mode;
        this.tickNanos = tickNanos;
        this.blocks = mode == WaitMode.BLOCKING || mode == WaitMode.PHASED;
        this.spinNanos = switch (mode) {
            case BUSY_SPIN -> Long.MAX_VALUE;
            case YIELDING, SLEEPING -> 5_000;
            case PHASED -> 10_000;
            case BLOCKING -> 0;
        };
        this.yieldNanos = switch (mode) {
            case BUSY_SPIN, YIELDING -> Long.MAX_VALUE;
            case SLEEPING -> 50_000;
            case PHASED -> 100_000;
            case BLOCKING -> 0;
        };
    }

    /** Makes every waiting thread time out now (so it runs {@code onTimeout}). */
    void wake() {
        wakeEpoch.incrementAndGet();
        if (blocks) {
            lock.lock();
            try {
                published.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException, TimeoutException {
        long available = dependentSequence.get();
        if (available >= sequence) {
            return available;
        }
        long[] waiter = WAITER.get();
        long epoch = wakeEpoch.get();
        if (epoch != waiter[1]) {
            waiter[1] = epoch;
            throw TimeoutException.INSTANCE;
        }
        boolean idle = waiter[0] == sequence;
        long start = System.nanoTime();
        long deadline = start + tickNanos;
        int tries = 0;
        long park = idle ? MAX_PARK_NANOS : FIRST_PARK_NANOS;
        boolean blocked = false;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            long elapsed = idle ? Long.MAX_VALUE : System.nanoTime() - start;
            if (elapsed < spinNanos) {
                for (int i = 0; i < 16; i++) {
                    Thread.onSpinWait();
                }
                if ((++tries & 0xF) != 0) {
                    continue;
                }
            } else if (elapsed < yieldNanos) {
                Thread.yield();
            } else if (blocks && !blocked && cursor.get() < sequence) {
                blocked = true;
                if (!block(sequence, cursor, barrier, deadline, epoch)) {
                    continue;
                }
            } else if (mode == WaitMode.BUSY_SPIN) {
                Thread.onSpinWait();
            } else if (mode == WaitMode.YIELDING) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(park);
                park = Math.min(park << 1, MAX_PARK_NANOS);
            }
            long now = wakeEpoch.get();
            if (now != epoch) {
                waiter[1] = now;
                throw TimeoutException.INSTANCE;
            }
            if (System.nanoTime() - deadline >= 0) {
                waiter[0] = sequence;
                throw TimeoutException.INSTANCE;
            }
        }
        return available;
    }

    /** Blocks until the cursor reaches the sequence (false), or until woken or the tick ends (true: time out). */
    private boolean block(long sequence, Sequence cursor, SequenceBarrier barrier, long deadline, long epoch)
            throws AlertException, InterruptedException {
        lock.lock();
        try {
            while (cursor.get() < sequence) {
                signalNeeded.set(true);
                if (cursor.get() >= sequence) {
                    break;
                }
                barrier.checkAlert();
                long left = deadline - System.nanoTime();
                if (left <= 0 || wakeEpoch.get() != epoch) {
                    return true;
                }
                published.awaitNanos(left);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void signalAllWhenBlocking() {
        if (blocks && signalNeeded.get() && signalNeeded.getAndSet(false)) {
            lock.lock();
            try {
                published.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "TickingWaitStrategy[" + mode + ", tick " + TimeUnit.NANOSECONDS.toMicros(tickNanos) + " µs]";
    }
}
