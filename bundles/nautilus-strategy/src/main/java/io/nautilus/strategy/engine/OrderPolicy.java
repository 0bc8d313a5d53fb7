package io.nautilus.strategy.engine;

/**
 * What the engine does with a strategy instance's working orders when the instance stops or fails.
 */
public enum OrderPolicy {

    /** Requests the cancel of every working order of the instance. */
    CANCEL_ALL,

    /** Leaves the working orders in the market. */
    LEAVE
}
