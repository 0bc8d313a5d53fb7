package io.nautilus.marketdata.internal.camel;

import io.nautilus.api.Side;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.ValidationReason;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketDataProducerTest {

    private final CamelFixture market = new CamelFixture();
    private final ProducerTemplate template = market.context.createProducerTemplate();

    @AfterEach
    void close() throws Exception {
        template.close();
        market.close();
    }

    @Test
    void mapAndJsonMessagesBecomeQuotesTradesAndBookLevels() {
        template.sendBody("nautilus-md:feed-a", Map.of("type", "quote", "instrument", "SIM-BTC", "seq", 1,
                "bid", "30000.00", "bidSize", "0.5", "ask", "30000.50", "askSize", 0.25, "time", 1_764_064_800_000L));
        template.sendBody("nautilus-md:feed-a", "{\"type\":\"trade\",\"instrument\":\"SIM-BTC\",\"seq\":2,"
                + "\"price\":30000.50,\"size\":\"0.1000\",\"side\":\"B\",\"time\":\"2025-11-25T10:00:00.250Z\"}");
        template.sendBody("nautilus-md:feed-a", "[{\"type\":\"book\",\"instrument\":\"SIM-ETH\",\"side\":\"ask\","
                + "\"level\":0,\"price\":\"2000.05\",\"size\":\"3\"}]");

        FeedStats stats = market.stats("feed-a");
        assertThat(stats.accepted()).isEqualTo(3);
        Quote quote = market.engine.lastQuote(CamelFixture.BTC.id());
        assertThat(quote.bidPrice()).isEqualTo(3_000_000);
        assertThat(quote.askSize()).isEqualTo(2_500);
        assertThat(quote.timestampNanos()).isEqualTo(1_764_064_800_000_000_000L);
        Trade trade = market.engine.lastTrade(CamelFixture.BTC.id());
        assertThat(trade.price()).isEqualTo(3_000_050);
        assertThat(trade.size()).isEqualTo(1_000);
        assertThat(trade.aggressor()).isEqualTo(Side.BUY);
        assertThat(trade.timestampNanos()).isEqualTo(1_764_064_800_250_000_000L);
    }

    @Test
    void fieldOptionsMapAnyJsonShapeIncludingPointers() {
        template.sendBody("nautilus-md:ws?type=trade&instrumentField=/data/s&priceField=/data/p&sizeField=/data/q"
                        + "&timeField=/data/T&timeUnit=us",
                "{\"stream\":\"x\",\"data\":{\"s\":\"SIM-ETH\",\"p\":\"2001.10\",\"q\":\"0.5\",\"T\":1764064800000123}}");

        assertThat(market.stats("ws").accepted()).isEqualTo(1);
        Trade trade = market.engine.lastTrade(CamelFixture.ETH.id());
        assertThat(trade.price()).isEqualTo(200_110);
        assertThat(trade.timestampNanos()).isEqualTo(1_764_064_800_000_123_000L);
    }

    @Test
    void badMessagesAreCountedAndDroppedWithoutFailingTheRoute() throws Exception {
        market.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("md-test-in").to("nautilus-md:feed-b");
            }
        });
        String[] bad = {
            "not json",
            "{\"type\":\"trade\",\"instrument\":\"SIM-BTC\",\"size\":\"1\"}",          // no price
            "{\"type\":\"trade\",\"instrument\":\"SIM-BTC\",\"price\":\"1\",\"size\":\"1\",\"side\":\"UP\"}",
            "{\"type\":\"spread\",\"instrument\":\"SIM-BTC\"}",
            "{\"type\":\"quote\",\"instrument\":\"SIM-BTC\",\"bid\":\"1\",\"bidSize\":\"1\",\"time\":\"yesterday\"}",
            "[1, 2]",
        };
        for (String body : bad) {
            Exchange exchange = template.send("direct:in", e -> e.getIn().setBody(body));
            assertThat(exchange.getException()).as(body).isNull();
        }
        template.sendBody("direct:in", "{\"type\":\"trade\",\"instrument\":\"SIM-BTC\",\"price\":\"30000\","
                + "\"size\":\"1\"}");
        template.sendBody("direct:in", "{\"type\":\"trade\",\"instrument\":\"NOPE\",\"price\":\"1\",\"size\":\"1\"}");

        MarketDataEndpoint endpoint = market.context.getEndpoint("nautilus-md:feed-b", MarketDataEndpoint.class);
        assertThat(endpoint.getBadMessages()).isEqualTo(7); // six bodies, the array holding two
        assertThat(endpoint.getMessages()).isEqualTo(9);
        assertThat(endpoint.getLastError()).isEqualTo("not an object");
        FeedStats stats = market.stats("feed-b");
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(stats.rejected(ValidationReason.UNKNOWN_INSTRUMENT)).isEqualTo(1); // the engine's own count
        assertThat(market.context.getRouteController().getRouteStatus("md-test-in").isStarted()).isTrue();
    }

    @Test
    void ticksWhileNoEngineIsBoundAreDroppedAndCounted() {
        IngestHandle none = new IngestHandle();
        market.context.addComponent("md-unbound", new MarketDataComponent(none));
        template.sendBody("md-unbound:x", Map.of("type", "trade", "instrument", "SIM-BTC", "price", "1",
                "size", "1"));

        MarketDataEndpoint endpoint = market.context.getEndpoint("md-unbound:x", MarketDataEndpoint.class);
        assertThat(endpoint.getBadMessages()).isEqualTo(1);
        assertThat(endpoint.getLastError()).contains("not running");
    }

    @Test
    void endpointsAreProducersOnlyAndNeedAFeedId() {
        assertThatThrownBy(() -> market.context.getEndpoint("nautilus-md:x").createConsumer(e -> { }))
                .hasMessageContaining("only receive ticks");
        assertThatThrownBy(() -> market.context.getEndpoint("nautilus-md:x?timeUnit=fortnights"))
                .hasStackTraceContaining("timeUnit 'fortnights'");
    }
}
