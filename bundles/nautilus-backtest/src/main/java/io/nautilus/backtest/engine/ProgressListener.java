package io.nautilus.backtest.engine;

/**
 * Hears how far a running backtest is, on the backtest's thread, at most about every 100 ms of wall time (and once
 * at the end). Must return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Hears nothing. */
    ProgressListener NONE = (done, total, rate) -> { };

    /**
     * @param eventsDone          events processed so far
     * @param eventsTotalEstimate the data's estimated number of events in range, or -1 if unknown
     * @param eventsPerSecond     processing rate so far, events per wall-clock second
     */
    void progress(long eventsDone, long eventsTotalEstimate, double eventsPerSecond);

    /**
     * The same with the number of fills so far; what the engine calls. By default forwards to
     * {@link #progress(long, long, double)}.
     *
     * @param eventsDone          events processed so far
     * @param eventsTotalEstimate the data's estimated number of events in range, or -1 if unknown
     * @param fills               fills so far
     * @param eventsPerSecond     processing rate so far, events per wall-clock second
     */
    default void progress(long eventsDone, long eventsTotalEstimate, long fills, double eventsPerSecond) {
        progress(eventsDone, eventsTotalEstimate, eventsPerSecond);
    }
}
