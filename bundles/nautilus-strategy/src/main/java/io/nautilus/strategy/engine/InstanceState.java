package io.nautilus.strategy.engine;

/**
 * The life cycle of a strategy instance.
 */
public enum InstanceState {

    /** Registered, its thread not yet started. */
    CREATED,

    /** Receiving events. */
    RUNNING,

    /** Handing over from one strategy version to the next; events are buffered. */
    SWAPPING,

    /**
     * The old version was exported and stopped (its bundle is being updated); events are buffered until the new
     * version is attached.
     */
    DETACHED,

    /** Stopped on request; receives no further events. */
    STOPPED,

    /** Stopped because the strategy threw; receives no further events. */
    FAILED;

    /**
     * Whether the instance accepts events.
     *
     * @return true for {@link #RUNNING}, {@link #SWAPPING} and {@link #DETACHED}
     */
    public boolean isLive() {
        return this == RUNNING || this == SWAPPING || this == DETACHED;
    }
}
