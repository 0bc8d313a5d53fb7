package io.nautilus.marketdata.api;

import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.MarketDataListener;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;

/**
 * A {@link MarketDataListener} that also learns which ticks passed validation only with a flag and which bar
 * spec a bar was cut by; every method has a default, so a plain listener's behaviour is kept.
 *
 * <p>Called on the subscription's own thread, in engine order per instrument; a slow subscriber sees
 * conflated updates (the latest quote, trade or book level per instrument) rather than slowing anyone down.
 */
public interface MarketDataSubscriber extends MarketDataListener {

    /**
     * Handles a quote that failed a check whose action is {@link ValidationAction#FLAG}.
     *
     * @param quote  the quote
     * @param reason the first failed check
     */
    default void onFlaggedQuote(Quote quote, ValidationReason reason) {
        onQuote(quote);
    }

    /**
     * Handles a trade that failed a check whose action is {@link ValidationAction#FLAG}.
     *
     * @param trade  the trade
     * @param reason the first failed check
     */
    default void onFlaggedTrade(Trade trade, ValidationReason reason) {
        onTrade(trade);
    }

    /**
     * Handles a book level update that failed a check whose action is {@link ValidationAction#FLAG}.
     *
     * @param level  the update
     * @param reason the first failed check
     */
    default void onFlaggedBookLevel(BookLevel level, ValidationReason reason) {
        onBookLevel(level);
    }

    /**
     * Handles a completed bar with the spec that cut it.
     *
     * @param spec the bar spec
     * @param bar  the bar
     */
    default void onBar(BarSpec spec, Bar bar) {
        onBar(bar);
    }
}
