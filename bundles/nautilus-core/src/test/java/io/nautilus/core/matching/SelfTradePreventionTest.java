package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Events;
import io.nautilus.core.SelfTradePrevention;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.matching.EngineFixture.ALICE;
import static io.nautilus.core.matching.EngineFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

class SelfTradePreventionTest {

    private final EngineFixture f = new EngineFixture();

    private void restingAliceThenBob(SelfTradePrevention aliceMode) {
        f.engine.defineAccount(ALICE, aliceMode);
        f.sell(1, ALICE, 100, 5);
        f.sell(2, BOB, 100, 5);
    }

    @Test
    void noneTradesWithItself() {
        restingAliceThenBob(SelfTradePrevention.NONE);

        Outcome out = f.buy(3, ALICE, 100, 8);

        assertThat(out.fills()).containsExactly("3>1 5@100", "3>2 3@100");
    }

    @Test
    void cancelRestingCancelsTheOwnOrderAndContinues() {
        restingAliceThenBob(SelfTradePrevention.CANCEL_RESTING);

        Outcome out = f.buy(3, ALICE, 100, 8);

        assertThat(out.types()).containsExactly("ACCEPTED", "CANCELED", "TRADE");
        Ev canceled = out.only(Events.CANCELED);
        assertThat(canceled.orderId()).isEqualTo(1);
        assertThat(canceled.qty()).isEqualTo(5);
        assertThat(canceled.cancelReason()).isEqualTo(CancelReason.SELF_TRADE);
        assertThat(out.fills()).containsExactly("3>2 5@100");
        assertThat(f.queue(Side.BUY)).containsExactly(3L);
        assertThat(f.view(3).openQty()).isEqualTo(3);
    }

    @Test
    void cancelIncomingCancelsTheRestOfTheIncomingOnly() {
        f.engine.defineAccount(ALICE, SelfTradePrevention.CANCEL_INCOMING);
        f.sell(1, BOB, 100, 2);
        f.sell(2, ALICE, 100, 5);
        f.sell(3, BOB, 100, 5);

        Outcome out = f.buy(4, ALICE, 100, 8);

        assertThat(out.types()).containsExactly("ACCEPTED", "TRADE", "CANCELED");
        assertThat(out.fills()).containsExactly("4>1 2@100");
        Ev canceled = out.only(Events.CANCELED);
        assertThat(canceled.orderId()).isEqualTo(4);
        assertThat(canceled.qty()).isEqualTo(6);
        assertThat(canceled.cancelReason()).isEqualTo(CancelReason.SELF_TRADE);
        assertThat(f.queue(Side.SELL)).containsExactly(2L, 3L);
        assertThat(f.queue(Side.BUY)).isEmpty();
    }

    @Test
    void cancelBothCancelsRestingThenIncoming() {
        restingAliceThenBob(SelfTradePrevention.CANCEL_BOTH);

        Outcome out = f.buy(3, ALICE, 100, 8);

        assertThat(out.events()).extracting(Ev::typeName, Ev::orderId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACCEPTED", 3L),
                        org.assertj.core.groups.Tuple.tuple("CANCELED", 1L),
                        org.assertj.core.groups.Tuple.tuple("CANCELED", 3L));
        assertThat(f.queue(Side.SELL)).containsExactly(2L);
        assertThat(f.engine.workingOrderCount()).isEqualTo(1);
    }

    @Test
    void theIncomingAccountsModeDecides() {
        f.engine.defineAccount(ALICE, SelfTradePrevention.NONE);
        f.engine.defineAccount(BOB, SelfTradePrevention.CANCEL_BOTH);
        f.sell(1, BOB, 100, 5);

        Outcome out = f.buy(2, BOB, 100, 5);
        assertThat(out.types()).containsExactly("ACCEPTED", "CANCELED", "CANCELED");

        f.sell(3, ALICE, 100, 5);
        assertThat(f.buy(4, ALICE, 100, 5).fills()).containsExactly("4>3 5@100");
    }

    @Test
    void fokIgnoresOwnOrdersUnderStp() {
        f.engine.defineAccount(ALICE, SelfTradePrevention.CANCEL_RESTING);
        f.sell(1, ALICE, 100, 5);
        f.sell(2, BOB, 100, 5);

        Outcome rejected = f.order(3, ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 100, 8).send();
        assertThat(rejected.reject()).isEqualTo(RejectReason.FOK_CANNOT_FILL);

        Outcome filled = f.order(4, ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 100, 5).send();
        assertThat(filled.types()).containsExactly("ACCEPTED", "CANCELED", "TRADE");
    }

    @Test
    void fokCountsOwnOrdersWithoutStp() {
        f.sell(1, ALICE, 100, 5);
        f.sell(2, BOB, 100, 5);

        Outcome out = f.order(3, ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 100, 8).send();

        assertThat(out.fills()).containsExactly("3>1 5@100", "3>2 3@100");
    }
}
