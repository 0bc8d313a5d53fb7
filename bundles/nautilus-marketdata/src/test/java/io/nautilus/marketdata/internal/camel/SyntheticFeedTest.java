package io.nautilus.marketdata.internal.camel;

import io.nautilus.api.marketdata.Quote;
import io.nautilus.marketdata.api.FeedStats;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SyntheticFeedTest {

    private static final String URI = "nautilus-feed:synthetic?instruments=SIM-BTC,SIM-ETH&intervalMs=1&count=40"
            + "&model=mean-reversion&startPrices=SIM-BTC:30000;SIM-ETH:2000&tickSize=0.05&spreadTicks=3"
            + "&lotSize=0.001&maxLots=20&tradeProbability=0.5";

    private final CamelFixture market = new CamelFixture();

    @AfterEach
    void close() {
        market.close();
    }

    private List<Map<String, Object>> run(String routeId, String uri) throws Exception {
        List<Map<String, Object>> seen = new ArrayList<>();
        market.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(exchange -> {
                    Map<String, Object> tick = new HashMap<>(exchange.getIn().getBody(Map.class));
                    assertThat(tick.remove("time")).isInstanceOf(Long.class);
                    synchronized (seen) {
                        seen.add(tick);
                    }
                });
            }
        });
        FeedEndpoint endpoint = market.context.getEndpoint(uri, FeedEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(endpoint::isFinished);
        market.context.getRouteController().stopRoute(routeId);
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Test
    void sameSeedGivesSameTicksThroughARoute() throws Exception {
        List<Map<String, Object>> first = run("a", URI + "&seed=7");
        List<Map<String, Object>> second = run("b", URI + "&seed=7&bridgeErrorHandler=false");
        List<Map<String, Object>> other = run("c", URI + "&seed=8");

        assertThat(first).hasSizeGreaterThanOrEqualTo(80).isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void quotesKeepTheSpreadAndPricesStayOnTheTickGrid() throws Exception {
        List<Map<String, Object>> ticks = run("grid", URI + "&seed=3");

        assertThat(ticks).filteredOn(t -> t.get("type").equals("quote")).allSatisfy(q -> {
            BigDecimal bid = new BigDecimal((String) q.get("bid"));
            BigDecimal ask = new BigDecimal((String) q.get("ask"));
            assertThat(ask.subtract(bid)).isEqualByComparingTo("0.15");
            assertThat(bid.remainder(new BigDecimal("0.05"))).isEqualByComparingTo("0");
        });
        assertThat(ticks).filteredOn(t -> t.get("type").equals("trade")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("side")).isIn("BUY", "SELL"));
    }

    @Test
    void meanReversionStaysCloserToTheStartThanARandomWalk() {
        FeedEndpoint walk = market.context.getEndpoint("nautilus-feed:synthetic?instruments=X&seed=5"
                + "&model=random-walk&volatilityTicks=5&startPrice=1000", FeedEndpoint.class);
        FeedEndpoint revert = market.context.getEndpoint("nautilus-feed:synthetic?instruments=X&seed=5"
                + "&model=mean-reversion&reversion=0.2&volatilityTicks=5&startPrice=1000", FeedEndpoint.class);
        double walkDistance = meanDistance(new SyntheticTickGenerator(walk));
        double revertDistance = meanDistance(new SyntheticTickGenerator(revert));

        assertThat(revertDistance).isLessThan(walkDistance / 2);
    }

    private static double meanDistance(SyntheticTickGenerator generator) {
        double sum = 0;
        for (int i = 0; i < 2000; i++) {
            Map<String, Object> quote = generator.step().get(0);
            sum += Math.abs(new BigDecimal((String) quote.get("bid")).doubleValue() - 1000);
        }
        return sum / 2000;
    }

    @Test
    void everyGeneratedTickIsAcceptedByTheEngine() throws Exception {
        String uri = URI + "&seed=11";
        market.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("synthetic").to("nautilus-md:synthetic");
            }
        });
        FeedEndpoint feed = market.context.getEndpoint(uri, FeedEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(feed::isFinished);

        FeedStats stats = market.stats("synthetic");
        assertThat(stats.accepted()).isEqualTo(feed.getEmitted());
        assertThat(stats.rejected()).allSatisfy((reason, n) -> assertThat(n).as(reason.name()).isZero());
        Quote btc = market.engine.lastQuote(CamelFixture.BTC.id());
        assertThat(btc).isNotNull();
        assertThat(btc.askPrice() - btc.bidPrice()).isEqualTo(15); // 3 ticks of 0.05 at price scale 2
    }

    @Test
    void badSettingsNameTheValue() {
        assertThatThrownBy(() -> market.context.getEndpoint("nautilus-feed:synthetic?instruments=X&model=brownian"))
                .hasStackTraceContaining("model 'brownian' is not random-walk or mean-reversion");
        assertThatThrownBy(() -> market.context.getEndpoint("nautilus-feed:synthetic?instruments=X&colour=red"))
                .hasMessageContaining("colour");
    }
}
