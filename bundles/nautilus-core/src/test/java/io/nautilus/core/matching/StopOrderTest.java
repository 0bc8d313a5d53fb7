package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.core.Events;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.matching.EngineFixture.ALICE;
import static io.nautilus.core.matching.EngineFixture.BOB;
import static io.nautilus.core.matching.EngineFixture.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class StopOrderTest {

    private final EngineFixture f = new EngineFixture();

    private Outcome buyStop(long id, long stop, long qty) {
        return f.order(id, ALICE, Side.BUY, OrderType.STOP, TimeInForce.GTC, 0, qty).stop(stop).send();
    }

    @Test
    void stopRestsUntriggeredOutsideTheBook() {
        Outcome out = buyStop(1, 105, 5);

        assertThat(out.types()).containsExactly("ACCEPTED");
        assertThat(f.view(1).state()).isEqualTo(OrderState.STOP_PENDING);
        assertThat(f.engine.orderState(1)).isEqualTo(OrderState.STOP_PENDING);
        assertThat(f.queue(Side.BUY)).isEmpty();
        assertThat(f.engine.stopOrders(INSTRUMENT)).extracting(OrderView::orderId).containsExactly(1L);
    }

    @Test
    void tradeAtTheStopTriggersABuyStopAsMarket() {
        buyStop(1, 105, 5);
        f.sell(2, BOB, 105, 1);
        f.sell(3, BOB, 107, 10);

        Outcome out = f.buy(4, BOB, 105, 1);

        assertThat(out.events()).extracting(Ev::typeName, Ev::orderId).containsExactly(
                tuple("ACCEPTED", 4L), tuple("TRADE", 4L), tuple("TRIGGERED", 1L), tuple("TRADE", 1L));
        assertThat(out.only(Events.TRIGGERED).price()).isEqualTo(105);
        assertThat(out.only(Events.TRIGGERED).qty()).isEqualTo(5);
        assertThat(out.fills()).containsExactly("4>2 1@105", "1>3 5@107");
        assertThat(f.engine.orderState(1)).isEqualTo(OrderState.FINISHED);
    }

    @Test
    void tradeBelowABuyStopDoesNotTrigger() {
        buyStop(1, 105, 5);
        f.sell(2, BOB, 104, 1);

        f.buy(3, BOB, 104, 1);

        assertThat(f.engine.orderState(1)).isEqualTo(OrderState.STOP_PENDING);
    }

    @Test
    void sellStopTriggersAtOrBelowAndRestsAsLimit() {
        f.order(1, ALICE, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.GTC, 98, 5).stop(99).send();
        f.buy(2, BOB, 99, 1);
        f.buy(3, BOB, 97, 1);

        Outcome out = f.sell(4, BOB, 99, 1);

        assertThat(out.types()).containsExactly("ACCEPTED", "TRADE", "TRIGGERED");
        assertThat(f.queue(Side.SELL)).containsExactly(1L);
        assertThat(f.view(1).state()).isEqualTo(OrderState.WORKING);
        assertThat(f.view(1).price()).isEqualTo(98);
    }

    @Test
    void intermediateTradePricesTriggerToo() {
        f.order(1, ALICE, Side.SELL, OrderType.STOP, TimeInForce.GTC, 0, 1).stop(100).send();
        f.sell(2, BOB, 100, 1);
        f.sell(3, BOB, 101, 1);
        f.buy(9, BOB, 90, 5);

        Outcome out = f.buy(4, BOB, 101, 2);

        assertThat(out.fills()).containsExactly("4>2 1@100", "4>3 1@101", "1>9 1@90");
    }

    @Test
    void stopTriggeredAtEntryWhenTheConditionAlreadyHolds() {
        f.sell(1, BOB, 100, 1);
        f.buy(2, BOB, 100, 1);
        f.sell(3, BOB, 101, 5);

        Outcome out = buyStop(4, 100, 2);

        assertThat(out.types()).containsExactly("ACCEPTED", "TRIGGERED", "TRADE");
        assertThat(out.fills()).containsExactly("4>3 2@101");
    }

    @Test
    void stopsTriggeredByOneTradeRunInArrivalOrder() {
        f.order(1, ALICE, Side.BUY, OrderType.STOP, TimeInForce.GTC, 0, 1).stop(103).send();
        f.order(2, ALICE, Side.BUY, OrderType.STOP, TimeInForce.GTC, 0, 1).stop(101).send();
        f.order(3, ALICE, Side.SELL, OrderType.STOP, TimeInForce.GTC, 0, 1).stop(110).send();
        f.sell(10, BOB, 105, 1);
        f.sell(11, BOB, 106, 1);
        f.buy(12, BOB, 90, 1);

        Outcome out = f.buy(13, BOB, 105, 1);

        assertThat(out.events()).extracting(Ev::typeName, Ev::orderId).containsExactly(
                tuple("ACCEPTED", 13L), tuple("TRADE", 13L),
                tuple("TRIGGERED", 1L), tuple("TRADE", 1L),
                tuple("TRIGGERED", 2L), tuple("CANCELED", 2L),
                tuple("TRIGGERED", 3L), tuple("TRADE", 3L));
        assertThat(out.fills()).containsExactly("13>10 1@105", "1>11 1@106", "3>12 1@90");
        assertThat(out.events().get(5).cancelReason()).isEqualTo(CancelReason.IOC_REMAINDER);
    }

    @Test
    void triggeredStopsCascade() {
        buyStop(1, 101, 1);
        buyStop(2, 102, 1);
        f.sell(10, BOB, 101, 1);
        f.sell(11, BOB, 102, 1);
        f.sell(12, BOB, 103, 1);

        Outcome out = f.buy(13, BOB, 101, 1);

        assertThat(out.fills()).containsExactly("13>10 1@101", "1>11 1@102", "2>12 1@103");
        assertThat(f.engine.lastTradePrice(INSTRUMENT)).isEqualTo(103);
        assertThat(f.engine.workingOrderCount()).isZero();
    }

    @Test
    void cancelOfAPendingStop() {
        buyStop(1, 105, 5);

        Outcome out = f.cancel(1);

        assertThat(out.only(Events.CANCELED).qty()).isEqualTo(5);
        assertThat(f.engine.stopOrders(INSTRUMENT)).isEmpty();
        f.sell(2, BOB, 105, 1);
        assertThat(f.buy(3, BOB, 105, 1).types()).containsExactly("ACCEPTED", "TRADE");
    }

    @Test
    void replaceOfAPendingStopLimitChangesItsLimitWithoutTriggering() {
        f.order(1, ALICE, Side.BUY, OrderType.STOP_LIMIT, TimeInForce.GTC, 105, 5).stop(105).send();
        f.sell(2, BOB, 108, 10);

        Outcome out = f.replace(1, 110, 6);

        assertThat(out.types()).containsExactly("REPLACED");
        assertThat(f.view(1).price()).isEqualTo(110);
        assertThat(f.view(1).openQty()).isEqualTo(6);
        assertThat(f.view(1).state()).isEqualTo(OrderState.STOP_PENDING);
    }

    @Test
    void fokStopLimitThatCannotFillIsCanceledOnTrigger() {
        f.order(1, ALICE, Side.BUY, OrderType.STOP_LIMIT, TimeInForce.FOK, 105, 5).stop(100).send();
        f.sell(2, BOB, 100, 1);
        f.sell(3, BOB, 105, 1);

        Outcome out = f.buy(4, BOB, 100, 1);

        assertThat(out.types()).containsExactly("ACCEPTED", "TRADE", "TRIGGERED", "CANCELED");
        assertThat(out.events().get(3).cancelReason()).isEqualTo(CancelReason.FOK_NOT_FILLED);
    }

    @Test
    void sellStopNeedsATradeFirst() {
        Outcome out = f.order(1, ALICE, Side.SELL, OrderType.STOP, TimeInForce.GTC, 0, 5).stop(100).send();

        assertThat(out.types()).containsExactly("ACCEPTED");
        assertThat(f.engine.orderState(1)).isEqualTo(OrderState.STOP_PENDING);
    }
}
