package io.nautilus.backtest.internal;

import io.nautilus.backtest.api.BacktestRequest;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** The backtest engine as {@link BacktestManager} calls it: one request, run to its end on the caller's thread. */
interface Runner {

    /**
     * Runs a backtest.
     *
     * @param request   the request, paths absolute, {@code out} the run's folder
     * @param progress  told how far it is, from the running thread
     * @param cancelled true once the run is to stop
     * @return the figures of the finished run
     * @throws Exception why the run failed (the message is the run's error)
     */
    Outcome run(BacktestRequest request, Progress progress, BooleanSupplier cancelled) throws Exception;

    /** How far a run is. */
    @FunctionalInterface
    interface Progress {
        /**
         * @param events          events processed so far
         * @param total           events expected in all (an estimate), 0 if unknown
         * @param fills           fills so far
         * @param eventsPerSecond processing rate so far
         */
        void progress(long events, long total, long fills, double eventsPerSecond);
    }

    /**
     * What a finished run reports.
     *
     * @param events          events processed
     * @param fills           fills
     * @param eventsPerSecond processing rate
     * @param stats           the figures of its {@code stats.json}, by name
     */
    record Outcome(long events, long fills, double eventsPerSecond, Map<String, Object> stats) {
        /** Copies the figures. */
        public Outcome {
            stats = Map.copyOf(stats);
        }
    }
}
