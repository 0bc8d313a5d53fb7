package io.nautilus.api.venue;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;

/**
 * Told when a venue session's connection state changes; a change to {@link ConnectionState#LOGGED_ON} after any
 * other state is when the platform reconciles the venue's orders.
 */
@FunctionalInterface
public interface VenueStateListener {

    /**
     * A state change.
     *
     * @param venue  the venue
     * @param from   the previous state
     * @param to     the new state
     * @param reason why, for logs and alerts (e.g. "logon", "heartbeat timeout", "HTTP 503")
     */
    void onStateChange(VenueId venue, ConnectionState from, ConnectionState to, String reason);
}
