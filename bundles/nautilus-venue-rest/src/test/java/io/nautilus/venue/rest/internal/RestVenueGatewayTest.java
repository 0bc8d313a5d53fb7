package io.nautilus.venue.rest.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway against {@link FakeAlpaca} on 127.0.0.1: the order lifecycle, errors, timeouts, stream and throttle. */
class RestVenueGatewayTest {

    private static final VenueId VENUE = VenueId.of("ALPACA");
    private static final AccountId DESK = AccountId.of("desk-1");
    private static final StrategyId STRATEGY = StrategyId.of("mm-demo");
    private static final Instrument ACME = new Instrument(InstrumentId.of("SIM-ACME"), "SIM-ACME", VENUE, 1, 1, 1, 2,
            0, "USD");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeAlpaca alpaca;
    private RestVenueGateway gateway;
    private final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    private final List<String> states = new CopyOnWriteArrayList<>();
    private final List<String> listenerThreads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startVenue() throws Exception {
        alpaca = new FakeAlpaca();
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        alpaca.close();
    }

    private RestVenueSettings settings() {
        return RestVenueSettings.defaults(VENUE, alpaca.baseUri(), alpaca.streamUri(), FakeAlpaca.KEY,
                        FakeAlpaca.SECRET)
                .withThrottle(1000, 1000, 100, Duration.ofSeconds(10))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(400))
                .withSymbols(RestVenueSettings.parseSymbols("SIM-ACME=ACME"));
    }

    private void start(RestVenueSettings settings, Ticker ticker) {
        gateway = new RestVenueGateway(settings, InstrumentDirectory.of(List.of(ACME)), ticker);
        gateway.setListener(report -> {
            listenerThreads.add(Thread.currentThread().getName());
            reports.add(report);
        });
        gateway.setStateListener((venue, from, to, reason) -> {
            listenerThreads.add(Thread.currentThread().getName());
            states.add(from + "->" + to);
        });
        gateway.connect();
        await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.LOGGED_ON);
    }

    private void start() {
        start(settings(), Ticker.SYSTEM);
    }

    private static NewOrder limit(long id, Side side, long price, long quantity) {
        return NewOrder.limit(id, DESK, STRATEGY, ACME.id(), side, price, quantity);
    }

    private ExecutionReport awaitReport(long clientOrderId, ExecType type) {
        await().atMost(WAIT).until(() -> find(clientOrderId, type) != null);
        return find(clientOrderId, type);
    }

    private ExecutionReport find(long clientOrderId, ExecType type) {
        return reports.stream().filter(r -> r.clientOrderId() == clientOrderId && r.execType() == type).findFirst()
                .orElse(null);
    }

    private long count(long clientOrderId, ExecType type) {
        return reports.stream().filter(r -> r.clientOrderId() == clientOrderId && r.execType() == type).count();
    }

    private static String cid(long id) {
        return AlpacaCodec.venueClientId(DESK, id);
    }

    @Test
    void orderIsAcceptedThenPartiallyFilledThenFilled() {
        start();
        assertThat(gateway.sendNew(limit(1, Side.BUY, 10_125, 100))).isTrue();

        ExecutionReport accepted = awaitReport(1, ExecType.NEW);
        assertThat(accepted.status()).isEqualTo(OrderStatus.NEW);
        assertThat(accepted.leavesQuantity()).isEqualTo(100);
        assertThat(accepted.orderId()).isPositive();
        assertThat(accepted.venue()).isEqualTo(VENUE);
        assertThat(accepted.strategy()).isEqualTo(STRATEGY);
        assertThat(alpaca.postBodies).singleElement().satisfies(body -> {
            assertThat(body.path("symbol").asText()).isEqualTo("ACME");
            assertThat(body.path("qty").asText()).isEqualTo("100");
            assertThat(body.path("side").asText()).isEqualTo("buy");
            assertThat(body.path("type").asText()).isEqualTo("limit");
            assertThat(body.path("time_in_force").asText()).isEqualTo("gtc");
            assertThat(body.path("limit_price").asText()).isEqualTo("101.25");
            assertThat(body.path("client_order_id").asText()).isEqualTo("desk-1-1");
        });

        alpaca.fill(cid(1), "40", "101.25");
        ExecutionReport partial = awaitReport(1, ExecType.PARTIAL_FILL);
        assertThat(partial.lastQuantity()).isEqualTo(40);
        assertThat(partial.lastPrice()).isEqualTo(10_125);
        assertThat(partial.cumulativeQuantity()).isEqualTo(40);
        assertThat(partial.leavesQuantity()).isEqualTo(60);
        assertThat(partial.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);

        alpaca.fill(cid(1), "60", "101.30");
        ExecutionReport fill = awaitReport(1, ExecType.FILL);
        assertThat(fill.lastQuantity()).isEqualTo(60);
        assertThat(fill.lastPrice()).isEqualTo(10_130);
        assertThat(fill.cumulativeQuantity()).isEqualTo(100);
        assertThat(fill.leavesQuantity()).isZero();
        assertThat(fill.averagePrice()).isEqualTo(10_128);
        assertThat(fill.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(listenerThreads).as("listeners run on the gateway's session thread only")
                .containsOnly("nautilus-venue-rest-ALPACA-reports");
        assertThat(alpaca.authHeaders).allMatch(h -> h.equals(FakeAlpaca.KEY + "/" + FakeAlpaca.SECRET));
    }

    @Test
    void cancelIsReportedUnderTheCancelRequestsId() {
        start();
        gateway.sendNew(limit(1, Side.SELL, 10_200, 50));
        awaitReport(1, ExecType.NEW);

        gateway.sendCancel(new CancelOrder(2, 1, DESK, ACME.id()));

        ExecutionReport canceled = awaitReport(2, ExecType.CANCELED);
        assertThat(canceled.origClientOrderId()).isEqualTo(1);
        assertThat(canceled.cancelReason()).isEqualTo(CancelReason.USER);
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.leavesQuantity()).isZero();
        assertThat(alpaca.requests).contains("DELETE /v2/orders/" + alpaca.order(cid(1)).path("id").asText());
    }

    @Test
    void replaceIsReportedWithTheNewIdsAndLaterFillsUseThem() {
        start();
        gateway.sendNew(limit(1, Side.BUY, 10_000, 100));
        awaitReport(1, ExecType.NEW);

        gateway.sendReplace(new ReplaceOrder(3, 1, DESK, ACME.id(), 10_050, 120));

        ExecutionReport replaced = awaitReport(3, ExecType.REPLACED);
        assertThat(replaced.origClientOrderId()).isEqualTo(1);
        assertThat(replaced.leavesQuantity()).isEqualTo(120);
        assertThat(replaced.status()).isEqualTo(OrderStatus.NEW);
        String newVenueId = alpaca.order(cid(3)).path("id").asText();
        assertThat(replaced.orderId()).isEqualTo(AlpacaCodec.orderIdOf(newVenueId));
        assertThat(alpaca.requests).contains("PATCH /v2/orders/" + alpaca.order(cid(1)).path("id").asText());

        alpaca.fill(cid(3), "120", "100.50");
        ExecutionReport fill = awaitReport(3, ExecType.FILL);
        assertThat(fill.lastPrice()).isEqualTo(10_050);
        assertThat(fill.cumulativeQuantity()).isEqualTo(120);
        assertThat(count(3, ExecType.NEW)).isZero();
    }

    @Test
    void httpErrorsBecomeRejectReasonsWithStatusAndVenueMessage() {
        start();
        alpaca.scriptPost(new FakeAlpaca.Scripted(422, "{\"code\":40010001,\"message\":\"qty must be > 0\"}", null,
                0, false));
        alpaca.scriptPost(new FakeAlpaca.Scripted(403, "{\"code\":40310000,\"message\":\"insufficient buying"
                + " power\"}", null, 0, false));
        gateway.sendNew(limit(1, Side.BUY, 10_000, 10));
        gateway.sendNew(limit(2, Side.BUY, 10_000, 10));

        ExecutionReport invalid = awaitReport(1, ExecType.REJECTED);
        assertThat(invalid.rejectReason()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(invalid.text()).contains("HTTP 422").contains("qty must be > 0");
        ExecutionReport risk = awaitReport(2, ExecType.REJECTED);
        assertThat(risk.rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(risk.text()).contains("HTTP 403").contains("insufficient buying power");
        assertThat(alpaca.posts).hasValue(2); // a clear refusal is never resent
    }

    @Test
    void cancelOrReplaceOfAnOrderTheVenueDoesNotKnowIsRejectedUnknownOrder() {
        start();
        gateway.sendNew(limit(1, Side.BUY, 10_000, 10));
        awaitReport(1, ExecType.NEW);
        alpaca.forget(cid(1));

        gateway.sendCancel(new CancelOrder(2, 1, DESK, ACME.id()));
        gateway.sendReplace(new ReplaceOrder(3, 1, DESK, ACME.id(), 10_100, 0));
        gateway.sendCancel(new CancelOrder(5, 4, DESK, ACME.id())); // never sent at all

        for (long id : new long[] {2, 3, 5}) {
            ExecutionReport rejected = awaitReport(id, ExecType.REJECTED);
            assertThat(rejected.rejectReason()).as("request %d", id).isEqualTo(RejectReason.UNKNOWN_ORDER);
            assertThat(rejected.text()).contains("HTTP 404").contains("order not found");
            assertThat(rejected.origClientOrderId()).isEqualTo(id == 5 ? 4 : 1);
        }
    }

    @Test
    void http429RejectsThrottledAndHoldsRequestsUntilRetryAfter() {
        FakeTicker clock = new FakeTicker();
        start(settings(), clock);
        alpaca.scriptPost(new FakeAlpaca.Scripted(429, "{\"message\":\"rate limit exceeded\"}", "2", 0, false));

        gateway.sendNew(limit(1, Side.BUY, 10_000, 10));
        ExecutionReport throttled = awaitReport(1, ExecType.REJECTED);
        assertThat(throttled.rejectReason()).isEqualTo(RejectReason.THROTTLED);
        assertThat(throttled.text()).contains("HTTP 429").contains("rate limit exceeded");

        gateway.sendNew(limit(2, Side.BUY, 10_000, 10));
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> alpaca.posts.get() == 1);
        clock.advance(Duration.ofMillis(1_999));
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> alpaca.posts.get() == 1);
        clock.advance(Duration.ofMillis(1));
        awaitReport(2, ExecType.NEW);
        assertThat(alpaca.posts).hasValue(2);
    }

    @Test
    void tokenBucketSendsTheBurstQueuesUpToCapacityAndRejectsTheRest() {
        FakeTicker clock = new FakeTicker();
        start(settings().withThrottle(1.0, 3, 2, Duration.ofSeconds(10)), clock);

        for (long id = 1; id <= 3; id++) { // the burst: each goes at once (one by one, so the queue never fills)
            gateway.sendNew(limit(id, Side.BUY, 10_000, 10));
            long sent = id;
            await().atMost(WAIT).until(() -> alpaca.posts.get() == sent);
        }
        for (long id = 4; id <= 6; id++) {
            assertThat(gateway.sendNew(limit(id, Side.BUY, 10_000, 10))).isTrue();
        }

        ExecutionReport rejected = awaitReport(6, ExecType.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo(RejectReason.THROTTLED);
        assertThat(rejected.text()).contains("queue full");
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> alpaca.posts.get() == 3);

        clock.advance(Duration.ofSeconds(1));
        awaitReport(4, ExecType.NEW);
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> alpaca.posts.get() == 4);
        clock.advance(Duration.ofSeconds(1));
        awaitReport(5, ExecType.NEW);
        assertThat(alpaca.posts).hasValue(5);
        assertThat(gateway.counters().throttled()).isEqualTo(1);
    }

    @Test
    void serverErrorIsLookedUpBeforeTheOrderIsResentOnce() {
        start();
        alpaca.scriptPost(new FakeAlpaca.Scripted(500, "{\"message\":\"internal error\"}", null, 0, false));

        gateway.sendNew(limit(1, Side.BUY, 10_000, 10));

        awaitReport(1, ExecType.NEW);
        assertThat(alpaca.requests).containsSubsequence("POST /v2/orders", "GET /v2/orders:by_client_order_id",
                "POST /v2/orders");
        assertThat(alpaca.orderCount()).isEqualTo(1);
        assertThat(gateway.counters().resends()).isEqualTo(1);
        assertThat(states).containsSubsequence("LOGGED_ON->DEGRADED", "DEGRADED->LOGGED_ON");
    }

    @Test
    void timedOutOrderIsFoundByStatusQueryAndNeverDuplicated() {
        start(settings().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMillis(400)),
                Ticker.SYSTEM);
        alpaca.scriptPost(new FakeAlpaca.Scripted(200, null, null, 2_000, true)); // created, answered too late

        gateway.sendNew(limit(1, Side.BUY, 10_000, 10));

        await().atMost(WAIT).until(() -> alpaca.requests.contains("GET /v2/orders:by_client_order_id"));
        awaitReport(1, ExecType.NEW);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> alpaca.posts.get() == 1);
        assertThat(alpaca.orderCount()).isEqualTo(1);
        assertThat(count(1, ExecType.NEW)).isEqualTo(1);
        assertThat(find(1, ExecType.REJECTED)).isNull();
        assertThat(gateway.counters().resends()).isZero();
        await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.LOGGED_ON);
    }

    @Test
    void streamDropIsReconnectedAndLaterEventsAreDeliveredOnce() {
        start();
        gateway.sendNew(limit(1, Side.BUY, 10_000, 10));
        awaitReport(1, ExecType.NEW);

        alpaca.dropStream();
        await().atMost(WAIT).until(() -> states.contains("LOGGED_ON->DOWN"));
        await().atMost(WAIT).until(() -> gateway.state() == ConnectionState.LOGGED_ON
                && alpaca.listeningSockets() == 1);
        assertThat(alpaca.streamConnections.get()).isEqualTo(2);
        assertThat(states).containsSubsequence("DOWN->CONNECTED", "CONNECTED->LOGGED_ON", "LOGGED_ON->DOWN",
                "DOWN->CONNECTED", "CONNECTED->LOGGED_ON");

        alpaca.fill(cid(1), "10", "100.00");
        awaitReport(1, ExecType.FILL);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> count(1, ExecType.FILL) == 1);
    }

    @Test
    void repeatedStreamEventIsReportedOnce() {
        start();
        gateway.sendNew(limit(1, Side.BUY, 10_000, 10));
        awaitReport(1, ExecType.NEW);
        alpaca.fill(cid(1), "4", "100.00");
        awaitReport(1, ExecType.PARTIAL_FILL);
        com.fasterxml.jackson.databind.node.ObjectNode again = alpaca.push("partial_fill", cid(1));
        again.put("price", "100.00").put("qty", "4").put("execution_id", "exec-1");
        alpaca.pushData(again);
        alpaca.fill(cid(1), "6", "100.00");

        awaitReport(1, ExecType.FILL);
        assertThat(count(1, ExecType.PARTIAL_FILL)).isEqualTo(1);
        assertThat(gateway.counters().duplicates()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void badJsonOnTheStreamIsCountedAndDroppedAndTheStreamCarriesOn() {
        start();
        gateway.sendNew(limit(1, Side.BUY, 10_000, 10));
        awaitReport(1, ExecType.NEW);

        alpaca.sendRaw("this is not json");
        alpaca.sendRaw("{\"stream\":\"trade_updates\",\"data\":{\"event\":\"fill\",\"price\":\"abc\",\"qty\":\"x\","
                + "\"order\":{\"id\":\"x\",\"client_order_id\":\"desk-1-1\",\"symbol\":\"ACME\",\"side\":\"buy\","
                + "\"qty\":\"10\",\"filled_qty\":\"ten\"}}}");
        alpaca.fill(cid(1), "10", "100.00");

        awaitReport(1, ExecType.FILL);
        assertThat(gateway.counters().badMessages()).isEqualTo(2);
        assertThat(gateway.state()).isEqualTo(ConnectionState.LOGGED_ON);
    }

    @Test
    void statusRequestAnswersWithTheVenuesViewOrUnknownOrder() {
        start();
        gateway.sendNew(limit(1, Side.BUY, 10_000, 10));
        awaitReport(1, ExecType.NEW);
        alpaca.fill(cid(1), "4", "100.00");
        awaitReport(1, ExecType.PARTIAL_FILL);

        assertThat(gateway.requestStatus(new OrderStatusQuery(1, DESK, ACME.id(), Side.BUY))).isTrue();
        assertThat(gateway.requestStatus(new OrderStatusQuery(9, DESK, ACME.id(), Side.BUY))).isTrue();

        ExecutionReport known = awaitReport(1, ExecType.ORDER_STATUS);
        assertThat(known.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(known.cumulativeQuantity()).isEqualTo(4);
        assertThat(known.leavesQuantity()).isEqualTo(6);
        assertThat(known.averagePrice()).isEqualTo(10_000);
        ExecutionReport unknown = awaitReport(9, ExecType.ORDER_STATUS);
        assertThat(unknown.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(unknown.text()).contains("HTTP 404");
        if (RestVenueGateway.UNKNOWN_ORDER_STATUS_ALLOWED) {
            assertThat(unknown.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        } else {
            assertThat(unknown.text()).startsWith(RejectReason.UNKNOWN_ORDER.name());
        }
    }

    @Test
    void ordersTheVenueCannotTakeAreRejectedWithoutARequest() {
        start();
        gateway.sendNew(new NewOrder(1, DESK, null, ACME.id(), Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10_000,
                FixedPoint.NULL, 10, 0, OrderFlags.POST_ONLY, 0));
        gateway.sendNew(NewOrder.limit(2, DESK, null, InstrumentId.of("NOPE"), Side.BUY, 100, 1));

        assertThat(awaitReport(1, ExecType.REJECTED).rejectReason()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(awaitReport(2, ExecType.REJECTED).rejectReason()).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(alpaca.posts).hasValue(0);
    }

    @Test
    void refusedCredentialsKeepTheGatewayDownAndTheSecretOutOfItsInfo() {
        gateway = new RestVenueGateway(RestVenueSettings.defaults(VENUE, alpaca.baseUri(), alpaca.streamUri(),
                        FakeAlpaca.KEY, "wrong-secret").withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(50),
                        Duration.ofMillis(200)), InstrumentDirectory.of(List.of(ACME)), Ticker.SYSTEM);
        gateway.connect();

        await().atMost(WAIT).until(() -> gateway.sessionInfo().lastProblem().contains("authentication refused"));
        assertThat(gateway.state()).isNotEqualTo(ConnectionState.LOGGED_ON);
        assertThat(gateway.sendNew(limit(1, Side.BUY, 10_000, 10))).isFalse();
        assertThat(gateway.sessionInfo().toString()).doesNotContain("wrong-secret");
        assertThat(gateway.toString()).doesNotContain("wrong-secret");

        gateway.disconnect("test over");
        assertThat(gateway.state()).isEqualTo(ConnectionState.DOWN);
    }
}
