package io.nautilus.venues.camel;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.nautilus.venues.camel.VenueFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A route from nautilus-venue:TEST to a processor acting as the venue, answering via nautilus-venue-report:TEST. */
class CamelVenueGatewayTest {

    private static final AccountId ACCOUNT = AccountId.of("acct-1");
    private static final StrategyId STRATEGY = StrategyId.of("strat-1");

    private VenueFixture fixture;
    private CamelVenueGateway gateway;
    /** What the venue received. */
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    /** What the venue answers to the next command (one list of report messages per command). */
    private final List<List<Map<String, Object>>> answers = new CopyOnWriteArrayList<>();
    private volatile boolean venueFails;

    @BeforeEach
    void start() throws Exception {
        fixture = new VenueFixture(null);
        gateway = fixture.listen("TEST");
        fixture.context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("nautilus-venue:TEST").routeId("venue-test")
                        .process(CamelVenueGatewayTest.this::venue)
                        .to("nautilus-venue-report:TEST");
            }
        });
        fixture.context.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private void venue(Exchange exchange) {
        Map<String, Object> command = exchange.getMessage().getBody(Map.class);
        received.add(new LinkedHashMap<>(command));
        assertThat(exchange.getMessage().getHeader(CamelVenueGateway.HEADER_KIND)).isEqualTo(command.get("kind"));
        if (venueFails) {
            throw new IllegalStateException("venue unreachable");
        }
        exchange.getMessage().setBody(answers.isEmpty() ? List.of() : answers.remove(0));
    }

    private static Map<String, Object> msg(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static NewOrder buy(long clientOrderId) {
        // 1.2345 at 30000.25
        return NewOrder.limit(clientOrderId, ACCOUNT, STRATEGY, BTC.id(), Side.BUY, 3_000_025, 12_345);
    }

    @Test
    void theRunningRouteIsAPublishedLoggedOnGateway() {
        assertThat(fixture.published).containsExactly(gateway);
        assertThat(gateway.state()).isEqualTo(ConnectionState.LOGGED_ON);
        assertThat(fixture.states(1)).containsExactly("TEST DOWN->LOGGED_ON");
        assertThat(gateway.sessionInfo().detail()).contains("venue-test");
    }

    @Test
    void newOrderIsAcknowledgedAndFilledWithExactFixedPointValues() {
        answers.add(List.of(
                msg("execType", "NEW", "clientOrderId", "101", "orderId", "9001"),
                msg("execType", "FILL", "clientOrderId", "101", "lastPrice", "30000.25", "lastQuantity", "1.2345",
                        "liquidity", "TAKER", "execId", 77)));

        assertThat(gateway.sendNew(buy(101))).isTrue();

        assertThat(received).hasSize(1);
        assertThat(received.get(0)).containsEntry("kind", "NEW").containsEntry("venue", "TEST")
                .containsEntry("clientOrderId", "101").containsEntry("account", "acct-1")
                .containsEntry("strategy", "strat-1").containsEntry("instrument", "X-BTC")
                .containsEntry("symbol", "BTC-USD").containsEntry("side", "BUY").containsEntry("type", "LIMIT")
                .containsEntry("timeInForce", "GTC").containsEntry("price", "30000.25")
                .containsEntry("quantity", "1.2345").containsEntry("flags", "NONE")
                .doesNotContainKeys("stopPrice", "expireTime", "origClientOrderId");

        assertThat(fixture.reports(2)).hasSize(2);
        ExecutionReport ack = fixture.report(0);
        assertThat(ack.execType()).isEqualTo(ExecType.NEW);
        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        assertThat(ack.clientOrderId()).isEqualTo(101);
        assertThat(ack.orderId()).isEqualTo(9001);
        assertThat(ack.account()).isEqualTo(ACCOUNT);
        assertThat(ack.strategy()).isEqualTo(STRATEGY);
        assertThat(ack.instrument()).isEqualTo(BTC.id());
        assertThat(ack.venue().value()).isEqualTo("TEST");
        assertThat(ack.side()).isEqualTo(Side.BUY);
        assertThat(ack.leavesQuantity()).isEqualTo(12_345);
        assertThat(ack.cumulativeQuantity()).isZero();
        assertThat(ack.averagePrice()).isEqualTo(FixedPoint.NULL);

        ExecutionReport fill = fixture.report(1);
        assertThat(fill.execType()).isEqualTo(ExecType.FILL);
        assertThat(fill.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fill.execId()).isEqualTo(77);
        assertThat(fill.lastPrice()).isEqualTo(3_000_025);
        assertThat(fill.lastQuantity()).isEqualTo(12_345);
        assertThat(fill.leavesQuantity()).isZero();
        assertThat(fill.cumulativeQuantity()).isEqualTo(12_345);
        assertThat(fill.averagePrice()).isEqualTo(3_000_025);
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(gateway.sentCount()).isEqualTo(1);
        assertThat(gateway.reportCount()).isEqualTo(2);
    }

    @Test
    void partialFillsAccumulateAndAverageExactly() {
        answers.add(List.of(
                msg("execType", "PARTIAL_FILL", "clientOrderId", "102", "lastPrice", "30000.25",
                        "lastQuantity", "0.5", "liquidity", "MAKER"),
                msg("execType", "FILL", "clientOrderId", "102", "lastPrice", new BigDecimal("30000"),
                        "lastQuantity", new BigDecimal("0.7345"))));

        assertThat(gateway.sendNew(buy(102))).isTrue();

        assertThat(fixture.reports(2)).hasSize(2);
        ExecutionReport partial = fixture.report(0);
        assertThat(partial.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partial.lastQuantity()).isEqualTo(5_000);
        assertThat(partial.cumulativeQuantity()).isEqualTo(5_000);
        assertThat(partial.leavesQuantity()).isEqualTo(7_345);
        assertThat(partial.averagePrice()).isEqualTo(3_000_025);
        assertThat(partial.liquidity()).isEqualTo(Liquidity.MAKER);
        ExecutionReport fill = fixture.report(1);
        assertThat(fill.lastPrice()).isEqualTo(3_000_000);
        assertThat(fill.cumulativeQuantity()).isEqualTo(12_345);
        long expected = BigDecimal.valueOf(3_000_025L * 5_000 + 3_000_000L * 7_345)
                .divide(BigDecimal.valueOf(12_345), 0, RoundingMode.HALF_EVEN).longValueExact();
        assertThat(fill.averagePrice()).isEqualTo(expected);
        assertThat(fill.leavesQuantity()).isZero();
    }

    @Test
    void aCancelRejectKeepsTheOrderWorking() {
        answers.add(List.of(msg("execType", "NEW", "clientOrderId", "103")));
        assertThat(gateway.sendNew(buy(103))).isTrue();
        answers.add(List.of(msg("execType", "REJECTED", "clientOrderId", "103001",
                "rejectReason", "too late to cancel")));

        assertThat(gateway.sendCancel(new CancelOrder(103_001, 103, ACCOUNT, BTC.id()))).isTrue();

        assertThat(received.get(1)).containsEntry("kind", "CANCEL").containsEntry("clientOrderId", "103001")
                .containsEntry("origClientOrderId", "103").containsEntry("side", "BUY")
                .containsEntry("symbol", "BTC-USD");
        ExecutionReport reject = fixture.report(1);
        assertThat(reject.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(reject.clientOrderId()).isEqualTo(103_001);
        assertThat(reject.origClientOrderId()).isEqualTo(103);
        assertThat(reject.rejectReason()).isEqualTo(RejectReason.VENUE_REJECT);
        assertThat(reject.text()).isEqualTo("too late to cancel");
        assertThat(reject.status()).isEqualTo(OrderStatus.NEW);
        assertThat(reject.leavesQuantity()).isZero();
        assertThat(reject.account()).isEqualTo(ACCOUNT);

        // the order is still known: a later cancel is answered CANCELED (a user cancel)
        answers.add(List.of(msg("execType", "CANCELED", "clientOrderId", "103002")));
        assertThat(gateway.sendCancel(new CancelOrder(103_002, 103, ACCOUNT, BTC.id()))).isTrue();
        ExecutionReport canceled = fixture.report(2);
        assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.cancelReason()).isEqualTo(CancelReason.USER);
        assertThat(canceled.origClientOrderId()).isEqualTo(103);
        assertThat(gateway.orders).isEmpty();
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void aReplaceCarriesTheNewPriceAndQuantity() {
        answers.add(List.of(msg("execType", "NEW", "clientOrderId", "104")));
        assertThat(gateway.sendNew(buy(104))).isTrue();
        answers.add(List.of(msg("execType", "REPLACED", "clientOrderId", "104001")));

        assertThat(gateway.sendReplace(new ReplaceOrder(104_001, 104, ACCOUNT, BTC.id(), 2_999_950, 20_000)))
                .isTrue();

        assertThat(received.get(1)).containsEntry("kind", "REPLACE").containsEntry("price", "29999.50")
                .containsEntry("quantity", "2.0000");
        ExecutionReport replaced = fixture.report(1);
        assertThat(replaced.execType()).isEqualTo(ExecType.REPLACED);
        assertThat(replaced.origClientOrderId()).isEqualTo(104);
        assertThat(replaced.leavesQuantity()).isEqualTo(20_000);
    }

    @Test
    void statusRequestsAreAnsweredForOrdersTheGatewayNeverSaw() {
        answers.add(List.of(msg("execType", "ORDER_STATUS", "clientOrderId", "555", "status", "PARTIALLY_FILLED",
                "cumulativeQuantity", "0.5", "averagePrice", "30000.10", "leavesQuantity", "0.7345")));

        assertThat(gateway.requestStatus(new OrderStatusQuery(555, ACCOUNT, BTC.id(), Side.SELL))).isTrue();

        assertThat(received.get(0)).containsEntry("kind", "STATUS").containsEntry("clientOrderId", "555")
                .containsEntry("side", "SELL");
        ExecutionReport status = fixture.report(0);
        assertThat(status.execType()).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(status.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(status.cumulativeQuantity()).isEqualTo(5_000);
        assertThat(status.averagePrice()).isEqualTo(3_000_010);
        assertThat(status.leavesQuantity()).isEqualTo(7_345);
        assertThat(status.side()).isEqualTo(Side.SELL);

        answers.add(List.of(msg("execType", "ORDER_STATUS", "clientOrderId", "556", "status", "REJECTED")));
        assertThat(gateway.requestStatus(new OrderStatusQuery(556, ACCOUNT, BTC.id(), Side.BUY))).isTrue();
        ExecutionReport unknown = fixture.report(1);
        assertThat(unknown.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(unknown.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
    }

    @Test
    void aStoppedRouteIsDownAndRefusesCommands() throws Exception {
        fixture.context.getRouteController().stopRoute("venue-test");

        assertThat(gateway.state()).isEqualTo(ConnectionState.DOWN);
        assertThat(fixture.published).isEmpty();
        assertThat(gateway.sendNew(buy(105))).isFalse();
        assertThat(gateway.sendCancel(new CancelOrder(105_001, 105, ACCOUNT, BTC.id()))).isFalse();
        assertThat(gateway.requestStatus(new OrderStatusQuery(105, ACCOUNT, BTC.id(), Side.BUY))).isFalse();
        assertThat(received).isEmpty();
        assertThat(gateway.orders).isEmpty();

        fixture.context.getRouteController().startRoute("venue-test");
        assertThat(gateway.state()).isEqualTo(ConnectionState.LOGGED_ON);
        assertThat(fixture.published).containsExactly(gateway);
        assertThat(fixture.states(3)).containsExactly("TEST DOWN->LOGGED_ON", "TEST LOGGED_ON->DOWN",
                "TEST DOWN->LOGGED_ON");

        fixture.context.removeRoute("venue-test"); // not stopped: refused by Camel
        assertThat(gateway.state()).isEqualTo(ConnectionState.LOGGED_ON);
        fixture.context.getRouteController().stopRoute("venue-test");
        fixture.context.removeRoute("venue-test");
        assertThat(gateway.state()).isEqualTo(ConnectionState.DOWN);
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void aFailingRouteRefusesTheCommand() {
        venueFails = true;
        assertThat(gateway.sendNew(buy(106))).isFalse();
        assertThat(gateway.failedCount()).isEqualTo(1);
        assertThat(gateway.lastProblem()).contains("venue unreachable");
        assertThat(gateway.orders).isEmpty();
        assertThat(gateway.state()).isEqualTo(ConnectionState.LOGGED_ON);
    }

    @Test
    void anOrderOfAnInstrumentWithoutScalesIsRefused() {
        NewOrder order = NewOrder.limit(107, ACCOUNT, STRATEGY, io.nautilus.api.InstrumentId.of("X-NONE"), Side.BUY,
                100, 1);
        assertThat(gateway.sendNew(order)).isFalse();
        assertThat(received).isEmpty();
        assertThat(gateway.lastProblem()).contains("X-NONE");
    }

    @Test
    void badReportMessagesFailTheExchangeAndAreCounted() {
        answers.add(List.of(msg("execType", "NEW", "clientOrderId", "108")));
        assertThat(gateway.sendNew(buy(108))).isTrue();
        ReportEndpoint endpoint = fixture.context.getEndpoint("nautilus-venue-report:TEST", ReportEndpoint.class);
        List<Object> bad = new ArrayList<>(List.of(
                "{not json",
                Map.of("clientOrderId", "108"),
                Map.of("execType", "FILL", "clientOrderId", "108", "lastPrice", "30000.255", "lastQuantity", "1"),
                Map.of("execType", "FILL", "clientOrderId", "108", "lastPrice", "abc", "lastQuantity", "1"),
                Map.of("execType", "FILL", "clientOrderId", "108", "lastPrice", "30000", "lastQuantity", "0"),
                Map.of("execType", "NEW", "clientOrderId", "999"),
                Map.of("execType", "SOMETHING", "clientOrderId", "108"),
                42));
        for (Object body : bad) {
            Exchange done = fixture.context.createProducerTemplate().send("nautilus-venue-report:TEST",
                    e -> e.getMessage().setBody(body));
            assertThat(done.getException()).as("%s", body).isInstanceOf(BadReportException.class);
        }
        assertThat(gateway.badReportCount()).isEqualTo(bad.size());
        assertThat(endpoint.getBadMessages()).isEqualTo(bad.size());
        assertThat(endpoint.getLastError()).contains("give a Map");
        assertThat(fixture.reports(1)).hasSize(1);

        // the order and the route go on
        Exchange good = fixture.context.createProducerTemplate().send("nautilus-venue-report:TEST",
                e -> e.getMessage().setBody("{\"execType\":\"FILL\",\"clientOrderId\":108,\"lastPrice\":30000.25,"
                        + "\"lastQuantity\":\"1.2345\"}"));
        assertThat(good.getException()).isNull();
        assertThat(fixture.reports(2)).hasSize(2);
        assertThat(fixture.report(1).lastPrice()).isEqualTo(3_000_025);
        assertThat(fixture.report(1).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void theEndpointsNameTheirRole() {
        assertThatThrownBy(() -> fixture.context.createProducerTemplate().sendBody("nautilus-venue:TEST", "x"))
                .hasStackTraceContaining("only start routes");
        assertThatThrownBy(() -> fixture.context.createProducerTemplate().sendBody("nautilus-venue-report:TEST", 1))
                .hasStackTraceContaining("give a Map");
    }
}
