package io.nautilus.marketdata.internal;

import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;

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
 */
final class SubscriberChannel implements Subscription, Runnable {

    private final String name;
    private final MarketDataSubscriber subscriber;
    private final SpscQueue<Update> queue;
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
    private volatile long consumerConflated;
    private volatile long delivered;

    SubscriberChannel(String name, MarketDataSubscriber subscriber, int capacity, int slots, Runnable onClose) {
        this.name = name;
        this.subscriber = subscriber;
        this.queue = new SpscQueue<>(capacity);
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
     * @param update the update
     */
    void offer(Update update) {
        if (closed) {
            return;
        }
        if (conflating && queue.size() <= queue.capacity() / 2) {
            conflating = false;
        }
        if (!conflating) {
            if (queue.offer(update)) {
                return;
            }
            conflating = true;
        }
        if (update.slot() < 0) {
            overflow.offer(update);
        } else {
            if (pending.getAndSet(update.slot(), update) != null) {
                producerConflated++;
            }
            pendingDirty = true;
        }
    }

    @Override
    public void run() {
        int idleRounds = 0;
        while (!closed) {
            int work = 0;
            Update update;
            while (!closed && (update = queue.poll()) != null) {
                deliver(update);
                work++;
            }
            while (!closed && (update = overflow.poll()) != null) {
                deliver(update);
                work++;
            }
            if (pendingDirty) {
                pendingDirty = false;
                for (int i = 0; i < pending.length() && !closed; i++) {
                    Update p = pending.getAndSet(i, null);
                    if (p != null) {
                        deliver(p);
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

    private void deliver(Update update) {
        int slot = update.slot();
        if (slot >= 0) {
            if (update.sequence() <= lastDelivered[slot]) {
                consumerConflated++;
                return;
            }
            lastDelivered[slot] = update.sequence();
        }
        Object payload = update.payload();
        try {
            if (payload instanceof Quote quote) {
                if (update.flag() == null) {
                    subscriber.onQuote(quote);
                } else {
                    subscriber.onFlaggedQuote(quote, update.flag());
                }
            } else if (payload instanceof Trade trade) {
                if (update.flag() == null) {
                    subscriber.onTrade(trade);
                } else {
                    subscriber.onFlaggedTrade(trade, update.flag());
                }
            } else if (payload instanceof BookLevel level) {
                if (update.flag() == null) {
                    subscriber.onBookLevel(level);
                } else {
                    subscriber.onFlaggedBookLevel(level, update.flag());
                }
            } else if (payload instanceof Bar bar) {
                subscriber.onBar(update.spec(), bar);
            } else if (payload instanceof Update.FeedState state) {
                subscriber.onFeedState(state.feedId(), state.state());
            }
        } catch (RuntimeException e) {
            // a failing subscriber must not kill its delivery thread; the error surfaces in its own logs
            Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
            if (handler != null) {
                handler.uncaughtException(thread, e);
            }
        }
        delivered++;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SubscriptionStats stats() {
        return new SubscriptionStats(name, delivered, producerConflated + consumerConflated, queue.size());
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
