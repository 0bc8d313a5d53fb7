package io.nautilus.marketdata.api;

/**
 * A live subscription; closing it stops delivery and ends its thread.
 */
public interface Subscription extends AutoCloseable {

    /**
     * The subscriber's name, as given when subscribing.
     *
     * @return the name
     */
    String name();

    /**
     * Current delivery statistics.
     *
     * @return a snapshot of the counters
     */
    SubscriptionStats stats();

    /** Stops delivery; updates still queued are discarded. Closing twice has no further effect. */
    @Override
    void close();
}
