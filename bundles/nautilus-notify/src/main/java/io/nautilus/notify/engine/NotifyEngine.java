package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The engine's thread around the {@link AlertPipeline}: {@link #raise} and {@link #resolve} hand alerts over through a
 * bounded lock-free queue and return at once (a full queue refuses the raise: it is counted, recorded, and the
 * pipeline raises its own {@value AlertPipeline#OVERFLOW_KEY} alert saying how many); everything else reaches the
 * pipeline through {@link #call}, run on the engine thread.
 *
 * <p>Without {@link #start()} there is no thread: {@link #runOnce()} does one round on the caller's thread and
 * {@link #call} runs there too, so tests drive the engine step by step with a fake clock.
 */
public final class NotifyEngine implements AlertService, AutoCloseable {

    /** How many raises a round takes from the hand-off before it runs the timers. */
    static final int BATCH = 4096;
    private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(NotifyEngine.class);

    private record Resolution(String key, String reason) {
    }

    private final AlertPipeline pipeline;
    private final HandOff<Object> handOff;
    private final Recorder recorder;
    private final LongSupplier clock;
    private final ConcurrentLinkedQueue<FutureTask<?>> calls = new ConcurrentLinkedQueue<>();
    private final AtomicLong raised = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean sleeping;

    /**
     * Creates the engine (not started).
     *
     * @param pipeline the pipeline it owns from now on
     * @param capacity how many raises and resolves the hand-off holds (rounded up to a power of two)
     * @param recorder records the raises the hand-off refuses
     * @param clock    now, in nanoseconds since the epoch (the pipeline's clock)
     */
    public NotifyEngine(AlertPipeline pipeline, int capacity, Recorder recorder, LongSupplier clock) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.handOff = new HandOff<>(capacity);
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Hands an alert to the engine; never blocks. When the hand-off is full the raise is counted as overflowed and
     * recorded, and the next round raises the engine's own overflow alert.
     *
     * @param alert the alert
     */
    @Override
    public void raise(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        raised.incrementAndGet();
        if (handOff.offer(alert)) {
            wake();
        } else {
            overflowed.incrementAndGet();
            recorder.alert(alert);
            wake();
        }
    }

    /**
     * Hands a resolve to the engine; never blocks (a full hand-off counts it as overflowed).
     *
     * @param key    the alert's key
     * @param reason why it cleared
     */
    @Override
    public void resolve(String key, String reason) {
        Objects.requireNonNull(key, "key");
        if (!handOff.offer(new Resolution(key, reason == null ? "" : reason))) {
            overflowed.incrementAndGet();
        }
        wake();
    }

    /** @return raises counted since start (taken or refused) */
    public long raised() {
        return raised.get();
    }

    /** @return raises and resolves the hand-off refused since start */
    public long overflowed() {
        return overflowed.get();
    }

    /**
     * Runs a function on the engine thread and waits for its result (at once when there is no thread).
     *
     * @param work    what to do with the pipeline
     * @param timeout how long to wait at most
     * @param <T>     the result type
     * @return its result
     * @throws IllegalArgumentException as thrown by the function
     * @throws IllegalStateException    when the engine did not answer in time or is stopped
     */
    public <T> T call(Function<AlertPipeline, T> work, Duration timeout) {
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            if (t == null) {
                runOnce();
            }
            return work.apply(pipeline);
        }
        FutureTask<T> task = new FutureTask<>(() -> work.apply(pipeline));
        calls.add(task);
        wake();
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            task.cancel(false);
            throw new IllegalStateException("the notification engine did not answer within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the notification engine");
        }
    }

    /**
     * One round on the caller's thread: the queued calls, up to {@value #BATCH} raises and resolves from the
     * hand-off, the overflow alert when raises were refused, then the timers due.
     *
     * @return when the next timer is due, nanoseconds since the epoch, or {@link Long#MAX_VALUE}
     */
    public long runOnce() {
        FutureTask<?> task;
        while ((task = calls.poll()) != null) {
            task.run();
        }
        Object item;
        int n = 0;
        while (n < BATCH && (item = handOff.poll()) != null) {
            n++;
            if (item instanceof Alert alert) {
                pipeline.raise(alert);
            } else if (item instanceof Resolution r) {
                pipeline.resolveFromSource(r.key, r.reason);
            }
        }
        pipeline.overflowed(overflowed.get());
        return pipeline.advance();
    }

    /**
     * Runs rounds until the hand-off is empty (tests).
     *
     * @return when the next timer is due
     */
    public long drain() {
        long next;
        do {
            next = runOnce();
        } while (!handOff.isEmpty() || !calls.isEmpty());
        return next;
    }

    /**
     * Starts the engine thread.
     *
     * @param name the thread's name
     */
    public synchronized void start(String name) {
        if (thread != null) {
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop() {
        while (running) {
            long next;
            try {
                next = runOnce();
            } catch (RuntimeException e) {
                LOG.error("notification engine round failed", e);
                next = clock.getAsLong() + MAX_PARK_NANOS;
            }
            if (!handOff.isEmpty() || !calls.isEmpty()) {
                continue;
            }
            sleeping = true;
            if (handOff.isEmpty() && calls.isEmpty() && running) {
                long wait = Math.min(MAX_PARK_NANOS, next - clock.getAsLong());
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                }
            }
            sleeping = false;
        }
    }

    private void wake() {
        if (sleeping) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Stops the engine thread (what is still in the hand-off is not processed). */
    @Override
    public synchronized void close() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        running = false;
        LockSupport.unpark(t);
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        FutureTask<?> task;
        while ((task = calls.poll()) != null) {
            task.cancel(false);
        }
    }
}
