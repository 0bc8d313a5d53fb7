package io.nautilus.events.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import io.nautilus.events.EventEndpointStats;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.internal.MarketDataConfig;
import io.nautilus.marketdata.internal.MarketDataEngine;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The shipped camel-routes/examples/kafka-events.yaml, loaded by the YAML DSL as the platform loads route files, fed
 * by a real trading burst of the real core, against a real Kafka broker (KRaft, in this JVM, 127.0.0.1).
 */
class KafkaEventsRouteTest {

    private static final Path ROUTE_FILE = Path.of("../../camel-routes/examples/kafka-events.yaml");
    private static final AccountId MAKER = AccountId.of("maker");
    private static final AccountId TAKER = AccountId.of("taker");
    private static final StrategyId STRATEGY = StrategyId.of("burst");
    private static final InstrumentId BTC = InstrumentId.of("SIM-BTC");
    private static final InstrumentId ETH = InstrumentId.of("SIM-ETH");
    private static final InstrumentId ACME = InstrumentId.of("ACME");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    @TempDir
    static Path dir;

    private static KafkaTestBroker broker;
    private static TradingCoreManager core;
    private static long nextClientOrderId = 1;

    private CamelContext context;

    @BeforeAll
    static void startBrokerAndCore() throws Exception {
        broker = KafkaTestBroker.start(3);
        broker.createTopics(3, "nautilus.executions", "nautilus.fills", "nautilus.bars");
        Map<String, String> instruments = new LinkedHashMap<>();
        instruments.putAll(Map.of("SIM-BTC.priceScale", "2", "SIM-BTC.quantityScale", "4",
                "SIM-BTC.tickSize", "0.50", "SIM-BTC.lotSize", "0.0010"));
        instruments.putAll(Map.of("SIM-ETH.priceScale", "2", "SIM-ETH.quantityScale", "3",
                "SIM-ETH.tickSize", "0.05", "SIM-ETH.lotSize", "0.001"));
        instruments.putAll(Map.of("ACME.priceScale", "4", "ACME.quantityScale", "0", "ACME.tickSize", "0.0001",
                "ACME.lotSize", "1"));
        instruments.putAll(Map.of("SIM-BTC.takerFeeBps", "10", "SIM-BTC.makerFeeBps", "-2",
                "ACME.takerFeeBps", "5"));
        core = RealCore.start(dir.resolve("core"), report -> { }, instruments,
                Map.of("maker.stp", "none", "taker.stp", "none"), Map.of());
    }

    @AfterAll
    static void stopBrokerAndCore() throws Exception {
        if (core != null) {
            RealCore.stop(core);
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    private EventHub startRoutes(Properties properties) throws Exception {
        EventHub hub = new EventHub();
        hub.setInstrumentLookup(core::instrument);
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(properties);
        CamelEventsBinding.register(context, hub);
        context.start();
        Resource resource = ResourceHelper.fromString("kafka-events.yaml", Files.readString(ROUTE_FILE));
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        for (String id : List.of("kafka-executions-out", "kafka-fills-out", "kafka-bars-out")) {
            assertThat(context.getRouteController().getRouteStatus(id)).as(id).isEqualTo(ServiceStatus.Started);
        }
        return hub;
    }

    /**
     * A burst per instrument: the maker rests a sell of 3 lots, the taker lifts 2 lots then 1 (four fills per round:
     * taker FILL + maker PARTIAL_FILL, taker FILL + maker FILL), prices stepping up a tick each round. Each result is
     * handed to the hub as the core publishes it: in seq order, on one thread.
     */
    private static List<CommandResult> tradingBurst(EventHub hub, int rounds) throws Exception {
        List<CommandResult> results = new ArrayList<>();
        Map<InstrumentId, long[]> grid = Map.of(BTC, new long[]{3_000_000, 50, 10}, ETH, new long[]{200_000, 5, 1},
                ACME, new long[]{1_234_567, 1, 1});
        for (int round = 0; round < rounds; round++) {
            for (InstrumentId instrument : List.of(BTC, ETH, ACME)) {
                long[] g = grid.get(instrument);
                long price = g[0] + round * g[1];
                long lot = g[2];
                results.add(submit(hub, NewOrder.limit(nextClientOrderId++, MAKER, STRATEGY, instrument, Side.SELL,
                        price, 3 * lot)));
                results.add(submit(hub, NewOrder.limit(nextClientOrderId++, TAKER, STRATEGY, instrument, Side.BUY,
                        price, 2 * lot)));
                results.add(submit(hub, NewOrder.limit(nextClientOrderId++, TAKER, STRATEGY, instrument, Side.BUY,
                        price, lot)));
            }
        }
        return results;
    }

    private static CommandResult submit(EventHub hub, NewOrder order) throws Exception {
        CommandResult result = core.submit(order).get(10, TimeUnit.SECONDS);
        assertThat(result.accepted()).as(result.describe()).isTrue();
        hub.onCommandResult(result);
        return result;
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        return readAll(broker, topic, expected);
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaTestBroker from, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, from.bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // anything beyond the expected records (a duplicate) would be readable now
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static Map<InstrumentId, List<String>> byInstrument(List<String> ids, List<InstrumentId> instruments) {
        Map<InstrumentId, List<String>> map = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (int i = 0; i < ids.size(); i++) {
            map.computeIfAbsent(instruments.get(i), k -> new ArrayList<>()).add(ids.get(i));
        }
        return map;
    }

    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).toPlainString();
    }

    @Test
    void everyFillOfABurstReachesKafkaExactlyOnceInOrderPerInstrumentWithExactFields() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("nautilus.kafka.brokers", broker.bootstrap());
        EventHub hub = startRoutes(properties);

        List<CommandResult> results = tradingBurst(hub, 40);

        List<String> expectedIds = new ArrayList<>();
        List<InstrumentId> expectedInstruments = new ArrayList<>();
        Map<String, ExecutionReport> fills = new LinkedHashMap<>();
        Map<String, Long> seqs = new LinkedHashMap<>();
        int executions = 0;
        for (CommandResult result : results) {
            for (ExecutionReport report : result.reports()) {
                executions++;
                if (report.isFill()) {
                    String id = result.seq() + "/" + report.execId();
                    expectedIds.add(id);
                    expectedInstruments.add(report.instrument());
                    fills.put(id, report);
                    seqs.put(id, result.seq());
                }
            }
        }
        assertThat(fills).hasSize(40 * 3 * 4);

        List<ConsumerRecord<String, String>> records = readAll("nautilus.fills", fills.size());
        assertThat(records).hasSize(fills.size());
        List<String> readIds = new ArrayList<>();
        List<InstrumentId> readInstruments = new ArrayList<>();
        Map<String, java.util.Set<Integer>> partitions = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode json = MAPPER.readTree(record.value());
            String id = json.get("coreSeq").asLong() + "/" + json.get("execId").asLong();
            readIds.add(id);
            readInstruments.add(InstrumentId.of(json.get("instrument").asText()));
            assertThat(record.key()).isEqualTo(json.get("instrument").asText());
            assertThat(new String(record.headers().lastHeader("NautilusEventType").value(),
                    StandardCharsets.UTF_8)).isEqualTo("fill");

            ExecutionReport report = fills.get(id);
            assertThat(report).as("record %s is a fill of the burst", record.value()).isNotNull();
            Instrument instrument = core.instrument(report.instrument()).orElseThrow();
            int ps = instrument.priceScale();
            int qs = instrument.quantityScale();
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("event", "fill");
            expected.put("coreSeq", seqs.get(id));
            expected.put("execId", report.execId());
            expected.put("orderId", report.orderId());
            expected.put("clientOrderId", report.clientOrderId());
            expected.put("account", report.account().value());
            if (report.strategy() != null) {
                expected.put("strategy", report.strategy().value());
            }
            expected.put("instrument", report.instrument().value());
            if (report.venue() != null) {
                expected.put("venue", report.venue().value());
            }
            expected.put("side", report.side().name());
            expected.put("execType", report.execType().name());
            expected.put("status", report.status().name());
            expected.put("price", decimal(report.lastPrice(), ps));
            expected.put("quantity", decimal(report.lastQuantity(), qs));
            expected.put("liquidity", report.liquidity().name());
            expected.put("fee", decimal(report.fee(), ps));
            expected.put("leavesQuantity", decimal(report.leavesQuantity(), qs));
            expected.put("cumulativeQuantity", decimal(report.cumulativeQuantity(), qs));
            expected.put("averagePrice", decimal(report.averagePrice(), ps));
            expected.put("transactTime", java.time.Instant.EPOCH.plusNanos(report.transactTimeNanos()).toString());
            assertThat(MAPPER.readValue(record.value(), JSON_OBJECT)).as(record.value())
                    .isEqualTo(MAPPER.readValue(MAPPER.writeValueAsString(expected), JSON_OBJECT));
            partitions.computeIfAbsent(report.instrument().value(), k -> new java.util.HashSet<>())
                    .add(record.partition());
        }
        assertThat(partitions.values()).as("one partition per instrument (the key)").allMatch(p -> p.size() == 1);
        assertThat(readIds).doesNotHaveDuplicates();
        assertThat(byInstrument(readIds, readInstruments)).isEqualTo(byInstrument(expectedIds, expectedInstruments));

        // literal spot checks: the first round of SIM-BTC and ACME at their own scales
        JsonNode firstBtc = MAPPER.readTree(records.stream()
                .filter(r -> r.key().equals("SIM-BTC")).findFirst().orElseThrow().value());
        assertThat(firstBtc.get("price").asText()).isEqualTo("30000.00");
        assertThat(firstBtc.get("quantity").asText()).isEqualTo("0.0020");
        assertThat(firstBtc.get("fee").asText()).as("taker 10 bps of 60.00, maker -2 bps rounded toward zero")
                .isEqualTo(firstBtc.get("liquidity").asText().equals("TAKER") ? "0.06" : "-0.01");
        JsonNode firstAcme = MAPPER.readTree(records.stream()
                .filter(r -> r.key().equals("ACME")).findFirst().orElseThrow().value());
        assertThat(firstAcme.get("price").asText()).isEqualTo("123.4567");
        assertThat(firstAcme.get("quantity").asText()).isEqualTo("2");
        assertThat(firstAcme.get("fee").asText()).as("taker 5 bps of 246.9134 rounded up; no maker fee")
                .isEqualTo(firstAcme.get("liquidity").asText().equals("TAKER") ? "0.1235" : "0.0000");

        List<ConsumerRecord<String, String>> all = readAll("nautilus.executions", executions);
        assertThat(all).hasSize(executions);

        EventEndpointStats fillStats = hub.stats().stream().filter(s -> s.eventType().equals("fill"))
                .findFirst().orElseThrow();
        assertThat(fillStats.delivered()).isEqualTo(fills.size());
        assertThat(fillStats.dropped()).isZero();
        assertThat(fillStats.failed()).isZero();
        assertThat(fillStats.lastCoreSeq()).isEqualTo(seqs.get(expectedIds.get(expectedIds.size() - 1)));
    }

    @Test
    void barsCompletedByTheMarketDataEngineReachKafkaKeyedByInstrumentAtItsScales() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("nautilus.kafka.brokers", broker.bootstrap());
        properties.setProperty("nautilus.kafka.topic.bars", "test.bars");
        // created up front: a consumer that asks for a topic the producer has not auto-created yet only looks again
        // after metadata.max.age.ms, which made this test wait out its timeout on a loaded machine
        broker.createTopics(3, "test.bars");
        EventHub hub = startRoutes(properties);

        MarketDataEngine engine = new MarketDataEngine(List.of(core.instrument(BTC).orElseThrow(),
                core.instrument(ETH).orElseThrow()), MarketDataConfig.defaults().withBars(BarSpec.ticks(2)));
        Subscription subscription = engine.subscribeDirect("nautilus-events", hub);
        try {
            long start = 1_796_515_200_000_000_000L; // 2026-12-06T00:00:00Z
            long second = 1_000_000_000L;
            engine.trade("feed", "SIM-ETH", 1, "2000.00", "1.000", Side.BUY, null, start, start);
            engine.trade("feed", "SIM-BTC", 2, "30000.00", "0.2500", Side.SELL, null, start, start);
            engine.trade("feed", "SIM-ETH", 3, "2001.50", "11.345", Side.BUY, null, start + second,
                    start + second);
            engine.trade("feed", "SIM-BTC", 4, "30000.50", "0.2500", Side.BUY, null, start + 2 * second,
                    start + 2 * second);

            List<ConsumerRecord<String, String>> records = readAll("test.bars", 2);
            assertThat(records).hasSize(2);
            Map<String, JsonNode> byKey = new TreeMap<>();
            for (ConsumerRecord<String, String> record : records) {
                byKey.put(record.key(), MAPPER.readTree(record.value()));
            }
            assertThat(byKey.get("SIM-ETH")).isEqualTo(MAPPER.readTree("""
                    {"event":"bar","instrument":"SIM-ETH","barType":"TICK","barSize":"2",
                     "start":"2026-12-06T00:00:00Z","end":"2026-12-06T00:00:01.000000001Z","open":"2000.00",
                     "high":"2001.50","low":"2000.00","close":"2001.50","volume":"12.345","trades":2}"""));
            assertThat(byKey.get("SIM-BTC")).isEqualTo(MAPPER.readTree("""
                    {"event":"bar","instrument":"SIM-BTC","barType":"TICK","barSize":"2",
                     "start":"2026-12-06T00:00:00Z","end":"2026-12-06T00:00:02.000000001Z","open":"30000.00",
                     "high":"30000.50","low":"30000.00","close":"30000.50","volume":"0.5000","trades":2}"""));
        } finally {
            subscription.close();
            engine.close();
        }
    }

    @Test
    void aVolumeBarsSizeIsWrittenAtTheQuantityScale() {
        Instrument btc = core.instrument(BTC).orElseThrow();
        String json = new EventJson().bar(BarSpec.volume(5_000), new Bar(BTC, 10, 11, 3_000_000, 3_000_000,
                3_000_000, 3_000_000, 5_000, 1), btc);
        assertThat(json).contains("\"barType\":\"VOLUME\",\"barSize\":\"0.5000\"")
                .contains("\"start\":\"1970-01-01T00:00:00.000000010Z\"");
    }

    @Test
    void aBrokerThatIsDownFailsTheSendsLeavesTheCoreUnaffectedAndOnceItIsUpTheNextFillsArriveInOrder()
            throws Exception {
        int port = KafkaTestBroker.freePort();
        Properties properties = new Properties();
        properties.setProperty("nautilus.kafka.brokers", "127.0.0.1:" + port);
        properties.setProperty("nautilus.kafka.maxBlockMs", "300");
        properties.setProperty("nautilus.kafka.requestTimeoutMs", "300");
        properties.setProperty("nautilus.kafka.deliveryTimeoutMs", "600");
        properties.setProperty("nautilus.kafka.capacity", "16");
        EventHub hub = startRoutes(properties);

        List<CommandResult> whileDown = tradingBurst(hub, 10);
        long fillsWhileDown = fills(whileDown).size();
        assertThat(fillsWhileDown).isEqualTo(10 * 3 * 4);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EventEndpointStats stats = fillStats(hub);
            assertThat(stats.failed()).isGreaterThanOrEqualTo(2);
            assertThat(stats.lastError()).contains("not delivered").contains("TimeoutException");
        });
        EventEndpointStats down = fillStats(hub);
        assertThat(down.delivered()).isZero();
        assertThat(down.dropped()).isPositive();
        assertThat(down.received() + down.dropped()).isEqualTo(fillsWhileDown);

        // the core went on trading while the route was stuck; now the broker comes up where the route connects
        try (KafkaTestBroker late = KafkaTestBroker.start(3, port)) {
            late.createTopics(3, "nautilus.executions", "nautilus.fills", "nautilus.bars");
            await().atMost(Duration.ofSeconds(30)).until(() -> fillStats(hub).queued() == 0);
            List<CommandResult> whileUp = tradingBurst(hub, 1); // 12 fills: fit in the hand-off of 16
            List<String> expectedUp = fills(whileUp);
            List<String> expectedAll = new ArrayList<>(fills(whileDown));
            expectedAll.addAll(expectedUp);

            List<ConsumerRecord<String, String>> records = readAll(late, "nautilus.fills", expectedUp.size());
            List<String> read = new ArrayList<>();
            Map<String, List<String>> readPerInstrument = new TreeMap<>();
            for (ConsumerRecord<String, String> record : records) {
                JsonNode json = MAPPER.readTree(record.value());
                String id = json.get("coreSeq").asLong() + "/" + json.get("execId").asLong();
                read.add(id);
                readPerInstrument.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(id);
            }
            assertThat(read).doesNotHaveDuplicates().containsAll(expectedUp);
            assertThat(expectedAll).containsAll(read);
            for (List<String> perInstrument : readPerInstrument.values()) {
                assertThat(expectedAll).as("%s in publish order", perInstrument).containsSubsequence(perInstrument);
            }
            assertThat(fillStats(hub).delivered()).isEqualTo(read.size());
        }
    }

    private static List<String> fills(List<CommandResult> results) {
        List<String> ids = new ArrayList<>();
        for (CommandResult result : results) {
            for (ExecutionReport report : result.reports()) {
                if (report.isFill()) {
                    ids.add(result.seq() + "/" + report.execId());
                }
            }
        }
        return ids;
    }

    private static EventEndpointStats fillStats(EventHub hub) {
        return hub.stats().stream().filter(s -> s.eventType().equals("fill")).findFirst().orElseThrow();
    }

    @Test
    void anUnknownEventStreamIsRefusedWithAClearMessage() throws Exception {
        context = new DefaultCamelContext();
        CamelEventsBinding.register(context, new EventHub());
        context.start();
        assertThatThrownBy(() -> context.getEndpoint("nautilus-events:orders"))
                .hasStackTraceContaining("nautilus-events:orders: unknown event stream 'orders'; use"
                        + " nautilus-events:executions, nautilus-events:fills or nautilus-events:bars");
        assertThatThrownBy(() -> context.getEndpoint("nautilus-events:fills?capacity=0"))
                .hasStackTraceContaining("capacity 0 must be 1 to 16777216");
    }
}
