package io.nautilus.history.internal.db;

/**
 * The database's schema cannot be used by this code: newer than it knows, or an applied migration was changed.
 * Retrying does not help; the message names the version.
 */
public final class SchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the schema version and what is wrong with it
     */
    public SchemaException(String message) {
        super(message);
    }
}
