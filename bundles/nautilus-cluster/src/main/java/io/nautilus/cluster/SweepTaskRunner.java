package io.nautilus.cluster;

import io.nautilus.backtest.sweep.SweepOutcome;
import io.nautilus.backtest.sweep.SweepTask;

/**
 * How a node runs a sweep task it was sent: with its own environment (its copy of the data, its strategy bundles)
 * and its own output folder. Each node registers one when it joins ({@link ClusterNode#start}); only the task's
 * parameters and its outcome travel between nodes.
 */
@FunctionalInterface
public interface SweepTaskRunner {

    /**
     * Runs one task here.
     *
     * @param sweepId the sweep it belongs to, unique per sweep: a folder name for its outputs on this node
     * @param task    the task
     * @return its outcome; never throws (a failed run is an outcome with an error)
     */
    SweepOutcome run(String sweepId, SweepTask task);
}
