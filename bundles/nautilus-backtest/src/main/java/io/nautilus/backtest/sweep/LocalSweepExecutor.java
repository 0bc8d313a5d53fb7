package io.nautilus.backtest.sweep;

import io.nautilus.backtest.engine.Environment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a sweep's tasks on a pool of threads of this JVM, each run on one thread ({@link SweepTask#run}); the
 * threads are daemons at normal priority minus one, so that a sweep in the platform does not starve the trading
 * core.
 */
public final class LocalSweepExecutor implements SweepExecutor {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int workers;
    private final Environment env;
    private final Path sweepDir;
    private final ExecutorService pool;

    /**
     * @param workers  threads, at least 1 (usually {@link Runtime#availableProcessors()})
     * @param env      where runs find strategies, instruments and data
     * @param sweepDir the sweep's folder; each run writes into {@code runs/<index>/} below it
     */
    public LocalSweepExecutor(int workers, Environment env, Path sweepDir) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers " + workers + " must be at least 1");
        }
        this.workers = workers;
        this.env = Objects.requireNonNull(env, "env");
        this.sweepDir = Objects.requireNonNull(sweepDir, "sweepDir");
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "nautilus-sweep-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Math.max(Thread.MIN_PRIORITY, Thread.NORM_PRIORITY - 1));
            return t;
        };
        this.pool = Executors.newFixedThreadPool(workers, factory);
    }

    /** @return the number of threads */
    public int workers() {
        return workers;
    }

    @Override
    public void execute(List<SweepTask> tasks, Consumer<SweepOutcome> sink, BooleanSupplier cancelled)
            throws InterruptedException {
        Future<?>[] futures = new Future<?>[tasks.size()];
        for (int i = 0; i < futures.length; i++) {
            SweepTask task = tasks.get(i);
            futures[i] = pool.submit(() -> {
                if (!cancelled.getAsBoolean()) {
                    sink.accept(task.run(env, sweepDir));
                }
            });
        }
        try {
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // SweepTask.run never throws; a sink that threw loses that outcome only
                }
            }
        } catch (InterruptedException e) {
            for (Future<?> f : futures) {
                f.cancel(true);
            }
            throw e;
        }
    }

    /** Stops the threads, interrupting runs still going, and waits for them at most 10 seconds. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
