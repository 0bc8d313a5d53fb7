package io.nautilus.marketdata.internal.camel;

import io.nautilus.api.Side;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.ValidationReason;
import io.nautilus.marketdata.internal.MarketDataConfig;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.nautilus.marketdata.internal.camel.CamelFixture.BTC;
import static io.nautilus.marketdata.internal.camel.CamelFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReplayFeedTest {

    private static final long T0 = TimeUnit.MILLISECONDS.toNanos(1_764_064_800_000L);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final CamelFixture market = new CamelFixture(MarketDataConfig.defaults()
            .withLimits(TimeUnit.SECONDS.toNanos(5), 0).withBars(BarSpec.time(MINUTE)), null);
    private final List<Bar> bars = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        market.close();
    }

    static String fixture() throws Exception {
        return Path.of(ReplayFeedTest.class.getResource("/replay/two-minutes.csv").toURI()).toString();
    }

    private FeedEndpoint replay(String options) throws Exception {
        market.engine.subscribe("bars", new MarketDataSubscriber() {
            @Override
            public void onBar(BarSpec spec, Bar bar) {
                bars.add(bar);
            }
        });
        String uri = "nautilus-feed:replay?file=" + fixture() + options;
        market.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("md-replay").to("nautilus-md:replay");
            }
        });
        FeedEndpoint feed = market.context.getEndpoint(uri, FeedEndpoint.class);
        await().atMost(Duration.ofSeconds(15)).until(feed::isFinished);
        return feed;
    }

    @Test
    void replayEndsWithTheLastQuoteAndTradeAndTheExpectedBars() throws Exception {
        FeedEndpoint feed = replay("&speed=0");

        assertThat(feed.getEmitted()).isEqualTo(13);
        FeedStats stats = market.stats("replay");
        assertThat(stats.accepted()).isEqualTo(12);
        assertThat(stats.rejected(ValidationReason.INVALID_VALUE)).isEqualTo(1); // price "abc"
        assertThat(stats.rejected(ValidationReason.STALE)).isZero(); // staleness measured on the replay clock

        assertThat(market.engine.lastQuote(BTC.id()))
                .isEqualTo(new Quote(BTC.id(), 3_000_250, 2_000, 3_000_350, 3_000, T0 + 120 * 1_000_000_000L));
        assertThat(market.engine.lastTrade(BTC.id()))
                .isEqualTo(new Trade(BTC.id(), 3_000_300, 10_000, Side.BUY, null, T0 + 120 * 1_000_000_000L));
        assertThat(market.engine.lastTrade(ETH.id()).price()).isEqualTo(200_010);

        await().atMost(Duration.ofSeconds(10)).until(() -> bars.stream()
                .filter(b -> b.instrument().equals(BTC.id())).count() >= 2);
        assertThat(bars).filteredOn(b -> b.instrument().equals(BTC.id())).containsExactly(
                new Bar(BTC.id(), T0, T0 + MINUTE, 3_000_050, 3_001_000, 2_999_000, 2_999_500, 10_000, 4),
                new Bar(BTC.id(), T0 + MINUTE, T0 + 2 * MINUTE, 3_000_100, 3_000_200, 3_000_100, 3_000_200, 10_000,
                        2));
    }

    @Test
    void speedFactorPacesTheRowsByTheirRecordedTimes() throws Exception {
        long start = System.nanoTime();
        replay("&speed=300"); // 120 s recorded -> 0.4 s
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMillis).isBetween(380L, 10_000L);
        assertThat(market.stats("replay").accepted()).isEqualTo(12);
    }
}
