package io.nautilus.web.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.web.server.Http;
import io.nautilus.web.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The stream module mounted on the real web server: the same logins as the REST API guard the upgrade. */
class StreamServerTest {

    private final StreamModule module = new StreamModule();
    private final HttpClient client = HttpClient.newHttpClient();
    private TestServer server;

    @BeforeEach
    void start() {
        module.start(StreamSettings.DEFAULTS, 65_536, 60_000);
        server = new TestServer(module);
    }

    @AfterEach
    void stop() {
        server.close();
        module.deactivate();
    }

    private WebSocket open(Map<String, String> headers, List<String> received) throws Exception {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + StreamEndpoint.PATH),
                new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(text.toString());
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anonymousUpgradeIsRefusedWith401() {
        assertThatThrownBy(() -> open(Map.of(), new CopyOnWriteArrayList<>()))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(401));
        assertThat(module.hub().clients()).isZero();
    }

    @Test
    void viewerSessionStreams() throws Exception {
        Http.Session session = server.http().login("viewer", "viewer-pw");
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocket ws = open(Map.of("Cookie", session.cookie()), received);
        ws.sendText("{\"op\":\"subscribe\",\"topic\":\"alerts\"}", true).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> module.hub().subscribers("alerts") == 1);
        module.hub().publish("alerts", null, Map.of("subject", "feed down"));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received.get(1)).isEqualTo("{\"topic\":\"alerts\",\"seq\":1,\"data\":{\"subject\":\"feed down\"}}");
    }

    @Test
    void bearerTokenStreams() throws Exception {
        Http.Session session = server.http().login("trader", "trader-pw");
        var issued = server.http().send("POST", "/api/v1/tokens", "{\"name\":\"script\",\"ttlSeconds\":600}",
                session.write());
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = new ObjectMapper().readTree(issued.body()).get("token").asText();
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocket ws = open(Map.of("Authorization", "Bearer " + token), received);
        ws.sendText("{\"op\":\"subscribe\",\"topic\":\"pnl\"}", true).get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(received.get(0)).isEqualTo("{\"op\":\"subscribed\",\"topic\":\"pnl\",\"seq\":0}");
    }
}
