package io.nautilus.notify.engine;

/**
 * Where the pipeline hands released messages: the delivery side, one ordered queue per receiver.
 */
@FunctionalInterface
public interface Dispatcher {

    /**
     * Takes a message for delivery; returns at once (never blocks the pipeline, whatever the channel is doing).
     *
     * @param outgoing the message
     */
    void dispatch(Outgoing outgoing);
}
