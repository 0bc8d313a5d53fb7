package io.nautilus.router.internal;

import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.RoutingCounts;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.RoutingOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.nautilus.router.internal.Fixtures.A;
import static io.nautilus.router.internal.Fixtures.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingCountsTest {

    private final RouterEngine engine = new RouterEngine(new RouterSettings(60_000_000_000L,
            io.nautilus.router.api.ImpactModel.SQRT, 1.0, 8, BigDecimal.ZERO, 1, 1, 1, 10, 1000, 0, 0.5, 100),
            new Fixtures.ManualClock(), 500);

    @BeforeEach
    void registerVenues() {
        engine.putVenue(Fixtures.FEES_A);
        engine.putVenue(Fixtures.FEES_B);
    }

    /** Asks: A 2 @ 100.01 and 2 @ 100.03, B 2 @ 100.02. */
    private RoutingDecision buy(long id, long quantity, long limit) {
        MarketState m = new MarketState(2, 5).reset(Fixtures.instrument(1), 150);
        int a = m.addVenue(A, 100_000);
        int b = m.addVenue(B, 100_000);
        m.addLevel(a, Side.SELL, 10_001, 2).addLevel(a, Side.SELL, 10_003, 2);
        m.addLevel(b, Side.SELL, 10_002, 2);
        m.addLevel(a, Side.BUY, 9_999, 5);
        return engine.route(Fixtures.order(id, Side.BUY, quantity, limit, ExecutionStyle.MARKETABLE, 10_000,
                RemainderPolicy.UNALLOCATED), m);
    }

    private static long childrenAt(RoutingDecision d, VenueId venue) {
        return d.children().stream().map(ChildOrder::venue).filter(venue::equals).count();
    }

    @Test
    void everyOutcomeAndRegisteredVenueIsCountedFromZero() {
        RoutingCounts counts = engine.routingCounts();

        assertThat(counts.decisions()).containsOnly(Map.entry(RoutingOutcome.FULL, 0L),
                Map.entry(RoutingOutcome.PARTIAL, 0L), Map.entry(RoutingOutcome.NONE, 0L));
        assertThat(counts.childOrders()).containsExactly(Map.entry(A, 0L), Map.entry(B, 0L));
    }

    @Test
    void decisionsAreCountedByOutcomeAndTheirChildrenByVenue() {
        RoutingDecision full = buy(1, 6, 10_003);
        RoutingDecision partial = buy(2, 10, 10_003);
        RoutingDecision none = buy(3, 5, 9_000);

        assertThat(RoutingOutcome.of(full)).isEqualTo(RoutingOutcome.FULL);
        assertThat(RoutingOutcome.of(partial)).isEqualTo(RoutingOutcome.PARTIAL);
        assertThat(RoutingOutcome.of(none)).isEqualTo(RoutingOutcome.NONE);
        RoutingCounts counts = engine.routingCounts();
        assertThat(counts.decisions()).containsOnly(Map.entry(RoutingOutcome.FULL, 1L),
                Map.entry(RoutingOutcome.PARTIAL, 1L), Map.entry(RoutingOutcome.NONE, 1L));
        assertThat(counts.totalDecisions()).isEqualTo(3);
        assertThat(counts.childOrders()).containsExactly(
                Map.entry(A, childrenAt(full, A) + childrenAt(partial, A)),
                Map.entry(B, childrenAt(full, B) + childrenAt(partial, B)));
        assertThat(counts.childOrders().get(A)).isPositive();
        assertThat(counts.childOrders().get(B)).isPositive();
    }

    @Test
    void aRefusedParentIsNotADecision() {
        buy(1, 6, 10_003);

        assertThatThrownBy(() -> buy(1, 6, 10_003)).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.routingCounts().totalDecisions()).isEqualTo(1);
    }

    @Test
    void aVenueRemovedFromTheRegistryKeepsItsCount() {
        RoutingDecision full = buy(1, 6, 10_003);
        engine.removeVenue(B);

        assertThat(engine.routingCounts().childOrders()).containsEntry(B, childrenAt(full, B));
    }
}
