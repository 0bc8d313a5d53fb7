package io.nautilus.api.marketdata;

import io.nautilus.api.ConnectionState;

/**
 * Receives market data events from a feed; every method does nothing by default, so a listener overrides the
 * events it needs.
 *
 * <p>Methods are called on the feed's thread; they must return quickly and must not block.
 */
public interface MarketDataListener {

    /**
     * Handles a new best bid and offer.
     *
     * @param quote the quote, immutable
     */
    default void onQuote(Quote quote) {
    }

    /**
     * Handles a trade printed by the venue.
     *
     * @param trade the trade, immutable
     */
    default void onTrade(Trade trade) {
    }

    /**
     * Handles an update of one order book level.
     *
     * @param level the update, immutable
     */
    default void onBookLevel(BookLevel level) {
    }

    /**
     * Handles a completed bar.
     *
     * @param bar the bar, immutable
     */
    default void onBar(Bar bar) {
    }

    /**
     * Handles a change of a feed's connection state; data may be stale while the feed is not
     * {@link ConnectionState#LOGGED_ON}.
     *
     * @param feedId the feed whose state changed
     * @param state  its new state
     */
    default void onFeedState(String feedId, ConnectionState state) {
    }
}
