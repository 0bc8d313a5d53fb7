package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Events;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.matching.EngineFixture.ALICE;
import static io.nautilus.core.matching.EngineFixture.BOB;
import static io.nautilus.core.matching.EngineFixture.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;

class IcebergTest {

    private final EngineFixture f = new EngineFixture();

    private void iceberg(long id, long price, long qty, long display) {
        f.order(id, ALICE, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, qty).display(display).send();
    }

    @Test
    void depthShowsOnlyTheDisplayedSlice() {
        iceberg(1, 100, 10, 3);

        assertThat(f.engine.depth(INSTRUMENT, Side.SELL, 1)).containsExactly(new LevelView(100, 3, 1));
        assertThat(f.view(1).openQty()).isEqualTo(10);
        assertThat(f.view(1).visibleQty()).isEqualTo(3);
    }

    @Test
    void replenishedSliceLosesTimePriority() {
        iceberg(1, 100, 10, 3);
        f.sell(2, BOB, 100, 4);

        Outcome out = f.buy(3, BOB, 100, 3);

        assertThat(out.fills()).containsExactly("3>1 3@100");
        assertThat(out.only(Events.TRADE).counterLeaves()).isEqualTo(7);
        assertThat(f.queue(Side.SELL)).containsExactly(2L, 1L);
        assertThat(f.engine.depth(INSTRUMENT, Side.SELL, 1)).containsExactly(new LevelView(100, 7, 2));
    }

    @Test
    void aggressorMeetsTheNewSliceAgainAfterTheOthers() {
        iceberg(1, 100, 10, 3);
        f.sell(2, BOB, 100, 4);

        Outcome out = f.buy(3, BOB, 100, 12);

        assertThat(out.fills()).containsExactly("3>1 3@100", "3>2 4@100", "3>1 3@100", "3>1 2@100");
        assertThat(f.view(1).openQty()).isEqualTo(2);
        assertThat(f.view(1).visibleQty()).isEqualTo(1);
    }

    @Test
    void lastSliceIsTheRemainder() {
        iceberg(1, 100, 7, 3);

        Outcome out = f.buy(2, BOB, 100, 7);

        assertThat(out.fills()).containsExactly("2>1 3@100", "2>1 3@100", "2>1 1@100");
        assertThat(f.engine.orderState(1)).isEqualTo(OrderState.FINISHED);
    }

    @Test
    void partialFillOfTheSliceKeepsPriority() {
        iceberg(1, 100, 10, 3);
        f.sell(2, BOB, 100, 4);

        f.buy(3, BOB, 100, 2);

        assertThat(f.queue(Side.SELL)).containsExactly(1L, 2L);
        assertThat(f.view(1).visibleQty()).isEqualTo(1);
    }

    @Test
    void cancelOfAnIcebergCancelsHiddenQuantityToo() {
        iceberg(1, 100, 10, 3);

        assertThat(f.cancel(1).only(Events.CANCELED).qty()).isEqualTo(10);
    }

    @Test
    void reduceTakesHiddenQuantityFirst() {
        iceberg(1, 100, 10, 3);

        f.reduce(1, 6);
        assertThat(f.view(1).visibleQty()).isEqualTo(3);
        assertThat(f.view(1).openQty()).isEqualTo(4);

        f.reduce(1, 2);
        assertThat(f.view(1).visibleQty()).isEqualTo(2);
        assertThat(f.view(1).openQty()).isEqualTo(2);
        assertThat(f.engine.depth(INSTRUMENT, Side.SELL, 1)).containsExactly(new LevelView(100, 2, 1));
    }

    @Test
    void restingIcebergTakerShowsOneSlice() {
        f.sell(1, BOB, 100, 2);

        f.order(2, ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 10).display(3).send();

        assertThat(f.view(2).openQty()).isEqualTo(8);
        assertThat(f.engine.depth(INSTRUMENT, Side.BUY, 1)).containsExactly(new LevelView(100, 3, 1));
    }
}
