package io.nautilus.core.matching;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.matching.EngineFixture.ALICE;
import static io.nautilus.core.matching.EngineFixture.BOB;
import static io.nautilus.core.matching.EngineFixture.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;

class ReplaceReduceTest {

    private static final long U = Command.UNCHANGED;

    private final EngineFixture f = new EngineFixture();

    @Test
    void quantityDecreaseKeepsPriority() {
        f.buy(1, ALICE, 100, 10);
        f.buy(2, BOB, 100, 10);

        Outcome out = f.replace(1, U, 6);

        assertThat(out.events()).containsExactly(new Ev(Events.REPLACED, 1, 0, ALICE, -1, INSTRUMENT, Side.BUY,
                100, 6, 6, 0, 1, 100, 10));
        assertThat(f.queue(Side.BUY)).containsExactly(1L, 2L);
        assertThat(f.engine.depth(INSTRUMENT, Side.BUY, 1)).containsExactly(new LevelView(100, 16, 2));
    }

    @Test
    void quantityIncreaseLosesPriority() {
        f.buy(1, ALICE, 100, 10);
        f.buy(2, BOB, 100, 10);

        Outcome out = f.replace(1, U, 12);

        assertThat(out.only(Events.REPLACED).reason()).isZero();
        assertThat(f.queue(Side.BUY)).containsExactly(2L, 1L);
        assertThat(f.engine.depth(INSTRUMENT, Side.BUY, 1)).containsExactly(new LevelView(100, 22, 2));
    }

    @Test
    void priceChangeLosesPriorityEvenBackToTheSamePrice() {
        f.buy(1, ALICE, 100, 10);
        f.buy(2, BOB, 100, 10);
        f.buy(3, BOB, 99, 10);

        f.replace(1, 99, U);
        assertThat(f.queue(Side.BUY)).containsExactly(2L, 3L, 1L);

        f.replace(1, 100, U);
        assertThat(f.queue(Side.BUY)).containsExactly(2L, 1L, 3L);
    }

    @Test
    void samePriceAndQuantityKeepsPriority() {
        f.buy(1, ALICE, 100, 10);
        f.buy(2, BOB, 100, 10);

        assertThat(f.replace(1, 100, 10).only(Events.REPLACED).reason()).isEqualTo(1);
        assertThat(f.queue(Side.BUY)).containsExactly(1L, 2L);
    }

    @Test
    void newQuantityIsTheTotalIncludingFills() {
        f.buy(1, ALICE, 100, 10);
        f.sell(2, BOB, 100, 4);

        Outcome out = f.replace(1, U, 8);

        Ev replaced = out.only(Events.REPLACED);
        assertThat(replaced.qty()).isEqualTo(8);
        assertThat(replaced.leaves()).isEqualTo(4);
        assertThat(replaced.value2()).isEqualTo(6);
        assertThat(f.view(1).openQty()).isEqualTo(4);
        assertThat(f.view(1).qty()).isEqualTo(8);
    }

    @Test
    void replaceToFilledQuantityCancels() {
        f.buy(1, ALICE, 100, 10);
        f.sell(2, BOB, 100, 4);

        Outcome out = f.replace(1, U, 4);

        assertThat(out.types()).containsExactly("CANCELED");
        assertThat(out.only(Events.CANCELED).qty()).isEqualTo(6);
        assertThat(out.only(Events.CANCELED).cancelReason()).isEqualTo(CancelReason.REPLACED_TO_FILLED);
        assertThat(f.engine.orderState(1)).isEqualTo(OrderState.FINISHED);
    }

    @Test
    void crossingReplaceTradesAsTakerAndRestsTheRemainder() {
        f.sell(1, BOB, 101, 3);
        f.sell(2, BOB, 102, 3);
        f.buy(3, ALICE, 100, 10);

        Outcome out = f.replace(3, 101, U);

        assertThat(out.types()).containsExactly("REPLACED", "TRADE");
        assertThat(out.fills()).containsExactly("3>1 3@101");
        assertThat(out.trades().get(0).value()).isEqualTo(3);
        assertThat(f.queue(Side.BUY)).containsExactly(3L);
        assertThat(f.view(3).price()).isEqualTo(101);
        assertThat(f.view(3).openQty()).isEqualTo(7);
    }

    @Test
    void postOnlyReplaceThatWouldCrossIsRejected() {
        f.sell(1, BOB, 101, 3);
        f.order(2, ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5).flags(OrderFlags.POST_ONLY).send();
        byte[] before = f.snapshot();

        Outcome out = f.replace(2, 101, U);

        assertThat(out.reject()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS);
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void replaceValidatesLikeNew() {
        f.engine.defineInstrument(INSTRUMENT, 5, 10, 20, 0, 0);
        f.buy(1, ALICE, 100, 50);

        assertThat(f.replace(1, U, U).reject()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(f.replace(1, 102, U).reject()).isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThat(f.replace(1, 0, U).reject()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(f.replace(1, U, 55).reject()).isEqualTo(RejectReason.QUANTITY_NOT_LOT_MULTIPLE);
        assertThat(f.replace(1, U, 10).reject()).isEqualTo(RejectReason.QUANTITY_BELOW_MINIMUM);
        assertThat(f.replace(1, U, 0).reject()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(f.view(1).price()).isEqualTo(100);
        assertThat(f.view(1).openQty()).isEqualTo(50);
    }

    @Test
    void replacePriceOfAMarketStopIsInvalid() {
        f.order(1, ALICE, Side.BUY, OrderType.STOP, TimeInForce.GTC, 0, 5).stop(110).send();

        assertThat(f.replace(1, 100, U).reject()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(f.replace(1, U, 7).types()).containsExactly("REPLACED");
    }

    @Test
    void reduceKeepsPriority() {
        f.buy(1, ALICE, 100, 10);
        f.buy(2, BOB, 100, 10);

        Outcome out = f.reduce(1, 3);

        assertThat(out.events()).containsExactly(new Ev(Events.REDUCED, 1, 0, ALICE, -1, INSTRUMENT, Side.BUY,
                100, 3, 7, 0, 0, 0, 0));
        assertThat(f.queue(Side.BUY)).containsExactly(1L, 2L);
        assertThat(f.view(1).qty()).isEqualTo(7);
        assertThat(f.engine.depth(INSTRUMENT, Side.BUY, 1)).containsExactly(new LevelView(100, 17, 2));
    }

    @Test
    void reduceToZeroCancels() {
        f.buy(1, ALICE, 100, 10);

        Outcome out = f.reduce(1, 12);

        assertThat(out.types()).containsExactly("CANCELED");
        assertThat(out.only(Events.CANCELED).qty()).isEqualTo(10);
        assertThat(out.only(Events.CANCELED).cancelReason()).isEqualTo(CancelReason.USER);
    }

    @Test
    void reduceOfNothingIsInvalid() {
        f.buy(1, ALICE, 100, 10);

        assertThat(f.reduce(1, 0).reject()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(f.reduce(1, -1).reject()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(f.view(1).openQty()).isEqualTo(10);
    }

    @Test
    void replaceAfterReduceUsesTheReducedTotal() {
        f.buy(1, ALICE, 100, 10);
        f.buy(2, BOB, 100, 10);
        f.reduce(1, 4);

        Outcome out = f.replace(1, U, 8);

        assertThat(out.only(Events.REPLACED).leaves()).isEqualTo(8);
        assertThat(out.only(Events.REPLACED).reason()).isZero();
        assertThat(f.queue(Side.BUY)).containsExactly(2L, 1L);
    }
}
