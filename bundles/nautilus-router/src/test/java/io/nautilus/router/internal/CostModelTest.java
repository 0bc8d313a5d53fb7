package io.nautilus.router.internal;

import io.nautilus.api.Side;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.CostBreakdown;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.FeeModel;
import io.nautilus.router.api.ImpactModel;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.VenueFeeSchedule;
import org.junit.jupiter.api.Test;

import static io.nautilus.router.internal.Fixtures.A;
import static io.nautilus.router.internal.Fixtures.B;
import static org.assertj.core.api.Assertions.assertThat;

class CostModelTest {

    private final Fixtures.ManualClock clock = new Fixtures.ManualClock();

    private CostBreakdown costOfOne(RouterSettings s, VenueFeeSchedule fees, ExecutionStyle style, Side side,
                                    long price, long qty, long adv, double sigma) {
        RouterEngine e = new RouterEngine(s, clock, 1);
        e.putVenue(fees);
        MarketState m = new MarketState(1, 5).reset(Fixtures.instrument(1), sigma);
        int v = m.addVenue(fees.venue(), adv);
        m.addLevel(v, style == ExecutionStyle.MARKETABLE ? side.opposite() : side, price, qty);
        RoutingDecision d = e.route(Fixtures.order(1, side, qty, price, style, 10_000, RemainderPolicy.UNALLOCATED), m);
        assertThat(d.children()).hasSize(1);
        return d.children().get(0).expectedCost();
    }

    @Test
    void perUnitTakerFeeIsRateTimesQuantity() {
        // 100 shares x 0.0030 USD = 0.30 USD = 30 at price scale 2
        CostBreakdown c = costOfOne(Fixtures.noImpact(), Fixtures.FEES_A, ExecutionStyle.MARKETABLE, Side.BUY, 10_000,
                100, 0, 0);
        assertThat(c).isEqualTo(new CostBreakdown(1_000_000, 30, 0, 0));
        assertThat(c.total()).isEqualTo(30);
    }

    @Test
    void perUnitMakerRebateIsNegative() {
        // 100 shares x -0.0020 USD = -0.20 USD
        CostBreakdown c = costOfOne(Fixtures.noImpact(), Fixtures.FEES_A, ExecutionStyle.PASSIVE, Side.SELL, 10_000,
                100, 0, 0);
        assertThat(c.fees()).isEqualTo(-20);
    }

    @Test
    void bpsFeeIsRateTimesNotional() {
        // 0.2 bps of 100 x 100.00 = 10 000.00 USD -> 0.20 USD; the maker rebate -0.1 bps -> -0.10 USD
        assertThat(costOfOne(Fixtures.noImpact(), Fixtures.FEES_B, ExecutionStyle.MARKETABLE, Side.BUY, 10_000, 100, 0,
                0).fees()).isEqualTo(20);
        assertThat(costOfOne(Fixtures.noImpact(), Fixtures.FEES_B, ExecutionStyle.PASSIVE, Side.BUY, 10_000, 100, 0,
                0).fees()).isEqualTo(-10);
    }

    @Test
    void feesRoundHalfEvenAtThePriceScale() {
        VenueFeeSchedule tiny = VenueFeeSchedule.parse(A, FeeModel.PER_UNIT, "0", "0.0005", true);
        // 10 x 0.0005 = 0.005 USD: a tie, to the even cent 0.00; 30 x 0.0005 = 0.015 -> 0.02
        assertThat(costOfOne(Fixtures.noImpact(), tiny, ExecutionStyle.MARKETABLE, Side.BUY, 10_000, 10, 0, 0).fees())
                .isZero();
        assertThat(costOfOne(Fixtures.noImpact(), tiny, ExecutionStyle.MARKETABLE, Side.BUY, 10_000, 30, 0, 0).fees())
                .isEqualTo(2);
        VenueFeeSchedule bps = VenueFeeSchedule.parse(B, FeeModel.BPS, "0", "0.25", true);
        // 0.25 bps of 1 x 100.00 = 0.0025 USD -> 0.00; of 3 x 100.00 = 0.0075 -> 0.01
        assertThat(costOfOne(Fixtures.noImpact(), bps, ExecutionStyle.MARKETABLE, Side.BUY, 10_000, 1, 0, 0).fees())
                .isZero();
        assertThat(costOfOne(Fixtures.noImpact(), bps, ExecutionStyle.MARKETABLE, Side.BUY, 10_000, 3, 0, 0).fees())
                .isEqualTo(1);
    }

    @Test
    void linearImpactIsCoefficientTimesSigmaTimesParticipation() {
        // 1 x 200 bps x (100 / 10 000) = 2 bps of 100 x 100.00 (arrival) = 2.00 USD
        RouterSettings s = Fixtures.noImpact().withImpact(ImpactModel.LINEAR, 1.0);
        assertThat(costOfOne(s, Fixtures.FEES_A, ExecutionStyle.MARKETABLE, Side.BUY, 10_000, 100, 10_000, 200)
                .impact()).isEqualTo(200);
        // coefficient 0.5 halves it
        assertThat(costOfOne(s.withImpact(ImpactModel.LINEAR, 0.5), Fixtures.FEES_A, ExecutionStyle.MARKETABLE,
                Side.BUY, 10_000, 100, 10_000, 200).impact()).isEqualTo(100);
    }

    @Test
    void sqrtImpactIsCoefficientTimesSigmaTimesRootParticipation() {
        // 1 x 200 bps x sqrt(100 / 10 000) = 20 bps of 10 000.00 USD = 20.00 USD
        RouterSettings s = Fixtures.noImpact().withImpact(ImpactModel.SQRT, 1.0);
        assertThat(costOfOne(s, Fixtures.FEES_A, ExecutionStyle.MARKETABLE, Side.BUY, 10_000, 100, 10_000, 200)
                .impact()).isEqualTo(2000);
    }

    @Test
    void unknownAdvMeansNoImpact() {
        RouterSettings s = Fixtures.noImpact().withImpact(ImpactModel.SQRT, 1.0);
        assertThat(costOfOne(s, Fixtures.FEES_A, ExecutionStyle.MARKETABLE, Side.BUY, 10_000, 100, 0, 200).impact())
                .isZero();
    }

    @Test
    void expectedSlippageComesFromTheVenueScore() {
        RouterEngine e = new RouterEngine(Fixtures.noImpact(), clock, 1);
        e.putVenue(Fixtures.FEES_A);
        MarketState m = new MarketState(1, 5).reset(Fixtures.instrument(1), 0);
        int v = m.addVenue(A, 0);
        m.addLevel(v, Side.SELL, 10_000, 1_000);
        // one fill 10 bps worse than arrival (100.10 vs 100.00)
        ChildOrder c = e.route(Fixtures.order(1, Side.BUY, 100, 10_010, ExecutionStyle.MARKETABLE, 10_000,
                RemainderPolicy.UNALLOCATED), m).children().get(0);
        e.onExecutionReport(Fixtures.fill(c, 0, 10_010, 100));
        ChildOrder next = e.route(Fixtures.order(2, Side.BUY, 100, 10_000, ExecutionStyle.MARKETABLE, 10_000,
                RemainderPolicy.UNALLOCATED), m).children().get(0);
        // one sample of 10 bps (weight 1) blended with the prior's 0 bps (weight 1): 5 bps
        assertThat(e.score(A, Side.BUY).buySlippageBps()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-9));
        // 5 bps of 10 000.00 USD = 5.00 USD
        assertThat(next.expectedCost().slippage()).isEqualTo(500);
    }
}
