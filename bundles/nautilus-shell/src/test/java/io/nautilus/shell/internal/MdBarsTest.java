package io.nautilus.shell.internal;

import static io.nautilus.shell.internal.FakeTradingCore.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.MarketSnapshot;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code nautilus:md --bars} against a fake market-data engine. */
class MdBarsTest {

    private static final BarSpec ONE_SECOND = BarSpec.time(TimeUnit.SECONDS.toNanos(1));
    private static final BarSpec HUNDRED_TRADES = BarSpec.ticks(100);
    private static final long T0 = TimeUnit.SECONDS.toNanos(Instant.parse("2026-11-25T12:00:00Z").getEpochSecond());

    private final FakeTradingCore core = new FakeTradingCore();
    private final FakeMarketData marketData = new FakeMarketData();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private MdCommand md(String instrument) {
        MdCommand md = new MdCommand();
        md.core = core;
        md.admin = core;
        md.marketData = marketData;
        md.marketDataAdmin = marketData;
        md.instrument = instrument;
        md.bars = true;
        return md;
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Bar bar(int second, long open, long high, long low, long close, long volume, long trades) {
        long start = T0 + TimeUnit.SECONDS.toNanos(second);
        return new Bar(BTC.id(), start, start + TimeUnit.SECONDS.toNanos(1), open, high, low, close, volume, trades);
    }

    @Test
    void barsPrintOldestFirstAtTheInstrumentsScales() throws Exception {
        for (int i = 0; i < 12; i++) {
            marketData.bars.add(bar(i, 10_000 + i, 10_050 + i, 9_990 + i, 10_025 + i, 15_000, 3));
        }
        MdCommand md = md(BTC.id().value());
        md.count = 2;
        md.run(out);

        assertThat(marketData.asked).isEqualTo(ONE_SECOND);
        assertThat(output()).contains(BTC.id().value() + ", 1s bars, last 2:")
                .contains("Start (UTC)").contains("Open").contains("Volume")
                .contains("2026-11-25T12:00:10Z").contains("2026-11-25T12:00:11Z")
                .doesNotContain("2026-11-25T12:00:09Z")
                .contains("100.11").contains("100.61").contains("100.01").contains("100.36").contains("1.5000");
        assertThat(output().indexOf("12:00:10Z")).isLessThan(output().indexOf("12:00:11Z"));
    }

    @Test
    void aRowHasTimeOhlcVolumeAndTrades() {
        assertThat(BarTable.row(bar(0, 10_000, 10_050, 9_990, 10_025, 15_000, 3), new Scales(core::instrument)))
                .containsExactly("2026-11-25T12:00:00Z", "100.00", "100.50", "99.90", "100.25", "1.5000", "3");
    }

    @Test
    void specIsChosenByNameAndAnUnknownOneListsTheConfiguredNames() {
        List<BarSpec> specs = List.of(ONE_SECOND, HUNDRED_TRADES, BarSpec.time(TimeUnit.MILLISECONDS.toNanos(250)),
                BarSpec.volume(500));
        assertThat(BarSpec.find(specs, null)).isEqualTo(ONE_SECOND);
        assertThat(BarSpec.find(specs, "ticks:100")).isEqualTo(HUNDRED_TRADES);
        assertThat(BarSpec.find(specs, "time:1s")).isEqualTo(ONE_SECOND);
        assertThat(BarSpec.find(specs, "250ms")).isEqualTo(specs.get(2));
        assertThat(BarSpec.find(specs, "volume:500")).isEqualTo(specs.get(3));
        assertThat(BarSpec.time(TimeUnit.MINUTES.toNanos(5)).label()).isEqualTo("5m");
        assertThatThrownBy(() -> BarSpec.find(specs, "1h"))
                .hasMessage("no bar spec '1h'; the engine builds 1s, ticks:100, 250ms, volume:500");
        assertThatThrownBy(() -> BarSpec.find(List.of(), null)).hasMessageContaining("builds no bars");
    }

    @Test
    void noBarsYetAndMissingInstrumentSaySo() throws Exception {
        MdCommand md = md(BTC.id().value());
        md.spec = "ticks:100";
        md.run(out);
        assertThat(output()).contains("no completed ticks:100 bars of " + BTC.id().value() + " yet");
        assertThatThrownBy(() -> md(null).run(out)).hasMessageContaining("--bars needs an instrument");
    }

    /** One instrument's bars, whatever the spec; records the spec asked for. */
    private static final class FakeMarketData implements MarketDataService, MarketDataAdminService {
        final List<Bar> bars = new ArrayList<>();
        BarSpec asked;

        @Override
        public List<BarSpec> barSpecs() {
            return List.of(ONE_SECOND, HUNDRED_TRADES);
        }

        @Override
        public List<Bar> bars(InstrumentId instrument, BarSpec spec, int count) {
            asked = spec;
            List<Bar> mine = instrument.equals(BTC.id()) && spec.equals(ONE_SECOND) ? bars : List.of();
            return mine.subList(Math.max(0, mine.size() - count), mine.size());
        }

        @Override
        public List<FeedStats> feedStats() {
            return List.of();
        }

        @Override
        public List<SubscriptionStats> subscriptionStats() {
            return List.of();
        }

        @Override
        public Subscription subscribe(String name, MarketDataSubscriber subscriber) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Quote lastQuote(InstrumentId instrument) {
            return null;
        }

        @Override
        public Trade lastTrade(InstrumentId instrument) {
            return null;
        }

        @Override
        public MarketSnapshot snapshot() {
            return new MarketSnapshot(Map.of(), Map.of());
        }
    }
}
