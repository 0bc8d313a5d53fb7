package io.nautilus.marketdata.api;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;

import java.util.Map;

/**
 * The last accepted quote and trade of every instrument that has one, as of one moment.
 *
 * @param quotes last quote per instrument, unmodifiable
 * @param trades last trade per instrument, unmodifiable
 */
public record MarketSnapshot(Map<InstrumentId, Quote> quotes, Map<InstrumentId, Trade> trades) {

    /** Copies the maps. */
    public MarketSnapshot {
        quotes = Map.copyOf(quotes);
        trades = Map.copyOf(trades);
    }
}
