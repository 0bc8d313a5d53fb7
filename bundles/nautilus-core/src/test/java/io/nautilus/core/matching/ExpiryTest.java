package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Events;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.matching.EngineFixture.ALICE;
import static io.nautilus.core.matching.EngineFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

class ExpiryTest {

    private final EngineFixture f = new EngineFixture();

    private void gtd(long id, long price, long expiry) {
        f.order(id, ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.GTD, price, 5).expiry(expiry).send();
    }

    @Test
    void clockExpiresGtdOrdersAtOrBeforeItsTime() {
        gtd(3, 100, 2_000);
        gtd(1, 99, 1_000);
        gtd(2, 98, 3_000);

        Outcome early = f.clock(999, false);
        assertThat(early.events()).isEmpty();

        Outcome out = f.clock(2_000, false);

        assertThat(out.events()).extracting(Ev::typeName, Ev::orderId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EXPIRED", 1L),
                        org.assertj.core.groups.Tuple.tuple("EXPIRED", 3L));
        assertThat(out.events().get(0).qty()).isEqualTo(5);
        assertThat(out.events().get(0).price()).isEqualTo(99);
        assertThat(f.queue(Side.BUY)).containsExactly(2L);
        assertThat(f.engine.orderState(1)).isEqualTo(OrderState.FINISHED);

        assertThat(f.clock(3_000, false).events()).extracting(Ev::orderId).containsExactly(2L);
    }

    @Test
    void endOfDayExpiresDayOrdersOnly() {
        f.order(1, ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 100, 5).send();
        f.buy(2, ALICE, 99, 5);
        f.order(3, BOB, Side.SELL, OrderType.STOP, TimeInForce.DAY, 0, 5).stop(90).send();

        assertThat(f.clock(10, false).events()).isEmpty();

        Outcome out = f.clock(20, true);

        assertThat(out.events()).extracting(Ev::orderId).containsExactly(1L, 3L);
        assertThat(out.events()).allMatch(e -> e.type() == Events.EXPIRED);
        assertThat(f.engine.workingOrders()).extracting(OrderView::orderId).containsExactly(2L);
    }

    @Test
    void partiallyFilledGtdExpiresItsOpenQuantity() {
        gtd(1, 100, 1_000);
        f.sell(2, BOB, 100, 2);

        assertThat(f.clock(1_000, false).only(Events.EXPIRED).qty()).isEqualTo(3);
    }

    @Test
    void canceledGtdOrderDoesNotExpireLater() {
        gtd(1, 100, 1_000);
        gtd(2, 100, 5_000);
        f.cancel(1);

        assertThat(f.clock(1_000, false).events()).isEmpty();
        assertThat(f.clock(5_000, false).events()).extracting(Ev::orderId).containsExactly(2L);
    }
}
