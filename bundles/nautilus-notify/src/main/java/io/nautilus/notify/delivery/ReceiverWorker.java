package io.nautilus.notify.delivery;

import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.notify.config.ReceiverConfig;
import io.nautilus.notify.config.RetryConfig;
import io.nautilus.notify.engine.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One receiver's ordered queue and the thread that delivers it: the head message is attempted until delivered or
 * given up, waiting out its back-off, before the next one starts.
 */
final class ReceiverWorker {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverWorker.class);
    private static final long STOP_GRACE_MS = 5_000;

    private final Deliveries owner;
    private final String name;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong rolledUp = new AtomicLong();
    private volatile ReceiverConfig config;
    private volatile String lastError = "";
    private volatile boolean busy;
    private boolean stopping;
    private String stopReason;

    ReceiverWorker(Deliveries owner, ReceiverConfig config) {
        this.owner = owner;
        this.name = config.name();
        this.config = config;
        this.thread = new Thread(this::run, "nautilus-notify-" + name);
        thread.setDaemon(true);
    }

    String name() {
        return name;
    }

    ReceiverConfig config() {
        return config;
    }

    void configure(ReceiverConfig next) {
        config = next;
    }

    void start() {
        thread.start();
    }

    /** @return false when stopping or full */
    boolean offer(Outgoing outgoing) {
        lock.lock();
        try {
            if (stopping || queue.size() >= Deliveries.MAX_QUEUED) {
                return false;
            }
            queue.addLast(outgoing);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the thread after the attempt in progress.
     *
     * @param reason why the queued messages are given up (they go to the dead-letter list), or null to drop them
     *               (the platform is stopping)
     */
    void stop(String reason) {
        lock.lock();
        try {
            stopping = true;
            stopReason = reason;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void join() {
        try {
            thread.join(STOP_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void rolledUp(long count) {
        rolledUp.addAndGet(count);
    }

    void count(DeliveryView view) {
        if (view.outcome() == DeliveryResult.Outcome.DELIVERED) {
            delivered.incrementAndGet();
        } else {
            failed.incrementAndGet();
            lastError = view.detail();
        }
        if (view.deadLetter()) {
            deadLetters.incrementAndGet();
        }
    }

    ReceiverView view() {
        ReceiverConfig c = config;
        long queued;
        lock.lock();
        try {
            queued = queue.size() + (busy ? 1 : 0);
        } finally {
            lock.unlock();
        }
        return new ReceiverView(name, c.channel(), ReceiverAddress.masked(c), c.enabled(), delivered.get(),
                failed.get(), deadLetters.get(), queued, rolledUp.get(), lastError);
    }

    private void run() {
        while (true) {
            Outgoing next;
            lock.lock();
            try {
                while (queue.isEmpty() && !stopping) {
                    changed.awaitUninterruptibly();
                }
                if (stopping) {
                    break;
                }
                next = queue.pollFirst();
                busy = true;
            } finally {
                lock.unlock();
            }
            try {
                deliver(next);
            } catch (RuntimeException e) {
                LOG.error("receiver {}: notification {} failed unexpectedly", name, next.id(), e);
            } finally {
                busy = false;
            }
        }
        drain();
    }

    private void deliver(Outgoing outgoing) {
        ReceiverConfig c = config;
        Notification notification;
        try {
            notification = owner.render(outgoing, c.channel(), "");
        } catch (RuntimeException e) {
            owner.report(this, outgoing, c.channel(), 1, DeliveryResult.failed(String.valueOf(e.getMessage())),
                    true);
            return;
        }
        long first = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            c = config;
            RetryConfig retry = c.retry();
            DeliveryResult result = owner.attempt(notification, c, attempt, retry.timeout());
            if (result.isDelivered()) {
                owner.report(this, outgoing, c.channel(), attempt, result, false);
                return;
            }
            long wait = backoffNanos(retry, attempt);
            boolean giveUp = result.outcome() == DeliveryResult.Outcome.PERMANENT_FAILURE
                    || attempt >= retry.maxAttempts()
                    || System.nanoTime() - first + wait > retry.giveUpAfter().toNanos();
            owner.report(this, outgoing, c.channel(), attempt, result, giveUp);
            if (giveUp) {
                return;
            }
            if (!pause(wait)) {
                giveUpStopped(outgoing, attempt);
                return;
            }
        }
    }

    /** Waits out a back-off; false when the receiver is stopping. */
    private boolean pause(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (!stopping && left > 0) {
                try {
                    left = changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !stopping;
        } finally {
            lock.unlock();
        }
    }

    private void giveUpStopped(Outgoing outgoing, int attempts) {
        String reason = stopReason();
        if (reason != null) {
            owner.report(this, outgoing, config.channel(), attempts,
                    DeliveryResult.failed(reason + " while retrying"), true);
        } else {
            LOG.info("receiver {}: notification {} dropped while retrying, as the platform stops", name,
                    outgoing.id());
        }
    }

    private String stopReason() {
        lock.lock();
        try {
            return stopReason;
        } finally {
            lock.unlock();
        }
    }

    private void drain() {
        ArrayDeque<Outgoing> left;
        String reason;
        lock.lock();
        try {
            left = new ArrayDeque<>(queue);
            queue.clear();
            reason = stopReason;
        } finally {
            lock.unlock();
        }
        if (left.isEmpty()) {
            return;
        }
        if (reason == null) {
            LOG.info("receiver {}: {} queued notifications dropped as the platform stops", name, left.size());
            return;
        }
        for (Outgoing outgoing : left) {
            owner.report(this, outgoing, config.channel(), 0, DeliveryResult.failed(reason), true);
        }
    }

    /**
     * The wait after a failed attempt: the first back-off doubled per attempt, at most the longest.
     *
     * @param retry   the settings
     * @param attempt the attempt that failed, from 1
     * @return nanoseconds
     */
    static long backoffNanos(RetryConfig retry, int attempt) {
        long initial = retry.initialBackoff().toNanos();
        long max = retry.maxBackoff().toNanos();
        int doublings = Math.min(attempt - 1, 62);
        long wait = initial;
        for (int i = 0; i < doublings && wait < max; i++) {
            wait = wait > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : wait * 2;
        }
        return Math.min(wait, max);
    }
}
