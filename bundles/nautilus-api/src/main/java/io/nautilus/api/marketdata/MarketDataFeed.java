package io.nautilus.api.marketdata;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;

import java.util.Set;

/**
 * A source of market data for a set of instruments, e.g. a venue's WebSocket or FIX feed; implemented by feed
 * adapters and registered as an OSGi service.
 *
 * <p>The market data engine is the single consumer: it sets the listener, subscribes instruments and
 * normalises and fans out what the feed delivers. Subscriptions survive reconnects.
 */
public interface MarketDataFeed {

    /**
     * The feed's id, unique in the platform.
     *
     * @return e.g. {@code coinbase-ws}
     */
    String feedId();

    /**
     * The feed's current connection state.
     *
     * @return the state; data flows only when {@link ConnectionState#isUsable()}
     */
    ConnectionState state();

    /**
     * Sets the listener that receives every event and state change of this feed.
     *
     * @param listener the consumer, or {@code null} to stop delivering
     */
    void setListener(MarketDataListener listener);

    /**
     * Starts delivering an instrument's data; subscribing twice has no further effect.
     *
     * @param instrument the instrument
     * @return true if the feed carries the instrument, false if it does not know it
     */
    boolean subscribe(InstrumentId instrument);

    /**
     * Stops delivering an instrument's data; unsubscribing an instrument not subscribed has no effect.
     *
     * @param instrument the instrument
     */
    void unsubscribe(InstrumentId instrument);

    /**
     * The instruments currently subscribed.
     *
     * @return an unmodifiable snapshot
     */
    Set<InstrumentId> subscriptions();
}
