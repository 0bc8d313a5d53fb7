package io.nautilus.marketdata.internal.camel;

import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.internal.MarketDataConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.nautilus.marketdata.internal.camel.CamelFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shipped websocket-feed.yaml route against a local WebSocket server on 127.0.0.1. */
class WebSocketFeedTest {

    private Vertx vertx;
    private HttpServer server;
    private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    private CamelFixture market;

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .webSocketHandler(ws -> {
                    if (!ws.path().equals("/ws/trades")) {
                        ws.reject(404);
                        return;
                    }
                    sockets.add(ws);
                    ws.closeHandler(v -> sockets.remove(ws));
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Properties properties = new Properties();
        properties.setProperty("md.ws.host", "127.0.0.1");
        properties.setProperty("md.ws.port", Integer.toString(server.actualPort()));
        properties.setProperty("md.ws.path", "/ws/trades");
        properties.setProperty("md.ws.feedId", "ws-test");
        market = new CamelFixture(MarketDataConfig.defaults(), properties);
    }

    @AfterEach
    void stop() throws Exception {
        if (market != null) {
            market.close();
        }
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void send(ServerWebSocket ws, String text, long acceptedAfter) {
        ws.writeTextMessage(text);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            FeedStats stats = market.stats("ws-test");
            return stats != null && stats.accepted() == acceptedAfter;
        });
    }

    @Test
    void jsonTradesFromTheSocketReachTheEngineMappedByConfiguration() throws Exception {
        market.loadShippedRoutes("websocket-feed.yaml");
        await().atMost(Duration.ofSeconds(10)).until(() -> !sockets.isEmpty());
        ServerWebSocket ws = sockets.get(0);

        // the vertx-websocket consumer (Camel 4.14.1) hands frames to worker threads without ordering them, so the
        // test sends each trade once the previous one is in; reordered ticks would be rejected as OUT_OF_ORDER
        send(ws, "{\"e\":\"trade\",\"s\":\"SIM-BTC\",\"t\":1,\"p\":\"30000.50\",\"q\":\"0.0100\","
                + "\"T\":1764064800000}", 1);
        send(ws, "{\"e\":\"subscribed\"}", 1);      // no instrument: counted, dropped
        send(ws, "garbage", 1);                    // not JSON: counted, dropped
        send(ws, "{\"e\":\"trade\",\"s\":\"SIM-BTC\",\"t\":2,\"p\":\"30001.00\",\"q\":\"0.0200\","
                + "\"T\":1764064800100}", 2);
        send(ws, "{\"e\":\"trade\",\"s\":\"SIM-BTC\",\"t\":3,\"p\":30001.5,\"q\":0.03,"
                + "\"T\":1764064800200}", 3);

        assertThat(market.stats("ws-test").rejected()).allSatisfy((reason, n) -> assertThat(n).isZero());
        Trade last = market.engine.lastTrade(BTC.id());
        assertThat(last.price()).isEqualTo(3_000_150);
        assertThat(last.size()).isEqualTo(300);
        assertThat(last.tradeId()).isEqualTo("3");
        assertThat(last.timestampNanos()).isEqualTo(1_764_064_800_200_000_000L);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(market.context.getEndpoints()).filteredOn(e -> e instanceof MarketDataEndpoint)
                .singleElement().satisfies(e -> {
                    MarketDataEndpoint md = (MarketDataEndpoint) e;
                    assertThat(md.getFeedId()).isEqualTo("ws-test");
                    assertThat(md.getBadMessages()).isEqualTo(2);
                }));
    }
}
