package io.nautilus.marketdata.internal;

import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.api.ValidationReason;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * One subscriber's mailbox and delivery thread. The engine thread is the only producer; {@link #offer} never
 * blocks.
 *
 * <p>While the bounded queue has room, every update is queued. When it is full the channel conflates: an
 * update with a slot (latest quote, trade, or book level per instrument) replaces the pending one of its slot
 * (the replaced one is counted as conflated), and the channel keeps conflating until the queue is at most
 * half full. Updates without a slot (bars, feed states, deep book levels) go to an unbounded overflow queue;
 * they are rare. The delivery thread drains the queue, then the overflow, then the pending slots, and skips
 * any update older than one it already delivered for the same slot (also counted as conflated), so a
 * subscriber never sees a slot go back in time and always ends with the latest value.
 *
 * <p>The queue reuses pre-allocated entries ({@link UpdateQueue}), so queuing allocates nothing; an
 * {@link Update} object is made only for a conflated or overflowing update. The delivery thread takes the queue in
 * batches.
 */
final class SubscriberChannel implements Subscription, Runnable, UpdateQueue.Handler {

    private static final VarHandle DELIVERED;
    private static final VarHandle CONSUMER_CONFLATED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            DELIVERED = lookup.findVarHandle(SubscriberChannel.class, "delivered", long.class);
            CONSUMER_CONFLATED = lookup.findVarHandle(SubscriberChannel.class, "consumerConflated", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Most queued updates delivered before the head is released and the other sources are looked at. */
    private static final int BATCH = 256;

    private final String name;
    private final MarketDataSubscriber subscriber;
    private final UpdateQueue queue;
    private final ConcurrentLinkedQueue<Update> overflow = new ConcurrentLinkedQueue<>();
    private final AtomicReferenceArray<Update> pending;
    private final long[] lastDelivered;
    private final Runnable onClose;
    private final Thread thread;

    /** Engine thread only. */
    private boolean conflating;
    private volatile boolean pendingDirty;
    private volatile boolean closed;
    private volatile long producerConflated;
    /** Written by the delivery thread only, with release stores (a plain store on x86); read with acquire. */
    private long consumerConflated;
    private long delivered;

    SubscriberChannel(String name, MarketDataSubscriber subscriber, int capacity, int slots, Runnable onClose) {
        this.name = name;
        this.subscriber = subscriber;
        this.queue = new UpdateQueue(capacity);
        this.pending = new AtomicReferenceArray<>(slots);
        this.lastDelivered = new long[slots];
        java.util.Arrays.fill(lastDelivered, -1);
        this.onClose = onClose;
        this.thread = new Thread(this, "nautilus-md-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Hands an update to the subscriber; never blocks. Engine thread only.
     *
     * @param sequence engine sequence of the update
     * @param slot     its conflation slot, or -1
     * @param payload  a Quote, Trade, BookLevel, Bar or {@link Update.FeedState}; immutable, shared
     * @param flag     the first flagged reason, or null
     * @param spec     the bar spec of a Bar, else null
     */
    void offer(long sequence, int slot, Object payload, ValidationReason flag, BarSpec spec) {
        if (closed) {
            return;
        }
        if (conflating && queue.size() <= queue.capacity() / 2) {
            conflating = false;
        }
        if (!conflating) {
            if (queue.offer(sequence, slot, payload, flag, spec)) {
                return;
            }
            conflating = true;
        }
        Update update = new Update(sequence, slot, payload, flag, spec);
        if (slot < 0) {
            overflow.offer(update);
        } else {
            if (pending.getAndSet(slot, update) != null) {
                producerConflated++;
            }
            if (!pendingDirty) {
                pendingDirty = true; // a volatile write (a full fence) only when the flag changes
            }
        }
    }

    @Override
    public void run() {
        int idleRounds = 0;
        while (!closed) {
            int work = 0;
            int taken;
            while (!closed && (taken = queue.drain(this, BATCH)) > 0) {
                work += taken;
            }
            Update update;
            while (!closed && (update = overflow.poll()) != null) {
                deliver(update.sequence(), update.slot(), update.payload(), update.flag(), update.spec());
                work++;
            }
            if (pendingDirty) {
                pendingDirty = false;
                for (int i = 0; i < pending.length() && !closed; i++) {
                    Update p = pending.getAndSet(i, null);
                    if (p != null) {
                        deliver(p.sequence(), p.slot(), p.payload(), p.flag(), p.spec());
                        work++;
                    }
                }
            }
            idleRounds = work > 0 ? 0 : idleRounds + 1;
            if (idleRounds > 100) {
                LockSupport.parkNanos(Math.min(1_000_000L, 1_000L << Math.min(10, idleRounds - 100)));
            } else if (idleRounds > 10) {
                Thread.yield();
            } else if (idleRounds > 0) {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public boolean onEntry(UpdateQueue.Entry entry) {
        deliver(entry.sequence, entry.slot, entry.payload, entry.flag, entry.spec);
        return !closed;
    }

    private void deliver(long sequence, int slot, Object payload, ValidationReason flag, BarSpec spec) {
        if (slot >= 0) {
            if (sequence <= lastDelivered[slot]) {
                CONSUMER_CONFLATED.setRelease(this, consumerConflated + 1);
                return;
            }
            lastDelivered[slot] = sequence;
        }
        try {
            DirectSubscription.dispatch(subscriber, payload, flag, spec);
        } catch (RuntimeException e) {
            // a failing subscriber must not kill its delivery thread; the error surfaces in its own logs
            Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
            if (handler != null) {
                handler.uncaughtException(thread, e);
            }
        }
        DELIVERED.setRelease(this, delivered + 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SubscriptionStats stats() {
        return new SubscriptionStats(name, (long) DELIVERED.getAcquire(this),
                producerConflated + (long) CONSUMER_CONFLATED.getAcquire(this), queue.size());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }
}
