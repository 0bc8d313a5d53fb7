package io.nautilus.marketdata.api;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;

/**
 * Validated, normalised market data: subscriptions and the last quote and trade per instrument.
 *
 * <p>The last-value methods read published immutable values and are safe from any thread; the core marks
 * P&amp;L with them.
 */
public interface MarketDataService {

    /**
     * Starts delivering every accepted or flagged event and every bar to a subscriber on its own thread.
     * A subscriber that falls behind gets the latest value per instrument instead of every update; it never
     * blocks the feeds or other subscribers.
     *
     * @param name       for statistics and the thread name
     * @param subscriber the receiver
     * @return the subscription, to close when done
     */
    Subscription subscribe(String name, MarketDataSubscriber subscriber);

    /**
     * Delivers every accepted or flagged event and every bar to a subscriber on the engine's own thread, as the engine
     * processes it: no queue, no hand-off, nothing conflated. For subscribers that only pass events on and return at
     * once (the strategy engine hands them to its instances' queues): one that blocks or is slow slows the whole
     * market-data engine. Implementations without an engine thread fall back to {@link #subscribe}.
     *
     * @param name       for statistics
     * @param subscriber the receiver; must not block
     * @return the subscription, to close when done
     */
    default Subscription subscribeDirect(String name, MarketDataSubscriber subscriber) {
        return subscribe(name, subscriber);
    }

    /**
     * The last accepted or flagged quote of an instrument.
     *
     * @param instrument the instrument
     * @return the quote, or {@code null} if none yet or the instrument is unknown
     */
    Quote lastQuote(InstrumentId instrument);

    /**
     * The last accepted or flagged trade of an instrument.
     *
     * @param instrument the instrument
     * @return the trade, or {@code null} if none yet or the instrument is unknown
     */
    Trade lastTrade(InstrumentId instrument);

    /**
     * The last quote and trade of all instruments.
     *
     * @return an immutable snapshot
     */
    MarketSnapshot snapshot();
}
