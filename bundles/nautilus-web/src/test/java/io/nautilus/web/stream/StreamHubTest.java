package io.nautilus.web.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class StreamHubTest {

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private StreamHub hub(int replay, int maxPending) {
        return new StreamHub(new StreamSettings(replay, maxPending, 1000, 8, 3), json, clock::get,
                id -> id.startsWith("SIM-"));
    }

    private List<JsonNode> parsed(FakeSocket socket) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String s : socket.received) {
            out.add(json.readTree(s));
        }
        return out;
    }

    private static StreamClient connect(StreamHub hub, FakeSocket socket, String... requests) {
        StreamClient client = hub.open(socket);
        for (String r : requests) {
            client.onText(r);
        }
        socket.runTasks();
        return client;
    }

    @Test
    void subscriberGetsFramesWithTopicSeqAndData() throws Exception {
        StreamHub hub = hub(16, 16);
        FakeSocket socket = new FakeSocket();
        connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"executions\"}");
        hub.publish("executions", null, Map.of("execId", 7));
        socket.runTasks();

        List<JsonNode> got = parsed(socket);
        assertThat(got).hasSize(2);
        assertThat(got.get(0).toString()).isEqualTo("{\"op\":\"subscribed\",\"topic\":\"executions\",\"seq\":0}");
        assertThat(got.get(1).toString()).isEqualTo("{\"topic\":\"executions\",\"seq\":1,\"data\":{\"execId\":7}}");
    }

    @Test
    void slowClientGetsOnlyTheLatestQuote() throws Exception {
        StreamHub hub = hub(16, 4);
        FakeSocket socket = new FakeSocket();
        StreamClient client = connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"quotes:SIM-A\"}");
        socket.writable = false;
        for (int i = 1; i <= 100; i++) {
            hub.publish("quotes:SIM-A", "SIM-A", Map.of("bid", i));
        }
        socket.runTasks();
        assertThat(client.pending()).isEqualTo(1);
        socket.writable = true;
        client.onWritable();
        socket.runTasks();

        assertThat(socket.closeCode).isZero();
        List<JsonNode> got = parsed(socket);
        assertThat(got).hasSize(2);
        assertThat(got.get(1).get("seq").asLong()).isEqualTo(100);
        assertThat(got.get(1).get("data").get("bid").asInt()).isEqualTo(100);
    }

    @Test
    void positionsAreConflatedPerKeyKeepingEveryKey() throws Exception {
        StreamHub hub = hub(16, 4);
        FakeSocket socket = new FakeSocket();
        StreamClient client = connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"positions\"}");
        socket.writable = false;
        hub.publish("positions", "ACC/SIM-A", Map.of("quantity", "1"));
        hub.publish("positions", "ACC/SIM-B", Map.of("quantity", "5"));
        hub.publish("positions", "ACC/SIM-A", Map.of("quantity", "2"));
        socket.runTasks();
        assertThat(client.pending()).isEqualTo(2);
        socket.writable = true;
        client.onWritable();
        socket.runTasks();

        List<JsonNode> got = parsed(socket);
        assertThat(got).extracting(n -> n.path("data").path("quantity").asText()).containsExactly("", "2", "5");
    }

    @Test
    void newSubscriberOfAConflatedTopicGetsTheLatestOfEveryKey() throws Exception {
        StreamHub hub = hub(16, 4);
        hub.publish("pnl", "ACC1", Map.of("net", "1.00"));
        hub.publish("pnl", "ACC2", Map.of("net", "2.00"));
        hub.publish("pnl", "ACC1", Map.of("net", "3.00"));
        FakeSocket socket = new FakeSocket();
        connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"pnl\"}");

        List<JsonNode> got = parsed(socket);
        assertThat(got.get(0).get("seq").asLong()).isEqualTo(3);
        assertThat(got.subList(1, got.size())).extracting(n -> n.get("data").get("net").asText())
                .containsExactly("3.00", "2.00");
    }

    @Test
    void executionsAreNeverDroppedUpToTheLimit() throws Exception {
        StreamHub hub = hub(64, 10);
        FakeSocket socket = new FakeSocket();
        StreamClient client = connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"executions\"}");
        socket.writable = false;
        for (int i = 1; i <= 10; i++) {
            hub.publish("executions", null, Map.of("execId", i));
        }
        socket.runTasks();
        socket.writable = true;
        client.onWritable();
        socket.runTasks();

        assertThat(socket.closeCode).isZero();
        assertThat(parsed(socket).subList(1, 11)).extracting(n -> n.get("seq").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void clientWithTooManyExecutionsWaitingIsClosedWith4008AndLeavesItsTopics() {
        StreamHub hub = hub(64, 10);
        FakeSocket socket = new FakeSocket();
        StreamClient client = connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"executions\"}");
        socket.writable = false;
        for (int i = 1; i <= 11; i++) {
            hub.publish("executions", null, Map.of("execId", i));
        }
        socket.runTasks();

        assertThat(socket.closeCode).isEqualTo(4008);
        assertThat(socket.closeReason).startsWith("too slow: 10 frames waiting").contains("from=");
        assertThat(socket.closeReason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(124);
        assertThat(client.closed()).isTrue();
        assertThat(hub.subscribers("executions")).isZero();
        assertThat(hub.clients()).isZero();
        assertThat(hub.tooSlowClosed()).isEqualTo(1);
        hub.publish("executions", null, Map.of("execId", 12));
        assertThat(client.pending()).isZero();
    }

    @Test
    void clientNotReadingForLongerThanTheStallLimitIsClosedWith4008() {
        StreamHub hub = hub(64, 10);
        FakeSocket socket = new FakeSocket();
        connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"quotes:SIM-A\"}");
        socket.writable = false;
        hub.publish("quotes:SIM-A", "SIM-A", Map.of("bid", 1));
        socket.runTasks();
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
        hub.sweep();
        socket.runTasks();
        assertThat(socket.closeCode).isZero();

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        hub.sweep();
        socket.runTasks();
        assertThat(socket.closeCode).isEqualTo(4008);
        assertThat(socket.closeReason).isEqualTo(
                "too slow: not reading for 1000 ms; reconnect and subscribe with from=<last seq>");
        assertThat(hub.clients()).isZero();
    }

    @Test
    void resumingWithFromReplaysWhatWasMissedThenGoesLive() throws Exception {
        StreamHub hub = hub(16, 16);
        for (int i = 1; i <= 5; i++) {
            hub.publish("alerts", null, Map.of("id", i));
        }
        FakeSocket socket = new FakeSocket();
        connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"alerts\",\"from\":2}");
        hub.publish("alerts", null, Map.of("id", 6));
        socket.runTasks();

        List<JsonNode> got = parsed(socket);
        assertThat(got.get(0).get("op").asText()).isEqualTo("subscribed");
        assertThat(got.get(0).get("seq").asLong()).isEqualTo(5);
        assertThat(got.subList(1, got.size())).extracting(n -> n.get("data").get("id").asInt())
                .containsExactly(3, 4, 5, 6);
    }

    @Test
    void resumingFromBeforeTheReplayBufferSaysWhatIsLost() throws Exception {
        StreamHub hub = hub(3, 16);
        for (int i = 1; i <= 10; i++) {
            hub.publish("executions", null, Map.of("id", i));
        }
        FakeSocket socket = new FakeSocket();
        connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"executions\",\"from\":2}");

        List<JsonNode> got = parsed(socket);
        assertThat(got.get(1).toString()).isEqualTo("{\"op\":\"gap\",\"topic\":\"executions\",\"from\":2,\"oldest\":8}");
        assertThat(got.subList(2, got.size())).extracting(n -> n.get("seq").asLong()).containsExactly(8L, 9L, 10L);
    }

    @Test
    void badRequestsGetAOneLineErrorAndChangeNothing() throws Exception {
        StreamHub hub = hub(16, 16);
        FakeSocket socket = new FakeSocket();
        connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"alerts\"}", "not json", "[1]",
                "{\"op\":\"watch\",\"topic\":\"alerts\"}", "{\"op\":\"subscribe\"}",
                "{\"op\":\"subscribe\",\"topic\":\"orders\"}", "{\"op\":\"subscribe\",\"topic\":\"quotes:NOPE\"}",
                "{\"op\":\"subscribe\",\"topic\":\"executions\",\"from\":-1}",
                "{\"op\":\"subscribe\",\"topic\":\"executions\",\"from\":\"x\"}",
                "{\"op\":\"subscribe\",\"topic\":\"alerts\"}", "{\"op\":\"unsubscribe\",\"topic\":\"pnl\"}",
                "{\"op\":\"subscribe\",\"topic\":\"" + "x".repeat(2000) + "\"}");

        List<JsonNode> got = parsed(socket);
        assertThat(got.subList(1, got.size())).allSatisfy(n -> {
            assertThat(n.get("op").asText()).isEqualTo("error");
            assertThat(n.get("detail").asText()).isNotBlank().doesNotContain("\n");
        });
        assertThat(got.subList(1, got.size())).extracting(n -> n.get("detail").asText())
                .anySatisfy(d -> assertThat(d).startsWith("request is not JSON"))
                .anySatisfy(d -> assertThat(d).isEqualTo("unknown op 'watch': subscribe or unsubscribe"))
                .anySatisfy(d -> assertThat(d).startsWith("unknown topic 'orders'"))
                .anySatisfy(d -> assertThat(d).isEqualTo("unknown instrument 'NOPE' in topic quotes:NOPE"))
                .anySatisfy(d -> assertThat(d).startsWith("from '-1' must be"))
                .anySatisfy(d -> assertThat(d).isEqualTo("already subscribed to alerts"))
                .anySatisfy(d -> assertThat(d).isEqualTo("not subscribed to pnl"))
                .anySatisfy(d -> assertThat(d).startsWith("request of 2029 characters"));
        assertThat(got).hasSize(12);
        assertThat(hub.subscribers("alerts")).isEqualTo(1);
        assertThat(hub.subscribers("executions")).isZero();
    }

    @Test
    void unsubscribingStopsFramesAndDropsWhatWaits() throws Exception {
        StreamHub hub = hub(16, 16);
        FakeSocket socket = new FakeSocket();
        StreamClient client = connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"executions\"}");
        socket.writable = false;
        hub.publish("executions", null, Map.of("id", 1));
        client.onText("{\"op\":\"unsubscribe\",\"topic\":\"executions\"}");
        hub.publish("executions", null, Map.of("id", 2));
        socket.writable = true;
        socket.runTasks();

        assertThat(parsed(socket)).extracting(n -> n.path("op").asText()).containsExactly("subscribed", "unsubscribed");
        assertThat(hub.subscribers("executions")).isZero();
    }

    @Test
    void aFullHubClosesNewConnectionsWith1013() {
        StreamHub hub = hub(16, 16);
        for (int i = 0; i < 3; i++) {
            assertThat(hub.open(new FakeSocket())).isNotNull();
        }
        FakeSocket fourth = new FakeSocket();
        assertThat(hub.open(fourth)).isNull();
        fourth.runTasks();
        assertThat(fourth.closeCode).isEqualTo(1013);
        assertThat(hub.clients()).isEqualTo(3);
    }

    @Test
    void aClosedConnectionLeavesItsTopics() {
        StreamHub hub = hub(16, 16);
        FakeSocket socket = new FakeSocket();
        StreamClient client = connect(hub, socket, "{\"op\":\"subscribe\",\"topic\":\"executions\"}",
                "{\"op\":\"subscribe\",\"topic\":\"pnl\"}");
        assertThat(hub.subscribers("pnl")).isEqualTo(1);
        client.onClosed();
        assertThat(hub.subscribers("pnl")).isZero();
        assertThat(hub.subscribers("executions")).isZero();
        assertThat(hub.clients()).isZero();
    }
}
