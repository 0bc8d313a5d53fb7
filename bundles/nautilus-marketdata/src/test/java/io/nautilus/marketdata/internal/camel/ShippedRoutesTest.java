package io.nautilus.marketdata.internal.camel;

import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.internal.MarketDataConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static io.nautilus.marketdata.internal.camel.CamelFixture.BTC;
import static io.nautilus.marketdata.internal.camel.CamelFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The YAML route files shipped in routes/ load with the components and feed the engine. */
class ShippedRoutesTest {

    private CamelFixture market;

    @AfterEach
    void close() {
        market.close();
    }

    @Test
    void syntheticFeedRouteRunsWithItsDefaults() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("md.synthetic.intervalMs", "5");
        market = new CamelFixture(MarketDataConfig.defaults(), properties);
        market.loadShippedRoutes("synthetic-feed.yaml");

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            FeedStats stats = market.stats("synthetic");
            return stats != null && stats.accepted() >= 40;
        });
        assertThat(market.stats("synthetic").rejected()).allSatisfy((reason, n) -> assertThat(n).isZero());
        assertThat(market.engine.lastQuote(BTC.id()).bidPrice()).isBetween(2_900_000L, 3_100_000L);
        assertThat(market.engine.lastQuote(ETH.id()).bidPrice()).isBetween(190_000L, 210_000L);
    }

    @Test
    void csvReplayRouteReplaysTheConfiguredFile() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("md.replay.file", ReplayFeedTest.fixture());
        properties.setProperty("md.replay.speed", "0");
        market = new CamelFixture(MarketDataConfig.defaults(), properties);
        market.loadShippedRoutes("csv-replay-feed.yaml");

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            FeedStats stats = market.stats("replay");
            return stats != null && stats.accepted() == 12;
        });
        assertThat(market.engine.lastTrade(BTC.id()).price()).isEqualTo(3_000_300);
    }
}
