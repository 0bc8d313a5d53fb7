package io.nautilus.router.internal;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrderState;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.RouteExplanation;
import io.nautilus.router.api.RoutingDecision;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.nautilus.router.internal.Fixtures.A;
import static io.nautilus.router.internal.Fixtures.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class ParentTrackingTest {

    private final Fixtures.ManualClock clock = new Fixtures.ManualClock();
    private final RouterEngine engine = new RouterEngine(new RouterSettings(60_000_000_000L,
            io.nautilus.router.api.ImpactModel.SQRT, 1.0, 8, BigDecimal.ZERO, 1, 1, 1, 10, 1000, 0, 0.5, 100),
            clock, 500);

    private RoutingDecision routeTwoVenues(long id) {
        engine.putVenue(Fixtures.FEES_A);
        engine.putVenue(Fixtures.FEES_B);
        MarketState m = new MarketState(2, 5).reset(Fixtures.instrument(1), 150);
        int a = m.addVenue(A, 100_000);
        int b = m.addVenue(B, 100_000);
        m.addLevel(a, Side.SELL, 10_001, 2).addLevel(a, Side.SELL, 10_003, 2);
        m.addLevel(b, Side.SELL, 10_002, 2);
        m.addLevel(a, Side.BUY, 9_999, 5);
        return engine.route(Fixtures.order(id, Side.BUY, 6, 10_003, ExecutionStyle.MARKETABLE, 10_000,
                RemainderPolicy.UNALLOCATED), m);
    }

    @Test
    void averagePriceIsExactAndRoundsHalfEvenOnce() {
        RoutingDecision d = routeTwoVenues(1);
        assertThat(d.allocatedQuantity()).isEqualTo(6);
        ChildOrder a = d.children().stream().filter(c -> c.venue().equals(A)).findFirst().orElseThrow();
        ChildOrder b = d.children().stream().filter(c -> c.venue().equals(B)).findFirst().orElseThrow();
        assertThat(engine.parentState(1).status()).isEqualTo(OrderStatus.NEW);
        engine.onExecutionReport(Fixtures.fill(a, 0, 10_000, 1));
        engine.onExecutionReport(Fixtures.fill(a, 1, 10_001, 1));
        ParentOrderState s = engine.parentState(1);
        // (100.00 + 100.01) / 2 = 100.005: a tie, half even -> 100.00
        assertThat(s.averagePrice()).isEqualTo(10_000);
        assertThat(s.cumulativeQuantity()).isEqualTo(2);
        assertThat(s.leavesQuantity()).isEqualTo(4);
        assertThat(s.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        engine.onExecutionReport(Fixtures.fill(a, 2, 10_002, 1));
        engine.onExecutionReport(Fixtures.fill(a, 3, 10_003, 1));
        // 400.06 / 4 = 100.015 -> half even 100.02
        assertThat(engine.parentState(1).averagePrice()).isEqualTo(10_002);
        engine.onExecutionReport(Fixtures.fill(b, 0, 10_002, 2));
        s = engine.parentState(1);
        // 600.10 / 6 = 100.01666.. -> 100.02
        assertThat(s.averagePrice()).isEqualTo(10_002);
        assertThat(s.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(s.leavesQuantity()).isZero();
        assertThat(s.children()).allSatisfy(c -> assertThat(c.status()).isEqualTo(OrderStatus.FILLED));
    }

    @Test
    void parentIsCanceledWhenAllChildrenAreDoneWithQuantityLeft() {
        RoutingDecision d = routeTwoVenues(2);
        ChildOrder first = d.children().get(0);
        ChildOrder second = d.children().get(1);
        engine.onExecutionReport(Fixtures.fill(first, 0, first.limitPrice(), 1));
        engine.onExecutionReport(Fixtures.canceled(first, 1, first.limitPrice()));
        assertThat(engine.parentState(2).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        engine.onExecutionReport(Fixtures.canceled(second, 0, FixedPoint.NULL));
        ParentOrderState s = engine.parentState(2);
        assertThat(s.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(s.cumulativeQuantity()).isEqualTo(1);
        assertThat(s.leavesQuantity()).isZero();
    }

    @Test
    void childOutcomesFeedTheVenueScores() {
        RoutingDecision d = routeTwoVenues(3);
        ChildOrder a = d.children().stream().filter(c -> c.venue().equals(A)).findFirst().orElseThrow();
        engine.childSent(a.childOrderId(), clock.now);
        clock.advanceNanos(250_000);
        engine.onExecutionReport(Fixtures.ack(a));
        // 2 of 4 filled at 100.02, arrival 100.00: +2 bps for a buy
        engine.onExecutionReport(Fixtures.fill(a, 0, 10_002, 2));
        engine.onExecutionReport(Fixtures.canceled(a, 2, 10_002));
        var score = engine.score(A, Side.BUY);
        assertThat(score.ackLatencyMicros()).isCloseTo(250, offset(1e-9));
        assertThat(score.fillRate()).isCloseTo(0.5, offset(1e-12));
        assertThat(score.buySlippageBps()).isCloseTo(2.0, offset(1e-9));
        assertThat(score.sellSlippageBps()).isZero();
        assertThat(engine.parentState(3).children()).filteredOn(c -> c.venue().equals(A))
                .allSatisfy(c -> assertThat(c.ackLatencyNanos()).isEqualTo(250_000));
    }

    @Test
    void reportsOfUnknownOrdersAndOverfillsAreNotCounted() {
        RoutingDecision d = routeTwoVenues(4);
        ChildOrder b = d.children().stream().filter(c -> c.venue().equals(B)).findFirst().orElseThrow();
        ChildOrder stranger = new ChildOrder(99_999, 4, B, Side.BUY, 5, 10_000, ExecutionStyle.MARKETABLE, false, 1,
                io.nautilus.router.api.CostBreakdown.ZERO);
        engine.onExecutionReport(Fixtures.fill(stranger, 0, 10_000, 5));
        assertThat(engine.ignoredReports()).isEqualTo(1);
        engine.onExecutionReport(Fixtures.fill(b, 0, 10_002, 1));
        engine.onExecutionReport(new io.nautilus.api.order.ExecutionReport(999, b.childOrderId(), 0, 0,
                io.nautilus.api.AccountId.of("acct"), null, Fixtures.ACME, B, Side.BUY,
                io.nautilus.api.order.ExecType.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED,
                io.nautilus.api.order.RejectReason.NONE, io.nautilus.api.order.CancelReason.NONE,
                io.nautilus.api.order.Liquidity.TAKER, null, 10_002, 5, 1, 6, 10_002, 1, 1));
        assertThat(engine.overfills()).isEqualTo(4);
        assertThat(engine.parentState(4).cumulativeQuantity()).isEqualTo(2);
    }

    @Test
    void explanationContainsTheNumbers() {
        RoutingDecision d = routeTwoVenues(5);
        RouteExplanation e = engine.explanation(5);
        assertThat(e.venues()).hasSize(2);
        assertThat(e.steps()).isNotEmpty();
        assertThat(e.steps().get(0).venue()).isEqualTo(A);
        assertThat(e.steps().get(0).runnerUp()).isEqualTo(B);
        assertThat(e.decision()).isEqualTo(d);
        String text = engine.explain(5);
        ChildOrder a = d.children().get(0);
        assertThat(text)
                .contains("parent 5: BUY 6 SIM-ACME, limit 100.03, MARKETABLE")
                .contains("arrival 100.00 (given)")
                .contains("PER_UNIT maker -0.002 taker 0.003")
                .contains("BPS maker -0.1 taker 0.2")
                .contains("score 0.5000")
                .contains("1. A L0 100.01 x 2")
                .contains("next best B")
                .contains("#" + a.childOrderId() + " A BUY 4 @ 100.03 MARKETABLE")
                .contains("fees " + FixedPoint.format(a.expectedCost().fees(), 2))
                .contains("impact " + FixedPoint.format(a.expectedCost().impact(), 2))
                .contains("result: allocated 6, unallocated 0");
        assertThat(a.expectedCost().fees()).isEqualTo(1); // 4 x 0.0030 = 0.012 -> 0.01
        assertThat(engine.explain(12345)).contains("not tracked");
    }
}
