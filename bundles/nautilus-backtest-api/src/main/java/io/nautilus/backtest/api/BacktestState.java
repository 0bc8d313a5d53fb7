package io.nautilus.backtest.api;

/** Where a backtest run is. */
public enum BacktestState {
    /** Accepted, waiting for a thread. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Ended normally; its files are written. */
    COMPLETED,
    /** Ended with an error (bad data, a strategy that threw, an output that cannot be written). */
    FAILED,
    /** Canceled by a user before it ended. */
    CANCELED;

    /** @return true if the run has ended */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }
}
