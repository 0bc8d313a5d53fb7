package io.nautilus.backtest.engine;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;

import java.util.List;

/**
 * The market-data engine's part of a backtest: validates the strategy's instruments' ticks, builds bars from them
 * where the data has none, and hands what passes to the strategy. Instruments are indexed in the list given at
 * creation (the strategy's instruments).
 */
interface MarketDataStage {

    /** Where passed-on quotes, trades and completed bars go. */
    interface Sink {
        void onQuote(Quote quote);

        void onTrade(Trade trade);

        void onBar(Bar bar);
    }

    /** Creates stages. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param instruments  the instruments, indexed as the stage's calls index them
         * @param dataKinds    per instrument: the kinds of event its data has ({@code 1 << MarketEvent.QUOTE | ...});
         *                     with bars, no bars are built from its ticks
         * @param barsFromTicks the spec of bars built from ticks ({@code --bars})
         * @param sink         receives what passes
         * @return the stage
         */
        MarketDataStage create(List<Instrument> instruments, int[] dataKinds, String barsFromTicks, Sink sink);
    }

    void quote(int instrument, long bidPrice, long bidSize, long askPrice, long askSize, long timestampNanos);

    void trade(int instrument, long price, long size, Side aggressor, long timestampNanos);

    /** A bar of the data, passed on as it is. */
    void bar(int instrument, long startNanos, long endNanos, long open, long high, long low, long close,
             long volume);

    /** Time moved on: time bars whose interval ended close. */
    void clock(long timestampNanos);
}
