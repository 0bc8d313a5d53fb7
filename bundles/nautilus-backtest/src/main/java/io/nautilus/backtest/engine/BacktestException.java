package io.nautilus.backtest.engine;

/**
 * A backtest that could not run or did not complete: bad input found before running (data, instruments, risk
 * limits, strategy, parameters, output folder), bad data met while running, a strategy that threw, or a cancel. The
 * message is one line meant for the user.
 */
public class BacktestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean canceled;

    /**
     * A failure.
     *
     * @param message one line saying what went wrong
     * @param cause   the underlying exception, or null
     */
    public BacktestException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private BacktestException(String message, Throwable cause, boolean canceled) {
        super(message, cause);
        this.canceled = canceled;
    }

    /**
     * A run stopped because its caller canceled it; the files written so far stay.
     *
     * @param events events processed before the cancel
     * @return the exception
     */
    public static BacktestException canceled(long events) {
        return new BacktestException("canceled after " + events + " events", null, true);
    }

    /** @return true if the run was canceled by its caller rather than failed */
    public boolean isCanceled() {
        return canceled;
    }
}
