package io.nautilus.router.internal;

import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.FeeModel;
import io.nautilus.router.api.ImpactModel;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.ParentOrderState;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.VenueFeeSchedule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SplitPropertiesTest {

    private static final long MID = 10_000;

    @Property(tries = 500)
    void childrenConserveTheParentAndRespectLotsMinimumsAndLimit(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 5) int venues,
            @ForAll @LongRange(min = 1, max = 5_000) long quantity,
            @ForAll @IntRange(min = 1, max = 8) int maxChildren) {
        Random rnd = new Random(seed);
        long lot = new long[]{1, 5, 10}[rnd.nextInt(3)];
        long minChild = lot * (1 + rnd.nextInt(4));
        RouterSettings s = RouterSettings.defaults().withImpact(rnd.nextBoolean() ? ImpactModel.SQRT
                : ImpactModel.LINEAR, rnd.nextDouble()).withLimits(maxChildren, BigDecimal.valueOf(minChild));
        RouterEngine engine = new RouterEngine(s, new Fixtures.ManualClock(), 1);
        MarketState m = new MarketState(5, 5).reset(Fixtures.instrument(lot), rnd.nextInt(300));
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        ExecutionStyle style = rnd.nextInt(4) == 0 ? ExecutionStyle.PASSIVE : ExecutionStyle.MARKETABLE;
        for (int v = 0; v < venues; v++) {
            VenueId id = VenueId.of("V" + v);
            engine.putVenue(VenueFeeSchedule.parse(id, rnd.nextBoolean() ? FeeModel.BPS : FeeModel.PER_UNIT,
                    Integer.toString(rnd.nextInt(5) - 3), Integer.toString(rnd.nextInt(5)), rnd.nextInt(6) > 0));
            int i = m.addVenue(id, rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(1_000_000));
            long ask = MID + rnd.nextInt(5);
            long bid = MID - 1 - rnd.nextInt(5);
            int levels = rnd.nextInt(6);
            for (int l = 0; l < levels; l++) {
                m.addLevel(i, Side.SELL, ask, 1 + rnd.nextInt(400));
                m.addLevel(i, Side.BUY, bid, 1 + rnd.nextInt(400));
                ask += 1 + rnd.nextInt(3);
                bid -= 1 + rnd.nextInt(3);
            }
        }
        long limit = rnd.nextInt(3) == 0 ? FixedPoint.NULL : MID + (side == Side.BUY ? 1 : -2) * rnd.nextInt(8);
        ParentOrder p = new ParentOrder(1, Fixtures.ACME, side, quantity, limit, style,
                FixedPoint.NULL, rnd.nextBoolean() ? RemainderPolicy.PASSIVE_AT_BEST_VENUE : RemainderPolicy.UNALLOCATED);
        RoutingDecision d = engine.route(p, m);

        long sum = 0;
        Map<String, Long> takenPerVenue = new HashMap<>();
        for (ChildOrder c : d.children()) {
            sum += c.quantity();
            assertThat(c.quantity() % lot).isZero();
            assertThat(c.quantity()).isGreaterThanOrEqualTo(minChild);
            assertThat(p.withinLimit(c.limitPrice())).isTrue();
            if (!c.remainder()) {
                takenPerVenue.merge(c.venue().value(), c.quantity(), Long::sum);
            }
        }
        assertThat(sum).isEqualTo(d.allocatedQuantity());
        assertThat(sum + d.unallocatedQuantity()).isEqualTo(quantity);
        assertThat(d.unallocatedQuantity()).isGreaterThanOrEqualTo(0);
        assertThat(d.children().size()).isLessThanOrEqualTo(maxChildren);
        // a marketable child never takes more than its venue displays within the limit
        if (style == ExecutionStyle.MARKETABLE) {
            for (int v = 0; v < m.venueCount(); v++) {
                long shown = 0;
                for (int l = 0; l < m.levelCount(v, side.opposite()); l++) {
                    if (p.withinLimit(m.price(v, side.opposite(), l))) {
                        shown += m.size(v, side.opposite(), l);
                    }
                }
                assertThat(takenPerVenue.getOrDefault(m.venue(v).value(), 0L)).isLessThanOrEqualTo(shown);
            }
        }
    }

    @Property(tries = 300)
    void fillsNeverOverfillTheParent(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                     @ForAll @LongRange(min = 1, max = 2_000) long quantity) {
        Random rnd = new Random(seed);
        RouterEngine engine = new RouterEngine(RouterSettings.defaults(), new Fixtures.ManualClock(), 1);
        MarketState m = new MarketState(3, 5).reset(Fixtures.instrument(1), 100);
        for (int v = 0; v < 3; v++) {
            VenueId id = VenueId.of("V" + v);
            engine.putVenue(VenueFeeSchedule.parse(id, FeeModel.BPS, "-0.1", "0.3", true));
            int i = m.addVenue(id, 100_000);
            for (int l = 0; l < 1 + rnd.nextInt(5); l++) {
                m.addLevel(i, Side.SELL, MID + l, 1 + rnd.nextInt(500));
            }
        }
        RoutingDecision d = engine.route(Fixtures.buy(7, quantity, FixedPoint.NULL,
                RemainderPolicy.PASSIVE_AT_BEST_VENUE), m);
        BigDecimal pxq = BigDecimal.ZERO;
        long expectedCum = 0;
        for (ChildOrder c : d.children()) {
            long cum = 0;
            // random fills, sometimes more than the child's quantity (a broken venue): never counted beyond it
            while (cum < c.quantity() && rnd.nextInt(5) > 0) {
                long q = 1 + rnd.nextInt((int) Math.min(c.quantity() + 3, Integer.MAX_VALUE));
                long counted = Math.min(q, c.quantity() - cum);
                long px = MID + rnd.nextInt(5);
                long cumReported = cum + q;
                engine.onExecutionReport(new io.nautilus.api.order.ExecutionReport(
                        Fixtures.EXEC_IDS.incrementAndGet(), c.childOrderId(), 0, 0,
                        io.nautilus.api.AccountId.of("acct"), null, Fixtures.ACME, c.venue(), Side.BUY,
                        io.nautilus.api.order.ExecType.PARTIAL_FILL,
                        io.nautilus.api.order.OrderStatus.PARTIALLY_FILLED, io.nautilus.api.order.RejectReason.NONE,
                        io.nautilus.api.order.CancelReason.NONE, io.nautilus.api.order.Liquidity.TAKER, null, px, q, 1,
                        cumReported, px, 1, 1));
                cum += counted;
                expectedCum += counted;
                pxq = pxq.add(BigDecimal.valueOf(px * counted));
            }
            ParentOrderState s = engine.parentState(7);
            assertThat(s.cumulativeQuantity()).isLessThanOrEqualTo(quantity);
        }
        ParentOrderState s = engine.parentState(7);
        assertThat(s.cumulativeQuantity()).isEqualTo(expectedCum);
        assertThat(s.leavesQuantity() + s.cumulativeQuantity()).isEqualTo(s.status().isFinished()
                ? s.cumulativeQuantity() : quantity);
        if (expectedCum > 0) {
            long exact = pxq.divide(BigDecimal.valueOf(expectedCum), 0, java.math.RoundingMode.HALF_EVEN)
                    .longValueExact();
            assertThat(s.averagePrice()).isEqualTo(exact);
        }
    }
}
