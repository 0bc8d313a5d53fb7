package io.nautilus.web.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The hub behind a real Vert.x server on 127.0.0.1 with real WebSocket clients. */
class StreamEndpointTest {

    private static final String PAD = "x".repeat(900);

    private final ObjectMapper json = new ObjectMapper();
    private Vertx vertx;
    private HttpServer server;
    private StreamHub hub;
    private StreamEndpoint endpoint;
    private WebSocketClient wsClient;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        hub = new StreamHub(new StreamSettings(100_000, 1024, 500, 16, 2000), json, System::nanoTime,
                id -> id.startsWith("SIM-"));
        endpoint = new StreamEndpoint(hub, 16 * 1024, 1000);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(1024));
        endpoint.mount(router, new TestWebContext(vertx));
        vertx.setPeriodic(100, id -> hub.sweep());
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setWebSocketClosingTimeout(1))
                .requestHandler(router).listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
        wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1100)
                .setConnectTimeout(20_000));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private WebSocket connect(List<JsonNode> received) throws Exception {
        WebSocket ws = wsClient.connect(port, "127.0.0.1", StreamEndpoint.PATH).toCompletionStage()
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        ws.textMessageHandler(text -> {
            try {
                received.add(json.readTree(text));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return ws;
    }

    private static long lastSeq(List<JsonNode> frames) {
        long seq = 0;
        for (JsonNode f : frames) {
            if (f.has("data")) {
                seq = f.get("seq").asLong();
            }
        }
        return seq;
    }

    @Test
    void clientSubscribesAndGetsQuoteFrames() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        WebSocket ws = connect(received);
        ws.writeTextMessage("{\"op\":\"subscribe\",\"topic\":\"quotes:SIM-A\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscribers("quotes:SIM-A") == 1);
        hub.publish("quotes:SIM-A", "SIM-A", Map.of("bid", "100.50"));
        ws.writeTextMessage("{\"op\":\"subscribe\",\"topic\":\"quotes:NOPE\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        assertThat(received.get(0).toString()).isEqualTo("{\"op\":\"subscribed\",\"topic\":\"quotes:SIM-A\",\"seq\":0}");
        assertThat(received.get(1).toString())
                .isEqualTo("{\"topic\":\"quotes:SIM-A\",\"seq\":1,\"data\":{\"bid\":\"100.50\"}}");
        assertThat(received.get(2).get("detail").asText()).isEqualTo("unknown instrument 'NOPE' in topic quotes:NOPE");
    }

    @Test
    void plainGetIsAProblemNotAnUpgrade() throws Exception {
        HttpClient http = vertx.createHttpClient();
        var response = http.request(HttpMethod.GET, port, "127.0.0.1", StreamEndpoint.PATH)
                .compose(r -> r.send().compose(res -> res.body().map(b -> Map.entry(res.statusCode(), b.toString()))))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(response.getKey()).isEqualTo(400);
        assertThat(json.readTree(response.getValue()).get("title").asText()).isEqualTo("WebSocket upgrade required");
        assertThat(endpoint.connections()).isZero();
    }

    @Test
    void clientThatNeverReadsIsDisconnectedAndOthersKeepStreaming() throws Exception {
        List<JsonNode> good = new CopyOnWriteArrayList<>();
        WebSocket reader = connect(good);
        reader.writeTextMessage("{\"op\":\"subscribe\",\"topic\":\"executions\"}");
        try (Socket never = new Socket()) {
            never.setReceiveBufferSize(4096);
            never.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            handshake(never);
            sendText(never.getOutputStream(), "{\"op\":\"subscribe\",\"topic\":\"executions\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscribers("executions") == 2);

            int n = 0;
            while (hub.tooSlowClosed() == 0 && n < 200_000) {
                for (int i = 0; i < 10; i++) {
                    hub.publish("executions", null, Map.of("n", ++n, "pad", PAD));
                }
                Thread.sleep(2);
            }
            for (int k = 0; k < 100; k++) {
                for (int i = 0; i < 10; i++) {
                    hub.publish("executions", null, Map.of("n", ++n, "pad", PAD));
                }
                Thread.sleep(2);
            }
            int published = n;

            assertThat(hub.tooSlowClosed()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.connections() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> lastSeq(good) == published);
            List<Long> seqs = good.stream().filter(f -> f.has("data")).map(f -> f.get("seq").asLong()).toList();
            assertThat(seqs).hasSize(published);
            assertThat(seqs.get(published - 1)).isEqualTo(published);
            assertThat(hub.clients()).isEqualTo(1);
            assertThat(reader.isClosed()).isFalse();
        }
    }

    @Test
    void slowClientIsClosedWith4008AndResumesWithFrom() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        WebSocket slow = connect(received);
        AtomicReference<String> close = new AtomicReference<>();
        slow.closeHandler(v -> close.set(slow.closeStatusCode() + " " + slow.closeReason()));
        slow.writeTextMessage("{\"op\":\"subscribe\",\"topic\":\"executions\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscribers("executions") == 1);
        slow.pause();
        int n = 0;
        while (hub.tooSlowClosed() == 0 && n < 90_000) {
            for (int i = 0; i < 50; i++) {
                hub.publish("executions", null, Map.of("n", ++n, "pad", PAD));
            }
            Thread.sleep(2);
        }
        assertThat(hub.tooSlowClosed()).isEqualTo(1);
        slow.resume();
        await().atMost(Duration.ofSeconds(20)).until(() -> close.get() != null);
        assertThat(close.get()).startsWith("4008 too slow:").contains("from=");

        long last = lastSeq(received);
        assertThat(last).isLessThan(n);
        for (int i = 0; i < 10; i++) {
            hub.publish("executions", null, Map.of("n", ++n, "pad", PAD));
        }
        List<JsonNode> resumed = new CopyOnWriteArrayList<>();
        WebSocket again = connect(resumed);
        again.writeTextMessage("{\"op\":\"subscribe\",\"topic\":\"executions\",\"from\":" + last + "}");
        int published = n;
        await().atMost(Duration.ofSeconds(20)).until(() -> lastSeq(resumed) == published);
        List<Long> seqs = resumed.stream().filter(f -> f.has("data")).map(f -> f.get("seq").asLong()).toList();
        assertThat(seqs).hasSize((int) (published - last));
        assertThat(seqs.get(0)).isEqualTo(last + 1);
        assertThat(resumed).noneMatch(f -> "gap".equals(f.path("op").asText()));
    }

    @Test
    void thousandConnectionsStreamWithBoundedQueues() throws Exception {
        int clients = 1000;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        List<WebSocket> sockets = new ArrayList<>();
        AtomicLong[] lastBid = new AtomicLong[clients];
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int c = 0; c < clients; c++) {
            AtomicLong last = new AtomicLong();
            lastBid[c] = last;
            WebSocket ws = wsClient.connect(port, "127.0.0.1", StreamEndpoint.PATH).toCompletionStage()
                    .toCompletableFuture().get(20, TimeUnit.SECONDS);
            ws.textMessageHandler(text -> {
                try {
                    JsonNode f = json.readTree(text);
                    if (f.has("data")) {
                        last.set(f.get("data").get("bid").asLong());
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            ws.writeTextMessage("{\"op\":\"subscribe\",\"topic\":\"quotes:SIM-" + (c % 10) + "\"}");
            sockets.add(ws);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.clients() == clients
                && java.util.stream.IntStream.range(0, 10).map(i -> hub.subscribers("quotes:SIM-" + i)).sum()
                == clients);
        long maxPending = 0;
        for (int bid = 1; bid <= 2000; bid++) {
            for (int i = 0; i < 10; i++) {
                hub.publish("quotes:SIM-" + i, "SIM-" + i, Map.of("bid", bid));
            }
            if (bid % 100 == 0) {
                maxPending = Math.max(maxPending, hub.pending());
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Arrays.stream(lastBid)
                .allMatch(l -> l.get() == 2000));
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        long perConnection = (heapAfter - heapBefore) / clients;
        System.out.printf("1000 connections: max pending %d frames, heap %d KB per connection%n", maxPending,
                perConnection / 1024);

        assertThat(failures).isEmpty();
        assertThat(maxPending).isLessThanOrEqualTo(clients);
        assertThat(perConnection).isLessThan(256 * 1024);
        assertThat(endpoint.connections()).isEqualTo(clients);
        for (WebSocket ws : sockets) {
            ws.close();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> endpoint.connections() == 0 && hub.clients() == 0);
    }

    private void handshake(Socket socket) throws Exception {
        String key = Base64.getEncoder().encodeToString("nautilus-stream!".getBytes(StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + StreamEndpoint.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("handshake reply").isNotNegative();
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
    }

    private static void sendText(OutputStream out, String text) throws Exception {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(0x81);
        out.write(0x80 | payload.length);
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }
}
