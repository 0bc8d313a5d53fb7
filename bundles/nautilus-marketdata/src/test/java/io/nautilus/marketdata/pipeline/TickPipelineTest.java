package io.nautilus.marketdata.pipeline;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.ValidationReason;
import io.nautilus.marketdata.internal.MarketDataEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickPipelineTest {

    /** Prices at 2 decimals, quantities at 4. */
    private static final Instrument BTC = new Instrument(InstrumentId.of("BTC-USD"), "XBTUSD", VenueId.of("SIM"), 1, 1,
            1, 2, 4, "USD");
    private static final Instrument EUR = new Instrument(InstrumentId.of("EUR-USD"), "EURUSD", VenueId.of("SIM"), 1, 1,
            1, 4, 0, "USD");
    private static final long MINUTE = 60_000_000_000L;

    /** Records what the pipeline passes on, as text that prints well in assertions. */
    private static final class Recorder implements TickPipeline.Listener {
        final List<Object> seen = new ArrayList<>();

        @Override
        public void onQuote(Quote q, ValidationReason flag) {
            seen.add(flag == null ? q : flag + "@" + q);
        }

        @Override
        public void onTrade(Trade t, ValidationReason flag) {
            seen.add(flag == null ? t : flag + "@" + t);
        }

        @Override
        public void onBar(BarSpec spec, Bar bar) {
            seen.add(spec + ":" + bar);
        }
    }

    private static TickPipeline.Settings settings(long bandBps, Set<ValidationReason> flags, BarSpec... bars) {
        return new TickPipeline.Settings(bandBps, flags, List.of(bars));
    }

    @Test
    void passedTicksReachTheListenerInOrderAndAreCountedAsAccepted() {
        Recorder recorder = new Recorder();
        TickPipeline pipeline = new TickPipeline(List.of(BTC, EUR), settings(0, Set.of()), recorder);

        assertThat(pipeline.quote(0, 10_000, 15_000, 10_010, 20_000, 10)).isTrue();
        assertThat(pipeline.trade(1, 10_851, 1000, Side.BUY, 12)).isTrue();

        assertThat(recorder.seen).containsExactly(new Quote(BTC.id(), 10_000, 15_000, 10_010, 20_000, 10),
                new Trade(EUR.id(), 10_851, 1000, Side.BUY, null, 12));
        assertThat(pipeline.accepted()).isEqualTo(2);
        assertThat(pipeline.flagged()).isZero();
        assertThat(pipeline.rejected()).isZero();
        assertThat(pipeline.lastQuote(0)).isEqualTo(recorder.seen.get(0));
        assertThat(pipeline.lastTrade(1)).isEqualTo(recorder.seen.get(1));
        assertThat(pipeline.lastTrade(0)).isNull();
    }

    @Test
    void aQuoteWithAnEmptySideIgnoresThatSidesSize() {
        Recorder recorder = new Recorder();
        TickPipeline pipeline = new TickPipeline(List.of(BTC), settings(0, Set.of()), recorder);

        assertThat(pipeline.quote(0, FixedPoint.NULL, 7, 10_010, 20_000, 10)).isTrue();

        assertThat(recorder.seen).containsExactly(new Quote(BTC.id(), FixedPoint.NULL, 0, 10_010, 20_000, 10));
    }

    @Test
    void rejectedTicksAreCountedPerReasonAndChangeNothingElse() {
        Recorder recorder = new Recorder();
        TickPipeline pipeline = new TickPipeline(List.of(BTC), settings(0, Set.of(), BarSpec.ticks(1)), recorder);

        assertThat(pipeline.quote(0, 10_020, 1, 10_010, 1, 5)).isFalse();
        assertThat(pipeline.trade(0, 10_000, 0, null, 6)).isFalse();
        assertThat(pipeline.trade(0, -1, 1, null, 7)).isFalse();
        assertThat(pipeline.trade(1, 10_000, 1, null, 8)).isFalse();
        assertThat(pipeline.trade(-1, 10_000, 1, null, 8)).isFalse();
        assertThat(pipeline.trade(0, 10_000, 1, null, -1)).isFalse();

        assertThat(recorder.seen).isEmpty();
        assertThat(pipeline.lastQuote(0)).isNull();
        assertThat(pipeline.rejected()).isEqualTo(6);
        assertThat(pipeline.accepted()).isZero();
        assertThat(pipeline.rejectedByReason()).containsExactly(Map.entry(ValidationReason.UNKNOWN_INSTRUMENT, 2L),
                Map.entry(ValidationReason.INVALID_VALUE, 1L), Map.entry(ValidationReason.NON_POSITIVE_PRICE, 1L),
                Map.entry(ValidationReason.NON_POSITIVE_SIZE, 1L), Map.entry(ValidationReason.CROSSED_QUOTE, 1L));
    }

    @Test
    void aPriceJumpIsFlaggedWhenConfiguredSoAndRejectedOtherwise() {
        Recorder flagging = new Recorder();
        TickPipeline flags = new TickPipeline(List.of(BTC), settings(100, Set.of(ValidationReason.PRICE_JUMP)),
                flagging);
        Recorder rejecting = new Recorder();
        TickPipeline rejects = new TickPipeline(List.of(BTC), settings(100, Set.of()), rejecting);
        for (TickPipeline pipeline : List.of(flags, rejects)) {
            pipeline.trade(0, 10_000, 1, null, 1);
            pipeline.trade(0, 10_100, 1, null, 2); // exactly 100 bps: inside the band
            pipeline.trade(0, 10_300, 1, null, 3); // 1.98 % from 101.00
        }

        assertThat(flagging.seen).containsExactly(new Trade(BTC.id(), 10_000, 1, null, null, 1),
                new Trade(BTC.id(), 10_100, 1, null, null, 2),
                "PRICE_JUMP@" + new Trade(BTC.id(), 10_300, 1, null, null, 3));
        assertThat(flags.flagged()).isEqualTo(1);
        assertThat(flags.accepted()).isEqualTo(2);
        assertThat(rejecting.seen).hasSize(2);
        assertThat(rejects.rejectedByReason()).containsExactly(Map.entry(ValidationReason.PRICE_JUMP, 1L));
    }

    @Test
    void timeBarsAreCutFromTradesAndClosedByALaterTradeOrTheClock() {
        Recorder recorder = new Recorder();
        TickPipeline pipeline = new TickPipeline(List.of(BTC), settings(0, Set.of(), BarSpec.time(MINUTE)),
                recorder);

        pipeline.trade(0, 10_000, 1, null, 5 * MINUTE + 1);
        pipeline.trade(0, 10_200, 2, null, 5 * MINUTE + 2);
        pipeline.quote(0, 10_100, 1, 10_300, 1, 6 * MINUTE); // quotes cut no bars
        pipeline.clock(6 * MINUTE - 1);
        pipeline.trade(0, 10_100, 3, null, 8 * MINUTE); // minute 7 had no trade: no bar
        pipeline.clock(9 * MINUTE);
        pipeline.clock(10 * MINUTE);

        assertThat(recorder.seen).filteredOn(String.class::isInstance).containsExactly(
                BarSpec.time(MINUTE) + ":" + new Bar(BTC.id(), 5 * MINUTE, 6 * MINUTE, 10_000, 10_200, 10_000, 10_200,
                        3, 2),
                BarSpec.time(MINUTE) + ":" + new Bar(BTC.id(), 8 * MINUTE, 9 * MINUTE, 10_100, 10_100, 10_100, 10_100,
                        3, 1));
        assertThat(recorder.seen.get(3)).isEqualTo(new Trade(BTC.id(), 10_100, 3, null, null, 8 * MINUTE));
        assertThat(recorder.seen.get(4)).isInstanceOf(String.class);
    }

    @Test
    void tickBarsFollowTheTradeThatCompletesThem() {
        Recorder recorder = new Recorder();
        TickPipeline pipeline = new TickPipeline(List.of(BTC), settings(0, Set.of(), BarSpec.ticks(2)), recorder);

        pipeline.trade(0, 10_000, 1, Side.SELL, 10);
        pipeline.trade(0, 10_100, 1, Side.BUY, 20);

        assertThat(recorder.seen).containsExactly(new Trade(BTC.id(), 10_000, 1, Side.SELL, null, 10),
                new Trade(BTC.id(), 10_100, 1, Side.BUY, null, 20),
                BarSpec.ticks(2) + ":" + new Bar(BTC.id(), 10, 21, 10_000, 10_100, 10_000, 10_100, 2, 2));
    }

    @Test
    void historicalBarsArePassedOnAsTheyAre() {
        Recorder recorder = new Recorder();
        TickPipeline pipeline = new TickPipeline(List.of(BTC), settings(0, Set.of(), BarSpec.ticks(1)), recorder);
        Bar bar = new Bar(BTC.id(), 0, MINUTE, 1, 3, 1, 2, 10, 4);

        pipeline.bar(0, BarSpec.time(MINUTE), bar);

        assertThat(recorder.seen).containsExactly(BarSpec.time(MINUTE) + ":" + bar);
        assertThatThrownBy(() -> pipeline.bar(1, BarSpec.time(MINUTE), bar))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void defaultsAreTheShippedConfiguration() {
        assertThat(TickPipeline.Settings.defaults()).isEqualTo(new TickPipeline.Settings(1000,
                Set.of(ValidationReason.PRICE_JUMP), List.of(BarSpec.time(MINUTE), BarSpec.ticks(100))));
        assertThat(TickPipeline.Settings.parse(Map.of())).isEqualTo(TickPipeline.Settings.defaults());
    }

    @Test
    void settingsAreReadFromTheMarketDataConfigurationKeys() {
        TickPipeline.Settings parsed = TickPipeline.Settings.parse(Map.of("price.band.bps", "250",
                "flag.reasons", "CROSSED_QUOTE, PRICE_JUMP", "bars", "time:5s, volume:500", "ring.size", "1024"));
        TickPipeline.Settings typed = TickPipeline.Settings.parse(Map.of("price.band.bps", 0L,
                "flag.reasons", new String[0], "bars", List.of("ticks:10")));

        assertThat(parsed).isEqualTo(new TickPipeline.Settings(250,
                Set.of(ValidationReason.CROSSED_QUOTE, ValidationReason.PRICE_JUMP),
                List.of(BarSpec.time(5_000_000_000L), BarSpec.volume(500))));
        assertThat(typed).isEqualTo(new TickPipeline.Settings(0, Set.of(), List.of(BarSpec.ticks(10))));
    }

    @Test
    void badSettingsNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> TickPipeline.Settings.parse(Map.of("price.band.bps", "ten")))
                .hasMessageContaining("price.band.bps").hasMessageContaining("'ten'");
        assertThatThrownBy(() -> TickPipeline.Settings.parse(Map.of("price.band.bps", "-1")))
                .hasMessageContaining("price.band.bps").hasMessageContaining("-1");
        assertThatThrownBy(() -> TickPipeline.Settings.parse(Map.of("flag.reasons", "STALE,LATE")))
                .hasMessageContaining("flag.reasons").hasMessageContaining("'LATE'");
        assertThatThrownBy(() -> TickPipeline.Settings.parse(Map.of("bars", "time:1m,days:1")))
                .hasMessageContaining("bars").hasMessageContaining("days:1");
    }

    @Test
    void barSpecsParseAsInTheConfiguration() {
        assertThat(TickPipeline.parseBarSpec("time:1m")).isEqualTo(BarSpec.time(MINUTE));
        assertThat(TickPipeline.parseBarSpec(" time:250ms ")).isEqualTo(BarSpec.time(250_000_000L));
        assertThat(TickPipeline.parseBarSpec("ticks:100")).isEqualTo(BarSpec.ticks(100));
        assertThat(TickPipeline.parseBarSpec("volume:5000")).isEqualTo(BarSpec.volume(5000));
        assertThatThrownBy(() -> TickPipeline.parseBarSpec("time:0m")).hasMessageContaining("time:0m");
        assertThatThrownBy(() -> TickPipeline.parseBarSpec("weeks:1")).hasMessageContaining("weeks:1");
        assertThatThrownBy(() -> TickPipeline.parseBarSpec("")).hasMessageContaining("empty");
    }

    /** The backtest's pipeline and the live engine (one feed, no sequences) pass on the same updates. */
    @Test
    void theLiveEngineAndThePipelinePassOnTheSameUpdatesForTheSameTicks() {
        long seed = 20_261_206L;
        SplittableRandom random = new SplittableRandom(seed);
        TickPipeline.Settings settings = settings(50, Set.of(ValidationReason.PRICE_JUMP, ValidationReason.CROSSED_QUOTE),
                BarSpec.time(MINUTE), BarSpec.ticks(7), BarSpec.volume(90_000));
        Recorder recorder = new Recorder();
        TickPipeline pipeline = new TickPipeline(List.of(BTC, EUR), settings, recorder);
        List<Object> live = new CopyOnWriteArrayList<>();
        try (MarketDataEngine engine = new MarketDataEngine(List.of(BTC, EUR), settings.toConfig().withQueueCapacity(64))) {
            engine.subscribeDirect("parity", new MarketDataSubscriber() {
                @Override
                public void onQuote(Quote quote) {
                    live.add(quote);
                }

                @Override
                public void onFlaggedQuote(Quote quote, ValidationReason reason) {
                    live.add(reason + "@" + quote);
                }

                @Override
                public void onTrade(Trade trade) {
                    live.add(trade);
                }

                @Override
                public void onFlaggedTrade(Trade trade, ValidationReason reason) {
                    live.add(reason + "@" + trade);
                }

                @Override
                public void onBar(BarSpec spec, Bar bar) {
                    live.add(spec + ":" + bar);
                }
            });
            var listener = engine.listenerFor("recorded");
            long time = 3 * MINUTE;
            long[] mid = {100_000, 10_000};
            for (int i = 0; i < 5_000; i++) {
                int instrument = random.nextInt(2);
                time += random.nextLong(2_000_000_000L);
                mid[instrument] += random.nextInt(-30, 31) * (random.nextInt(50) == 0 ? 20 : 1);
                InstrumentId id = instrument == 0 ? BTC.id() : EUR.id();
                if (random.nextBoolean()) {
                    long bid = mid[instrument] - random.nextInt(-2, 10);
                    long ask = mid[instrument] + 5;
                    long bidSize = 1 + random.nextInt(5);
                    pipeline.quote(instrument, bid, bidSize, ask, 3, time);
                    listener.onQuote(new Quote(id, bid, bidSize, ask, 3, time));
                } else {
                    long size = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(40_000);
                    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                    pipeline.trade(instrument, mid[instrument], size, side, time);
                    if (size > 0) {
                        listener.onTrade(new Trade(id, mid[instrument], size, side, null, time));
                    }
                }
                if (i % 100 == 0) {
                    pipeline.clock(time);
                    engine.clock(time);
                }
            }
            assertThat(engine.awaitProcessed(20_000)).isTrue();
            assertThat(engine.handlerErrors()).isZero();
            var stats = engine.feedStats().get(0);
            assertThat(pipeline.accepted()).as("seed %d", seed).isEqualTo(stats.accepted());
        }
        assertThat(recorder.seen).as("seed %d", seed).filteredOn(String.class::isInstance).isNotEmpty()
                .anyMatch(s -> ((String) s).startsWith("PRICE_JUMP@"));
        assertThat(recorder.seen).as("seed %d", seed).isEqualTo(live);
    }
}
