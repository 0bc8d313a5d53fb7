package io.nautilus.core.api;

/**
 * Receives the trading core's {@link VenueCommand}s (whiteboard: register it as an OSGi service). Called on the
 * core's publish thread, in journal order, once per command: it must hand the command on and return at once.
 */
@FunctionalInterface
public interface VenueOrderRouter {

    /**
     * Sends a command to its venue.
     *
     * @param command the command
     */
    void route(VenueCommand command);
}
