package io.nautilus.backtest.sweep;

/**
 * Runs one task of a sweep on this node with the node's own data, strategies and backtest folder. The platform's
 * backtest service registers one as an OSGi service, so that a cluster executor on another node needs no access to
 * the backtest engine's classes.
 */
@FunctionalInterface
public interface SweepWorker {

    /**
     * Runs a task into {@code <this node's backtest folder>/<sweep>/runs/<index>/}; never throws.
     *
     * @param task  what to run
     * @param sweep the sweep's name (a folder name: letters, digits, '-', '_' and '.')
     * @return how it ended, with the node's name
     */
    SweepOutcome run(SweepTask task, String sweep);
}
