package io.nautilus.web.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.TradingCoreService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The module's sources feeding its hub, with a stand-in trading core. */
class StreamModuleTest {

    private static final InstrumentId ACME = InstrumentId.of("SIM-ACME");
    private static final AccountId ACC = AccountId.of("ACC1");
    private static final Instrument INSTRUMENT = new Instrument(ACME, "ACME", new VenueId("SIM"), 1, 1, 1, 2, 0,
            "USD");

    private final ObjectMapper json = new ObjectMapper();
    private final StreamModule module = new StreamModule();
    private final List<PositionView> positions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Set<String> instrumentThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger positionReads = new AtomicInteger();

    @AfterEach
    void stop() {
        module.deactivate();
    }

    private TradingCoreService core() {
        return (TradingCoreService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TradingCoreService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "instrument" -> {
                        instrumentThreads.add(Thread.currentThread().getName());
                        yield ACME.equals(args[0]) ? Optional.of(INSTRUMENT) : Optional.empty();
                    }
                    case "instruments" -> List.of(INSTRUMENT);
                    case "positions" -> {
                        positionReads.incrementAndGet();
                        yield positions.stream().filter(p -> args[0] == null || p.account().equals(args[0]))
                                .toList();
                    }
                    case "pnl" -> List.of(new AccountPnl(ACC, 0, 150, 0, 10_050, 1, 0));
                    case "toString" -> "stand-in core";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private FakeSocket subscribe(String topic) {
        FakeSocket socket = new FakeSocket();
        StreamClient client = module.hub().open(socket);
        client.onText("{\"op\":\"subscribe\",\"topic\":\"" + topic + "\"}");
        socket.runTasks();
        return socket;
    }

    private List<JsonNode> data(FakeSocket socket) throws Exception {
        socket.runTasks();
        List<JsonNode> out = new ArrayList<>();
        for (String s : List.copyOf(socket.received)) {
            JsonNode n = json.readTree(s);
            if (n.has("data")) {
                out.add(n.get("data"));
            }
        }
        return out;
    }

    @Test
    void executionReportsAreStreamedWithDecimalsAtTheInstrumentsScale() throws Exception {
        module.start(StreamSettings.DEFAULTS, 65_536, 60_000);
        module.bindCore(core());
        FakeSocket socket = subscribe("executions");
        ExecutionReport fill = new ExecutionReport(11, 5, 0, 42, ACC, new StrategyId("mm"), ACME, new VenueId("SIM"),
                Side.BUY, ExecType.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED, RejectReason.NONE, CancelReason.NONE,
                Liquidity.MAKER, null, 10_050, 3, 7, 3, 10_050, 1_765_000_000_123_456_789L, 1_765_000_000_123_456_999L,
                2);
        instrumentThreads.clear();
        module.onCommandResult(new CommandResult(900, 42, RejectReason.NONE, null, 0, 0,
                List.of(fill)));

        List<JsonNode> got = await().atMost(Duration.ofSeconds(10)).until(() -> data(socket), d -> !d.isEmpty());
        assertThat(got).hasSize(1);
        assertThat(instrumentThreads).as("the frame is written on the feed's thread, not the core's")
                .containsExactly("nautilus-web-stream-executions");
        JsonNode e = got.get(0);
        assertThat(e.get("coreSeq").asLong()).isEqualTo(900);
        assertThat(e.get("orderId").asLong()).isEqualTo(42);
        assertThat(e.get("execType").asText()).isEqualTo("PARTIAL_FILL");
        assertThat(e.get("lastPrice").asText()).isEqualTo("100.50");
        assertThat(e.get("lastQuantity").asText()).isEqualTo("3");
        assertThat(e.get("fee").asText()).isEqualTo("0.02");
        assertThat(e.get("transactTime").asText()).isEqualTo("2025-12-06T05:46:40.123456789Z");
        assertThat(e.get("rejectReason").isNull()).isTrue();
    }

    @Test
    void positionsAndPnlArePublishedWhenTheyChange() throws Exception {
        module.start(StreamSettings.DEFAULTS, 65_536, 60_000);
        module.bindCore(core());
        FakeSocket positionSocket = subscribe("positions");
        FakeSocket pnlSocket = subscribe("pnl");
        positions.add(new PositionView(ACC, ACME, 3, 10_050, 10_100, 0, 150, 0, 3, 0));
        module.poll();
        module.poll();
        positionSocket.runTasks();
        positions.set(0, new PositionView(ACC, ACME, 3, 10_050, 10_000, 0, -150, 0, 3, 0));
        module.poll();

        List<JsonNode> got = data(positionSocket);
        assertThat(got).extracting(n -> n.get("unrealisedPnl").asText()).containsExactly("1.50", "-1.50");
        assertThat(got.get(0).get("markPrice").asText()).isEqualTo("101.00");
        assertThat(got.get(0).get("account").asText()).isEqualTo("ACC1");
        List<JsonNode> pnl = data(pnlSocket);
        assertThat(pnl).hasSize(1);
        assertThat(pnl.get(0).get("netPnl").asText()).isEqualTo("1.50");
        assertThat(pnl.get(0).get("grossExposure").asText()).isEqualTo("100.50");
    }

    @Test
    void aFillMakesThePositionsOfItsAccountBeReadAgainWithoutPolling() throws Exception {
        module.start(StreamSettings.DEFAULTS, 65_536, 60_000, 1, 60_000, 1024);
        module.bindCore(core());
        FakeSocket positionSocket = subscribe("positions");
        await().atMost(Duration.ofSeconds(10)).until(() -> positionReads.get() > 0);
        assertThat(data(positionSocket)).isEmpty();
        positions.add(new PositionView(ACC, ACME, 3, 10_050, 10_100, 0, 150, 0, 3, 0));

        module.onCommandResult(new CommandResult(901, 43, RejectReason.NONE, null, 0, 0, List.of(fill(3))));

        List<JsonNode> got = await().atMost(Duration.ofSeconds(10)).until(() -> data(positionSocket),
                d -> !d.isEmpty());
        assertThat(got.get(got.size() - 1).get("quantity").asText()).isEqualTo("3");
    }

    @Test
    void anOrderWithoutFillsReadsNoPositions() throws Exception {
        module.start(StreamSettings.DEFAULTS, 65_536, 60_000, 1, 60_000, 1024);
        module.bindCore(core());
        FakeSocket executions = subscribe("executions");
        subscribe("positions");
        await().atMost(Duration.ofSeconds(10)).until(() -> positionReads.get() > 0);
        int readsBefore = positionReads.get();

        module.onCommandResult(new CommandResult(902, 44, RejectReason.NONE, null, 0, 0, List.of(fill(0))));

        await().atMost(Duration.ofSeconds(10)).until(() -> data(executions), d -> !d.isEmpty());
        Thread.sleep(50);
        assertThat(positionReads.get()).isEqualTo(readsBefore);
    }

    @Test
    void closedPositionsAreForgotten() throws Exception {
        module.start(StreamSettings.DEFAULTS, 65_536, 60_000);
        module.bindCore(core());
        positions.add(new PositionView(ACC, ACME, 3, 10_050, 10_100, 0, 150, 0, 3, 0));
        positions.add(new PositionView(AccountId.of("ACC2"), ACME, 1, 10_050, 10_100, 0, 50, 0, 1, 0));
        module.poll();
        int keys = module.lastPublishedKeys();
        positions.remove(1);

        module.poll();

        assertThat(module.lastPublishedKeys()).isEqualTo(keys - 1);
        List<JsonNode> newcomer = data(subscribe("positions"));
        assertThat(newcomer).extracting(n -> n.get("account").asText()).containsExactly("ACC1");
    }

    @Test
    void resultsTheStreamCouldNotTakeCloseTheExecutionSubscribersWithAGap() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong lost = new java.util.concurrent.atomic.AtomicLong();
        try (ExecutionFeed feed = new ExecutionFeed("test-feed", 1, batch -> {
            taken.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, lost::addAndGet)) {
            CommandResult result = new CommandResult(1, 1, RejectReason.NONE, null, 0, 0, List.of(fill(1)));
            assertThat(feed.offer(result)).isTrue();
            taken.await();
            assertThat(feed.offer(result)).isTrue();
            assertThat(feed.offer(result)).as("one result waits already: the core is not held up").isFalse();
            release.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> lost.get() == 1 && feed.waiting() == 0);
        }

        module.start(StreamSettings.DEFAULTS, 65_536, 60_000);
        FakeSocket socket = subscribe("executions");
        module.hub().publish(StreamHub.EXECUTIONS, null, java.util.Map.of("n", 1));
        module.hub().lost(StreamHub.EXECUTIONS, 5, "stream fell behind the core: 5 results lost");
        socket.runTasks();
        assertThat(socket.closeCode).isEqualTo(StreamHub.CLOSE_TOO_SLOW);
        FakeSocket resumed = new FakeSocket();
        module.hub().open(resumed).onText("{\"op\":\"subscribe\",\"topic\":\"executions\",\"from\":1}");
        resumed.runTasks();
        assertThat(resumed.received).anySatisfy(frame -> assertThat(frame).contains("\"op\":\"gap\"",
                "\"oldest\":7"));
    }

    private static ExecutionReport fill(long quantity) {
        return new ExecutionReport(12, 6, 0, 43, ACC, new StrategyId("mm"), ACME, new VenueId("SIM"), Side.BUY,
                quantity > 0 ? ExecType.FILL : ExecType.NEW, quantity > 0 ? OrderStatus.FILLED : OrderStatus.NEW,
                RejectReason.NONE, CancelReason.NONE, quantity > 0 ? Liquidity.MAKER : Liquidity.NONE, null,
                quantity > 0 ? 10_050 : FixedPoint.NULL, quantity, quantity > 0 ? 0 : 1, quantity,
                quantity > 0 ? 10_050 : FixedPoint.NULL, 1L, 2L, 0);
    }

    @Test
    void quoteTopicsNeedAnInstrumentTheCoreKnows() throws Exception {
        module.start(StreamSettings.DEFAULTS, 65_536, 60_000);
        module.bindCore(core());
        FakeSocket known = subscribe("quotes:SIM-ACME");
        FakeSocket unknown = subscribe("quotes:SIM-NOPE");
        FakeSocket invalid = subscribe("bars:bad id!");

        assertThat(json.readTree(known.received.get(0)).get("op").asText()).isEqualTo("subscribed");
        assertThat(json.readTree(unknown.received.get(0)).get("detail").asText())
                .isEqualTo("unknown instrument 'SIM-NOPE' in topic quotes:SIM-NOPE");
        assertThat(json.readTree(invalid.received.get(0)).get("op").asText()).isEqualTo("error");
    }
}
