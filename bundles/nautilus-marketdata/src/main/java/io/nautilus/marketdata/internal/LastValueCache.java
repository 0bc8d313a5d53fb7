package io.nautilus.marketdata.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.MarketSnapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last quote and trade per instrument: written by the engine thread with release semantics, read from
 * any thread. The values are immutable records, so a reader always sees a complete one.
 */
final class LastValueCache {

    private final InstrumentTable instruments;
    private final AtomicReferenceArray<Quote> quotes;
    private final AtomicReferenceArray<Trade> trades;

    LastValueCache(InstrumentTable instruments) {
        this.instruments = instruments;
        this.quotes = new AtomicReferenceArray<>(instruments.size());
        this.trades = new AtomicReferenceArray<>(instruments.size());
    }

    void publish(int instrument, Quote quote) {
        quotes.lazySet(instrument, quote);
    }

    void publish(int instrument, Trade trade) {
        trades.lazySet(instrument, trade);
    }

    Quote quote(int instrument) {
        return quotes.get(instrument);
    }

    Trade trade(int instrument) {
        return trades.get(instrument);
    }

    Quote quote(InstrumentId id) {
        int index = instruments.indexOf(id);
        return index < 0 ? null : quotes.get(index);
    }

    Trade trade(InstrumentId id) {
        int index = instruments.indexOf(id);
        return index < 0 ? null : trades.get(index);
    }

    MarketSnapshot snapshot() {
        Map<InstrumentId, Quote> q = new HashMap<>();
        Map<InstrumentId, Trade> t = new HashMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            Quote quote = quotes.get(i);
            Trade trade = trades.get(i);
            if (quote != null) {
                q.put(quote.instrument(), quote);
            }
            if (trade != null) {
                t.put(trade.instrument(), trade);
            }
        }
        return new MarketSnapshot(q, t);
    }
}
