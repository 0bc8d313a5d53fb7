package io.nautilus.backtest.engine;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.ValidationReason;
import io.nautilus.marketdata.pipeline.TickPipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The market-data stage on the live market-data engine's per-tick logic ({@link TickPipeline}, the shipped
 * validation settings): instruments whose data has bars go through a pipeline that builds none (their bars pass
 * through as they are), the others through one that builds the {@code --bars} bars from their trades.
 */
final class PipelineStage implements MarketDataStage {

    private final TickPipeline withBars;
    private final TickPipeline fromTicks;
    private final TickPipeline[] pipelineOf;
    private final int[] indexIn;
    private final BarSpec[] dataSpec;
    private final List<Instrument> instruments;

    PipelineStage(List<Instrument> instruments, boolean[] dataHasBars, String barsFromTicks, Sink sink) {
        this.instruments = List.copyOf(instruments);
        BarSpec built = TickPipeline.parseBarSpec(barsFromTicks);
        TickPipeline.Settings defaults = TickPipeline.Settings.defaults();
        List<Instrument> barred = new ArrayList<>();
        List<Instrument> ticked = new ArrayList<>();
        int n = instruments.size();
        pipelineOf = new TickPipeline[n];
        indexIn = new int[n];
        dataSpec = new BarSpec[n];
        for (int i = 0; i < n; i++) {
            if (dataHasBars[i]) {
                indexIn[i] = barred.size();
                barred.add(instruments.get(i));
            } else {
                indexIn[i] = ticked.size();
                ticked.add(instruments.get(i));
            }
        }
        TickPipeline.Listener listener = new TickPipeline.Listener() {
            @Override
            public void onQuote(Quote q, ValidationReason flag) {
                sink.onQuote(q);
            }

            @Override
            public void onTrade(Trade t, ValidationReason flag) {
                sink.onTrade(t);
            }

            @Override
            public void onBar(BarSpec spec, Bar bar) {
                sink.onBar(bar);
            }
        };
        withBars = barred.isEmpty() ? null : new TickPipeline(barred, new TickPipeline.Settings(
                defaults.priceBandBps(), defaults.flagReasons(), List.of()), listener);
        fromTicks = ticked.isEmpty() ? null : new TickPipeline(ticked, new TickPipeline.Settings(
                defaults.priceBandBps(), defaults.flagReasons(), List.of(built)), listener);
        for (int i = 0; i < n; i++) {
            pipelineOf[i] = dataHasBars[i] ? withBars : fromTicks;
        }
    }

    @Override
    public void quote(int instrument, long bidPrice, long bidSize, long askPrice, long askSize, long timestampNanos) {
        pipelineOf[instrument].quote(indexIn[instrument], bidPrice, bidSize, askPrice, askSize, timestampNanos);
    }

    @Override
    public void trade(int instrument, long price, long size, Side aggressor, long timestampNanos) {
        pipelineOf[instrument].trade(indexIn[instrument], price, size, aggressor, timestampNanos);
    }

    @Override
    public void bar(int instrument, long startNanos, long endNanos, long open, long high, long low, long close,
                    long volume) {
        BarSpec spec = dataSpec[instrument];
        if (spec == null || spec.size() != endNanos - startNanos) {
            spec = BarSpec.time(endNanos - startNanos);
            dataSpec[instrument] = spec;
        }
        pipelineOf[instrument].bar(indexIn[instrument], spec, new Bar(instruments.get(instrument).id(), startNanos,
                endNanos, open, high, low, close, volume, volume > 0 ? 1 : 0));
    }

    @Override
    public void clock(long timestampNanos) {
        if (fromTicks != null) {
            fromTicks.clock(timestampNanos);
        }
    }
}
