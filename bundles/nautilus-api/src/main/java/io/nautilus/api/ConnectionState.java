package io.nautilus.api;

/**
 * The state of a session with an external system: a venue gateway or a market data feed.
 */
public enum ConnectionState {

    /** No usable transport: disconnected, connecting or reconnecting. */
    DOWN,

    /** The transport is up but the session is not yet logged on (or subscribed, for a feed). */
    CONNECTED,

    /** Logged on and working normally: orders may be sent, or market data is flowing. */
    LOGGED_ON,

    /** Logged on but impaired, e.g. slow responses, sequence gaps or stale data; usable with care. */
    DEGRADED;

    /**
     * Whether the session can carry orders or market data in this state.
     *
     * @return true for {@link #LOGGED_ON} and {@link #DEGRADED}
     */
    public boolean isUsable() {
        return this == LOGGED_ON || this == DEGRADED;
    }
}
