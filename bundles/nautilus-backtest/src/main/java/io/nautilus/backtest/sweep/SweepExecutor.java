package io.nautilus.backtest.sweep;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the backtests of a sweep: {@link LocalSweepExecutor} on this JVM's threads, or a cluster's members (the
 * {@code nautilus-cluster} bundle registers one as an OSGi service with the property {@code sweep.executor=cluster}).
 */
public interface SweepExecutor extends AutoCloseable {

    /** The service property naming an executor registered as an OSGi service. */
    String PROPERTY = "sweep.executor";

    /**
     * Runs every task exactly once (a task whose node died is run again elsewhere); each outcome goes to the sink as
     * its run ends, from any thread, once per task. Returns when every task ended, or soon after {@code cancelled}
     * turned true (tasks not yet started are then skipped and give no outcome).
     *
     * @param tasks     the runs, indexes distinct
     * @param sink      hears each outcome; must be thread-safe and quick
     * @param cancelled polled between runs; true stops starting new ones
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    void execute(List<SweepTask> tasks, Consumer<SweepOutcome> sink, BooleanSupplier cancelled)
            throws InterruptedException;

    /** Releases the executor's threads or connections; by default nothing. */
    @Override
    default void close() {
    }
}
