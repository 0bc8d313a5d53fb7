package io.nautilus.backtest.engine;

/** A strategy callback threw: carries the callback's name and simulated time out of the loop. */
final class StrategyFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final String callback;
    final long timeNanos;

    StrategyFailure(String callback, long timeNanos, Throwable cause) {
        super(callback, cause, false, false);
        this.callback = callback;
        this.timeNanos = timeNanos;
    }
}
