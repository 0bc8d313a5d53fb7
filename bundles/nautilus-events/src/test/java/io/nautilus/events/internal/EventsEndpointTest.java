package io.nautilus.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import io.nautilus.events.EventEndpointStats;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The nautilus-events endpoints without Kafka: what a route receives, and the bounded hand-off. */
class EventsEndpointTest {

    private static final AccountId ALICE = AccountId.of("alice");
    private static final InstrumentId ABC = InstrumentId.of("ABC");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private TradingCoreManager core;
    private CamelContext context;
    private EventHub hub;
    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private long clientOrderId = 1;

    @BeforeEach
    void start() throws Exception {
        core = RealCore.start(dir.resolve("core"), report -> { },
                Map.of("ABC.priceScale", "2", "ABC.quantityScale", "3", "ABC.tickSize", "0.05", "ABC.lotSize",
                        "0.001"),
                Map.of("alice.stp", "none"), Map.of());
        hub = new EventHub();
        hub.setInstrumentLookup(core::instrument);
        context = new DefaultCamelContext();
        CamelEventsBinding.register(context, hub);
    }

    @AfterEach
    void stop() {
        context.stop();
        RealCore.stop(core);
    }

    private CommandResult publish(CommandResult result) {
        hub.onCommandResult(result);
        return result;
    }

    private NewOrder buy(long price, long quantity) {
        return NewOrder.limit(clientOrderId++, ALICE, StrategyId.of("s1"), ABC, Side.BUY, price, quantity);
    }

    @Test
    void executionsCarryAcksCancelsAndRejectsWithTheirReasonsAndTheCommandsSeq() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("nautilus-events:executions").routeId("collect").process(received::add);
            }
        });
        context.start();

        CommandResult accepted = publish(core.submit(buy(1_000, 2_500)).get(10, TimeUnit.SECONDS));
        CommandResult canceled = publish(core.cancel(accepted.orderId()).get(10, TimeUnit.SECONDS));
        NewOrder offTick = buy(1_002, 1_000);
        CommandResult rejected = publish(core.submit(offTick).get(10, TimeUnit.SECONDS));
        assertThat(rejected.accepted()).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        JsonNode ack = MAPPER.readTree(received.get(0).getIn().getBody(String.class));
        JsonNode cancel = MAPPER.readTree(received.get(1).getIn().getBody(String.class));
        JsonNode reject = MAPPER.readTree(received.get(2).getIn().getBody(String.class));

        assertThat(received.get(0).getIn().getHeader(EventHeaders.CORE_SEQ)).isEqualTo(accepted.seq());
        assertThat(received.get(0).getIn().getHeader(EventHeaders.INSTRUMENT)).isEqualTo("ABC");
        assertThat(received.get(0).getIn().getHeader(EventHeaders.EVENT_TYPE)).isEqualTo("execution");
        assertThat(ack.get("coreSeq").asLong()).isEqualTo(accepted.seq());
        assertThat(ack.get("execType").asText()).isEqualTo("NEW");
        assertThat(ack.get("status").asText()).isEqualTo("NEW");
        assertThat(ack.get("leavesQuantity").asText()).isEqualTo("2.500");
        assertThat(ack.get("cumulativeQuantity").asText()).isEqualTo("0.000");
        assertThat(ack.has("price")).as("only fills carry a price").isFalse();
        assertThat(ack.has("fee")).as("only fills carry a fee").isFalse();
        assertThat(ack.has("averagePrice")).isFalse();

        assertThat(cancel.get("coreSeq").asLong()).isEqualTo(canceled.seq());
        assertThat(cancel.get("execType").asText()).isEqualTo("CANCELED");
        assertThat(cancel.get("cancelReason").asText()).isEqualTo("USER");
        assertThat(cancel.get("leavesQuantity").asText()).isEqualTo("0.000");

        assertThat(reject.get("coreSeq").asLong()).isEqualTo(rejected.seq());
        assertThat(reject.get("execType").asText()).isEqualTo("REJECTED");
        assertThat(reject.get("rejectReason").asText()).isEqualTo("PRICE_NOT_ON_TICK");
        assertThat(reject.get("clientOrderId").asLong()).isEqualTo(offTick.clientOrderId());
        assertThat(reject.get("price")).isNull();
    }

    @Test
    void aFullHandOffDropsAndCountsWithoutBlockingThePublisherAndDeliversTheRestInOrder() throws Exception {
        CountDownLatch inRoute = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("nautilus-events:executions?capacity=2").routeId("slow").process(exchange -> {
                    inRoute.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    received.add(exchange);
                });
            }
        });
        context.start();

        List<CommandResult> results = new CopyOnWriteArrayList<>();
        results.add(publish(core.submit(buy(1_000, 1_000)).get(10, TimeUnit.SECONDS)));
        assertThat(inRoute.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 9; i++) {
            results.add(publish(core.submit(buy(1_000, 1_000)).get(10, TimeUnit.SECONDS)));
        }

        EventEndpointStats stuck = hub.stats().get(0);
        assertThat(stuck.received()).isEqualTo(3);
        assertThat(stuck.dropped()).isEqualTo(7);
        assertThat(stuck.queued()).isEqualTo(2);
        assertThat(stuck.capacity()).isEqualTo(2);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.stats().get(0).delivered() == 3);
        assertThat(received).extracting(e -> e.getIn().getHeader(EventHeaders.CORE_SEQ))
                .containsExactly(results.get(0).seq(), results.get(1).seq(), results.get(2).seq());
        EventEndpointStats done = hub.stats().get(0);
        assertThat(done.failed()).isZero();
        assertThat(done.lastCoreSeq()).isEqualTo(results.get(2).seq());
    }
}
