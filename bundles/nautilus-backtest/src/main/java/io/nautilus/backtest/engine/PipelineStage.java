package io.nautilus.backtest.engine;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.ValidationReason;
import io.nautilus.data.MarketEvent;
import io.nautilus.marketdata.pipeline.TickPipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The market-data stage on the live market-data engine's per-tick logic ({@link TickPipeline}, with the
 * distribution's validation settings): instruments whose data has bars go through a pipeline that builds none (their bars pass
 * through as they are), the others through one that builds the {@code --bars} bars from their trades, as the live
 * engine does. An instrument whose data has quotes only (no trades, no bars) would get no bar at all that way: when
 * {@code --bars} is a time spec, its time bars are built from the mids of its passed quotes instead (volume and
 * trade count 0; an interval without quotes emits no bar).
 */
final class PipelineStage implements MarketDataStage {

    private final TickPipeline withBars;
    private final TickPipeline fromTicks;
    private final TickPipeline[] pipelineOf;
    private final int[] indexIn;
    private final BarSpec[] dataSpec;
    private final List<Instrument> instruments;
    private final MidBars[] midBars;
    private final Sink sink;
    /** The instrument of the quote being passed through a pipeline. */
    private int current;

    PipelineStage(List<Instrument> instruments, int[] dataKinds, String barsFromTicks, Sink sink) {
        this(instruments, dataKinds, barsFromTicks, TickPipeline.Settings.defaults(), sink);
    }

    /**
     * @param validation the validation settings (price band, flagged reasons); its bars are not used
     */
    PipelineStage(List<Instrument> instruments, int[] dataKinds, String barsFromTicks,
                  TickPipeline.Settings validation, Sink sink) {
        this.instruments = List.copyOf(instruments);
        this.sink = sink;
        BarSpec built = TickPipeline.parseBarSpec(barsFromTicks);
        boolean[] dataHasBars = new boolean[dataKinds.length];
        midBars = new MidBars[dataKinds.length];
        for (int i = 0; i < dataKinds.length; i++) {
            dataHasBars[i] = (dataKinds[i] & (1 << MarketEvent.BAR)) != 0;
            boolean quotesOnly = (dataKinds[i] & (1 << MarketEvent.QUOTE)) != 0
                    && (dataKinds[i] & (1 << MarketEvent.TRADE | 1 << MarketEvent.BAR)) == 0;
            if (quotesOnly && built.type() == BarSpec.Type.TIME) {
                midBars[i] = new MidBars(instruments.get(i), built.size());
            }
        }
        TickPipeline.Settings defaults = validation;
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
                MidBars bars = midBars[current];
                if (bars != null) {
                    bars.onQuote(q, sink);
                }
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
        current = instrument;
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
        for (MidBars bars : midBars) {
            if (bars != null) {
                bars.onClock(timestampNanos, sink);
            }
        }
    }

    /** Time bars of one instrument's quote mids, aligned to multiples of the interval since the epoch. */
    private static final class MidBars {
        private final Instrument instrument;
        private final long interval;
        private long start = Long.MIN_VALUE;
        private long open;
        private long high;
        private long low;
        private long close;

        MidBars(Instrument instrument, long interval) {
            this.instrument = instrument;
            this.interval = interval;
        }

        void onQuote(Quote quote, Sink sink) {
            if (quote.bidPrice() == FixedPoint.NULL || quote.askPrice() == FixedPoint.NULL) {
                return;
            }
            long mid = Math.floorDiv(quote.bidPrice() + quote.askPrice(), 2);
            long t = quote.timestampNanos();
            onClock(t, sink);
            if (start == Long.MIN_VALUE) {
                start = t - Math.floorMod(t, interval);
                open = mid;
                high = mid;
                low = mid;
            } else {
                high = Math.max(high, mid);
                low = Math.min(low, mid);
            }
            close = mid;
        }

        void onClock(long now, Sink sink) {
            if (start != Long.MIN_VALUE && now >= start + interval) {
                sink.onBar(new Bar(instrument.id(), start, start + interval, open, high, low, close, 0, 0));
                start = Long.MIN_VALUE;
            }
        }
    }
}
