package io.nautilus.history.api;

/**
 * The history database cannot answer a query (down, locked, or its schema not usable); the message says why.
 */
public final class HistoryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line saying what could not be read and why
     * @param cause   the database's error
     */
    public HistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
