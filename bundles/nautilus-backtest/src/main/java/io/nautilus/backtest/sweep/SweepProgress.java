package io.nautilus.backtest.sweep;

/**
 * Hears how far a sweep is, once per ended run, from the thread that ended it (calls are serialised). Must return
 * quickly.
 */
@FunctionalInterface
public interface SweepProgress {

    /** Hears nothing. */
    SweepProgress NONE = (done, total, rate, best, value) -> { };

    /**
     * @param done          runs ended so far (completed or failed)
     * @param total         runs in the sweep
     * @param runsPerSecond runs ended per wall-clock second so far
     * @param best          the best run so far that met the constraints, or null
     * @param value         its objective figure, or null
     */
    void progress(int done, int total, double runsPerSecond, SweepOutcome best, Double value);
}
