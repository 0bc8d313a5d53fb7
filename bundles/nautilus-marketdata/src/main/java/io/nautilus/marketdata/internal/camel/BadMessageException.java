package io.nautilus.marketdata.internal.camel;

/** A feed message that cannot be mapped to a tick; the producer counts, logs and drops it. */
final class BadMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadMessageException(String message) {
        super(message, null, false, false);
    }
}
