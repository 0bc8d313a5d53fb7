package io.nautilus.router.internal;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.RoutingDecision;
import org.junit.jupiter.api.Test;

import static io.nautilus.router.internal.Fixtures.A;
import static io.nautilus.router.internal.Fixtures.B;
import static io.nautilus.router.internal.Fixtures.C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SplitterTest {

    private final Fixtures.ManualClock clock = new Fixtures.ManualClock();

    private RouterEngine engine(RouterSettings s) {
        RouterEngine e = new RouterEngine(s, clock, 1000);
        e.putVenue(Fixtures.FEES_A);
        e.putVenue(Fixtures.FEES_B);
        return e;
    }

    private static MarketState market(long lot) {
        return new MarketState(4, 5).reset(Fixtures.instrument(lot), 0);
    }

    @Test
    void cheaperVenueFirst() {
        MarketState m = market(1);
        int a = m.addVenue(A, 0);
        int b = m.addVenue(B, 0);
        m.addLevel(a, Side.SELL, 10_000, 50);
        m.addLevel(b, Side.SELL, 10_000, 50);
        // at 100.00, A's taker fee is 0.0030 a share, B's 0.2 bps = 0.0020: B first
        RoutingDecision d = engine(Fixtures.noImpact()).route(Fixtures.buy(1, 80, FixedPoint.NULL,
                RemainderPolicy.UNALLOCATED), m);
        assertThat(d.children()).extracting(ChildOrder::venue, ChildOrder::quantity, ChildOrder::limitPrice)
                .containsExactly(tuple(B, 50L, 10_000L), tuple(A, 30L, 10_000L));
        assertThat(d.children()).extracting(ChildOrder::childOrderId).containsExactly(1000L, 1001L);
        assertThat(d.unallocatedQuantity()).isZero();
    }

    @Test
    void walksLevelsAcrossVenuesByAllInCost() {
        MarketState m = market(1);
        int a = m.addVenue(A, 0);
        int b = m.addVenue(B, 0);
        m.addLevel(a, Side.SELL, 10_000, 30).addLevel(a, Side.SELL, 10_001, 30);
        m.addLevel(b, Side.SELL, 10_001, 100);
        // A L0 100.0030 < B L0 100.0120002 < A L1 100.0130
        RoutingDecision d = engine(Fixtures.noImpact()).route(Fixtures.buy(1, 100, FixedPoint.NULL,
                RemainderPolicy.UNALLOCATED), m);
        assertThat(d.children()).extracting(ChildOrder::venue, ChildOrder::quantity, ChildOrder::limitPrice)
                .containsExactly(tuple(A, 30L, 10_000L), tuple(B, 70L, 10_001L));
    }

    @Test
    void sellSideTakesTheHighestBidFirst() {
        MarketState m = market(1);
        int a = m.addVenue(A, 0);
        int b = m.addVenue(B, 0);
        m.addLevel(a, Side.BUY, 9_999, 100);
        m.addLevel(b, Side.BUY, 10_000, 40).addLevel(b, Side.BUY, 9_998, 100);
        RoutingDecision d = engine(Fixtures.noImpact()).route(Fixtures.order(1, Side.SELL, 100, 9_999,
                ExecutionStyle.MARKETABLE, FixedPoint.NULL, RemainderPolicy.UNALLOCATED), m);
        assertThat(d.children()).extracting(ChildOrder::venue, ChildOrder::quantity, ChildOrder::limitPrice)
                .containsExactly(tuple(B, 40L, 10_000L), tuple(A, 60L, 9_999L));
    }

    @Test
    void limitPriceIsRespectedAndTheRemainderRestsAtTheBestScoredVenue() {
        MarketState m = market(1);
        int a = m.addVenue(A, 0);
        int b = m.addVenue(B, 0);
        m.addLevel(a, Side.SELL, 10_000, 30).addLevel(a, Side.SELL, 10_001, 30);
        m.addLevel(b, Side.SELL, 10_002, 100);
        RouterEngine e = engine(Fixtures.noImpact());
        // neutral scores tie: the remainder goes to the earlier venue, A
        RoutingDecision d = e.route(Fixtures.buy(1, 100, 10_000, RemainderPolicy.PASSIVE_AT_BEST_VENUE), m);
        assertThat(d.children()).extracting(ChildOrder::venue, ChildOrder::quantity, ChildOrder::limitPrice,
                        ChildOrder::style, ChildOrder::remainder)
                .containsExactly(tuple(A, 30L, 10_000L, ExecutionStyle.MARKETABLE, false),
                        tuple(A, 70L, 10_000L, ExecutionStyle.PASSIVE, true));
        for (ChildOrder c : d.children()) {
            assertThat(c.limitPrice()).isLessThanOrEqualTo(10_000L);
        }
    }

    @Test
    void remainderCanBeLeftUnallocated() {
        MarketState m = market(1);
        int a = m.addVenue(A, 0);
        m.addLevel(a, Side.SELL, 10_000, 30).addLevel(a, Side.SELL, 10_001, 30);
        RoutingDecision d = engine(Fixtures.noImpact()).route(Fixtures.buy(1, 100, 10_000,
                RemainderPolicy.UNALLOCATED), m);
        assertThat(d.allocatedQuantity()).isEqualTo(30);
        assertThat(d.unallocatedQuantity()).isEqualTo(70);
    }

    @Test
    void childrenAreWholeLotsAndTheOddLotIsUnallocated() {
        MarketState m = market(10);
        int a = m.addVenue(A, 0);
        int b = m.addVenue(B, 0);
        m.addLevel(a, Side.SELL, 10_000, 25).addLevel(a, Side.SELL, 10_001, 100);
        m.addLevel(b, Side.SELL, 10_001, 100);
        RoutingDecision d = engine(Fixtures.noImpact()).route(Fixtures.buy(1, 95, FixedPoint.NULL,
                RemainderPolicy.UNALLOCATED), m);
        assertThat(d.children()).allSatisfy(c -> assertThat(c.quantity() % 10).isZero());
        assertThat(d.children()).extracting(ChildOrder::venue, ChildOrder::quantity)
                .containsExactly(tuple(A, 20L), tuple(B, 70L));
        assertThat(d.unallocatedQuantity()).isEqualTo(5);
    }

    @Test
    void childrenBelowTheMinimumAreDropped() {
        MarketState m = market(1);
        int a = m.addVenue(A, 0);
        int b = m.addVenue(B, 0);
        m.addLevel(a, Side.SELL, 10_000, 30);
        m.addLevel(b, Side.SELL, 10_001, 100);
        RoutingDecision d = engine(Fixtures.limits(Fixtures.noImpact(), 8, 50)).route(Fixtures.buy(1, 100,
                FixedPoint.NULL, RemainderPolicy.UNALLOCATED), m);
        assertThat(d.children()).extracting(ChildOrder::venue, ChildOrder::quantity).containsExactly(tuple(B, 70L));
        assertThat(d.unallocatedQuantity()).isEqualTo(30);
    }

    @Test
    void noMoreVenuesThanMaxChildren() {
        MarketState m = market(1);
        int a = m.addVenue(A, 0);
        int b = m.addVenue(B, 0);
        m.addLevel(a, Side.SELL, 10_000, 50).addLevel(a, Side.SELL, 10_002, 10);
        m.addLevel(b, Side.SELL, 10_001, 50);
        RoutingDecision d = engine(Fixtures.limits(Fixtures.noImpact(), 1, 1)).route(Fixtures.buy(1, 100,
                10_002, RemainderPolicy.PASSIVE_AT_BEST_VENUE), m);
        assertThat(d.children()).extracting(ChildOrder::venue, ChildOrder::quantity).containsExactly(tuple(A, 60L));
        assertThat(d.unallocatedQuantity()).isEqualTo(40);
        assertThat(d.summary()).contains("max.child.orders");
    }

    @Test
    void tiesGoToTheEarlierVenueDeterministically() {
        RouterEngine e = new RouterEngine(Fixtures.noImpact(), clock, 1);
        e.putVenue(Fixtures.FEES_A);
        e.putVenue(new io.nautilus.router.api.VenueFeeSchedule(C, Fixtures.FEES_A.model(), Fixtures.FEES_A.maker(),
                Fixtures.FEES_A.taker(), true));
        for (int run = 0; run < 3; run++) {
            MarketState m = market(1);
            int c = m.addVenue(C, 0);
            int a = m.addVenue(A, 0);
            m.addLevel(c, Side.SELL, 10_000, 50);
            m.addLevel(a, Side.SELL, 10_000, 50);
            RoutingDecision d = e.route(Fixtures.buy(run + 1, 70, FixedPoint.NULL, RemainderPolicy.UNALLOCATED), m);
            assertThat(d.children()).extracting(ChildOrder::venue, ChildOrder::quantity)
                    .containsExactly(tuple(C, 50L), tuple(A, 20L));
        }
    }

    @Test
    void unusableAndUnknownVenuesAreExcluded() {
        MarketState m = market(1);
        int a = m.addVenue(A, 0);
        int b = m.addVenue(B, 0);
        int c = m.addVenue(C, 0);
        m.addLevel(a, Side.SELL, 10_000, 50);
        m.addLevel(b, Side.SELL, 9_000, 50);
        m.addLevel(c, Side.SELL, 9_000, 50);
        RouterEngine e = engine(Fixtures.noImpact());
        e.onStateChange(B, ConnectionState.LOGGED_ON, ConnectionState.DOWN, "test");
        RoutingDecision d = e.route(Fixtures.buy(1, 100, FixedPoint.NULL, RemainderPolicy.UNALLOCATED), m);
        assertThat(d.children()).extracting(ChildOrder::venue).containsExactly(A);
        assertThat(e.explanation(1).venues()).extracting(v -> v.excluded())
                .containsExactly(null, "connection DOWN", "not in the venue registry");
        e.onStateChange(B, ConnectionState.DOWN, ConnectionState.DEGRADED, "test");
        assertThat(e.route(Fixtures.buy(2, 100, FixedPoint.NULL, RemainderPolicy.UNALLOCATED), m).children())
                .extracting(ChildOrder::venue).containsExactly(B, A);
    }

    @Test
    void impactSpreadsALargeOrderAcrossVenues() {
        MarketState m = new MarketState(2, 5).reset(Fixtures.instrument(1), 200);
        int a = m.addVenue(A, 10_000);
        int b = m.addVenue(B, 10_000);
        m.addLevel(a, Side.SELL, 10_000, 1_000);
        m.addLevel(b, Side.SELL, 10_000, 1_000);
        RouterSettings s = Fixtures.noImpact().withImpact(io.nautilus.router.api.ImpactModel.LINEAR, 1.0);
        RoutingDecision d = engine(s).route(Fixtures.buy(1, 1_000, FixedPoint.NULL, RemainderPolicy.UNALLOCATED), m);
        // without impact the cheaper venue B would take everything it shows
        assertThat(d.children()).hasSize(1);
        assertThat(d.children().get(0).venue()).isEqualTo(B);
        // with impact at level granularity the whole level is one candidate; smaller levels spread
        MarketState fine = new MarketState(2, 10).reset(Fixtures.instrument(1), 200);
        a = fine.addVenue(A, 10_000);
        b = fine.addVenue(B, 10_000);
        for (int l = 0; l < 10; l++) {
            fine.addLevel(a, Side.SELL, 10_000 + l, 100);
            fine.addLevel(b, Side.SELL, 10_000 + l, 100);
        }
        RoutingDecision spread = engine(s).route(Fixtures.buy(2, 1_000, FixedPoint.NULL, RemainderPolicy.UNALLOCATED),
                fine);
        assertThat(spread.children()).extracting(ChildOrder::venue).containsExactlyInAnyOrder(A, B);
        assertThat(spread.allocatedQuantity()).isEqualTo(1_000);
    }

    @Test
    void passiveParentRestsWhereItIsCheapestUpToTheDisplayedTouch() {
        MarketState m = market(1);
        int a = m.addVenue(A, 0);
        int b = m.addVenue(B, 0);
        m.addLevel(a, Side.BUY, 9_999, 60);
        m.addLevel(b, Side.BUY, 9_999, 100);
        // maker: A -0.0020 a share beats B -0.1 bps (-0.0009999)
        RoutingDecision d = engine(Fixtures.noImpact()).route(Fixtures.order(1, Side.BUY, 100, 9_999,
                ExecutionStyle.PASSIVE, FixedPoint.NULL, RemainderPolicy.PASSIVE_AT_BEST_VENUE), m);
        assertThat(d.children()).extracting(ChildOrder::venue, ChildOrder::quantity, ChildOrder::limitPrice,
                        ChildOrder::style)
                .containsExactly(tuple(A, 60L, 9_999L, ExecutionStyle.PASSIVE),
                        tuple(B, 40L, 9_999L, ExecutionStyle.PASSIVE));
        assertThat(d.children().get(0).expectedCost().fees()).isEqualTo(-12);
    }
}
