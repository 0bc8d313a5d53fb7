package io.nautilus.venues.camel;

/** A venue report message that cannot be mapped to an execution report; the message says which field and why. */
public final class BadReportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the field
     */
    public BadReportException(String message) {
        super(message);
    }
}
