package io.nautilus.core.matching;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Events;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.nautilus.core.matching.EngineFixture.ALICE;
import static io.nautilus.core.matching.EngineFixture.BOB;
import static io.nautilus.core.matching.EngineFixture.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;

class MatchingEngineTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void restingLimitIsAcceptedAndShownInDepth() {
        Outcome out = f.buy(1, ALICE, 100, 10);

        assertThat(out.reject()).isEqualTo(RejectReason.NONE);
        assertThat(out.events()).containsExactly(new Ev(Events.ACCEPTED, 1, 0, ALICE, -1, INSTRUMENT, Side.BUY,
                100, 10, 10, 0, 0, 0, 0));
        assertThat(f.engine.depth(INSTRUMENT, Side.BUY, 5)).containsExactly(new LevelView(100, 10, 1));
        assertThat(f.engine.bestBid(INSTRUMENT)).isEqualTo(100);
        assertThat(f.engine.bestAsk(INSTRUMENT)).isEqualTo(MatchingEngine.NO_PRICE);
        assertThat(f.engine.workingOrderCount()).isEqualTo(1);
    }

    @Test
    void equalPricesFillInArrivalOrder() {
        f.sell(1, ALICE, 100, 5);
        f.sell(2, BOB, 100, 5);
        f.sell(3, ALICE, 100, 5);

        Outcome out = f.buy(4, BOB, 100, 12);

        assertThat(out.fills()).containsExactly("4>1 5@100", "4>2 5@100", "4>3 2@100");
        assertThat(f.queue(Side.SELL)).containsExactly(3L);
        assertThat(f.view(3).openQty()).isEqualTo(3);
    }

    @Test
    void betterPricesFillFirstAtTheMakersPrice() {
        f.sell(1, ALICE, 102, 5);
        f.sell(2, ALICE, 100, 5);
        f.sell(3, ALICE, 101, 5);

        Outcome out = f.buy(4, BOB, 105, 12);

        assertThat(out.fills()).containsExactly("4>2 5@100", "4>3 5@101", "4>1 2@102");
        assertThat(f.engine.lastTradePrice(INSTRUMENT)).isEqualTo(102);
    }

    @Test
    void tradeEventCarriesLeavesAndCumulativeQuantities() {
        f.sell(1, ALICE, 100, 10);
        f.buy(2, BOB, 100, 4);

        Outcome out = f.buy(3, BOB, 100, 4);

        assertThat(out.events()).containsExactly(
                new Ev(Events.ACCEPTED, 3, 0, BOB, -1, INSTRUMENT, Side.BUY, 100, 4, 4, 0, 0, 0, 0),
                new Ev(Events.TRADE, 3, 1, BOB, ALICE, INSTRUMENT, Side.BUY, 100, 4, 0, 2, 0, 4, 8));
    }

    @Test
    void partialFillRestsTheRemainder() {
        f.sell(1, ALICE, 100, 3);

        Outcome out = f.buy(2, BOB, 101, 10);

        assertThat(out.fills()).containsExactly("2>1 3@100");
        assertThat(f.engine.depth(INSTRUMENT, Side.BUY, 5)).containsExactly(new LevelView(101, 7, 1));
        assertThat(f.engine.depth(INSTRUMENT, Side.SELL, 5)).isEmpty();
        OrderView rest = f.view(2);
        assertThat(rest.filledQty()).isEqualTo(3);
        assertThat(rest.openQty()).isEqualTo(7);
        assertThat(rest.qty()).isEqualTo(10);
    }

    @Test
    void nonCrossingLimitDoesNotTrade() {
        f.sell(1, ALICE, 101, 3);

        Outcome out = f.buy(2, BOB, 100, 3);

        assertThat(out.types()).containsExactly("ACCEPTED");
        assertThat(f.engine.bestBid(INSTRUMENT)).isEqualTo(100);
        assertThat(f.engine.bestAsk(INSTRUMENT)).isEqualTo(101);
    }

    @Test
    void iocCancelsItsRemainder() {
        f.sell(1, ALICE, 100, 3);

        Outcome out = f.order(2, BOB, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 100, 10).send();

        assertThat(out.types()).containsExactly("ACCEPTED", "TRADE", "CANCELED");
        Ev canceled = out.only(Events.CANCELED);
        assertThat(canceled.qty()).isEqualTo(7);
        assertThat(canceled.cancelReason()).isEqualTo(CancelReason.IOC_REMAINDER);
        assertThat(f.engine.workingOrderCount()).isZero();
        assertThat(f.engine.orderState(2)).isEqualTo(OrderState.FINISHED);
    }

    @Test
    void fullyFilledIocHasNoCancel() {
        f.sell(1, ALICE, 100, 10);

        Outcome out = f.order(2, BOB, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 100, 10).send();

        assertThat(out.types()).containsExactly("ACCEPTED", "TRADE");
    }

    @Test
    void marketOrderSweepsAnyPriceAndCancelsTheRestWhateverItsTif() {
        f.sell(1, ALICE, 100, 3);
        f.sell(2, ALICE, 200, 3);

        Outcome out = f.order(3, BOB, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0, 10).send();

        assertThat(out.fills()).containsExactly("3>1 3@100", "3>2 3@200");
        assertThat(out.only(Events.CANCELED).qty()).isEqualTo(4);
        assertThat(out.only(Events.CANCELED).cancelReason()).isEqualTo(CancelReason.IOC_REMAINDER);
        assertThat(out.only(Events.ACCEPTED).price()).isZero();
        assertThat(f.engine.workingOrderCount()).isZero();
    }

    @Test
    void marketOrderIntoEmptySideIsAcceptedThenCanceled() {
        Outcome out = f.order(1, BOB, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 10).send();

        assertThat(out.types()).containsExactly("ACCEPTED", "CANCELED");
        assertThat(out.only(Events.CANCELED).qty()).isEqualTo(10);
    }

    @Test
    void fokThatCanFillTradesCompletely() {
        f.sell(1, ALICE, 100, 4);
        f.sell(2, ALICE, 101, 6);

        Outcome out = f.order(3, BOB, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 101, 10).send();

        assertThat(out.fills()).containsExactly("3>1 4@100", "3>2 6@101");
        assertThat(out.types()).doesNotContain("CANCELED");
    }

    @Test
    void fokThatCannotFillIsRejectedAndChangesNothing() {
        f.sell(1, ALICE, 100, 4);
        f.sell(2, ALICE, 102, 6);
        byte[] before = f.snapshot();

        Outcome out = f.order(3, BOB, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 101, 10).send();

        assertThat(out.reject()).isEqualTo(RejectReason.FOK_CANNOT_FILL);
        assertThat(out.types()).containsExactly("REJECTED");
        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(f.engine.orderState(3)).isEqualTo(OrderState.UNKNOWN);
    }

    @Test
    void fokCountsHiddenIcebergQuantity() {
        f.order(1, ALICE, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 100, 10).display(2).send();

        Outcome out = f.order(2, BOB, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 100, 10).send();

        assertThat(out.reject()).isEqualTo(RejectReason.NONE);
        assertThat(out.trades()).hasSize(5);
        assertThat(f.engine.workingOrderCount()).isZero();
    }

    @Test
    void marketFokFollowsTheFokRule() {
        f.sell(1, ALICE, 100, 4);

        Outcome out = f.order(2, BOB, Side.BUY, OrderType.MARKET, TimeInForce.FOK, 0, 5).send();

        assertThat(out.reject()).isEqualTo(RejectReason.FOK_CANNOT_FILL);
        assertThat(f.view(1).openQty()).isEqualTo(4);
    }

    @Test
    void postOnlyThatWouldCrossIsRejected() {
        f.sell(1, ALICE, 100, 4);

        Outcome out = f.order(2, BOB, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5)
                .flags(OrderFlags.POST_ONLY).send();

        assertThat(out.reject()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS);
        assertThat(out.types()).containsExactly("REJECTED");
        assertThat(f.queue(Side.BUY)).isEmpty();
        assertThat(f.view(1).openQty()).isEqualTo(4);
    }

    @Test
    void postOnlyThatDoesNotCrossRests() {
        f.sell(1, ALICE, 100, 4);

        Outcome out = f.order(2, BOB, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 99, 5)
                .flags(OrderFlags.POST_ONLY).send();

        assertThat(out.types()).containsExactly("ACCEPTED");
        assertThat(f.queue(Side.BUY)).containsExactly(2L);
    }

    @Test
    void cancelRemovesTheOrderWithItsOpenQuantity() {
        f.buy(1, ALICE, 100, 10);
        f.sell(2, BOB, 100, 4);

        Outcome out = f.cancel(1);

        assertThat(out.events()).containsExactly(new Ev(Events.CANCELED, 1, 0, ALICE, -1, INSTRUMENT, Side.BUY,
                100, 6, 0, 0, CancelReason.USER.ordinal(), 0, 0));
        assertThat(f.engine.depth(INSTRUMENT, Side.BUY, 5)).isEmpty();
        assertThat(f.engine.orderState(1)).isEqualTo(OrderState.FINISHED);
    }

    @Test
    void cancelOfUnknownOrderIsRejected() {
        Outcome out = f.cancel(42);

        assertThat(out.reject()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(out.types()).containsExactly("REJECTED");
    }

    @Test
    void commandsOnFinishedOrdersAreRejected() {
        f.buy(1, ALICE, 100, 10);
        f.cancel(1);

        assertThat(f.cancel(1).reject()).isEqualTo(RejectReason.ORDER_FINISHED);
        assertThat(f.replace(1, 101, 10).reject()).isEqualTo(RejectReason.ORDER_FINISHED);
        assertThat(f.reduce(1, 1).reject()).isEqualTo(RejectReason.ORDER_FINISHED);
        assertThat(f.replace(9, 101, 10).reject()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(f.reduce(9, 1).reject()).isEqualTo(RejectReason.UNKNOWN_ORDER);
    }

    @Test
    void filledOrderIsFinished() {
        f.sell(1, ALICE, 100, 5);
        f.buy(2, BOB, 100, 5);

        assertThat(f.engine.orderState(1)).isEqualTo(OrderState.FINISHED);
        assertThat(f.engine.orderState(2)).isEqualTo(OrderState.FINISHED);
        assertThat(f.cancel(1).reject()).isEqualTo(RejectReason.ORDER_FINISHED);
    }

    @Test
    void massCancelCancelsAnAccountsOrdersInOrderIdOrder() {
        f.buy(5, ALICE, 100, 1);
        f.sell(3, ALICE, 110, 1);
        f.buy(4, BOB, 99, 1);
        f.order(2, ALICE, Side.BUY, OrderType.STOP, TimeInForce.GTC, 0, 1).stop(120).send();

        Outcome out = f.massCancel(ALICE, -1);

        assertThat(out.events()).extracting(Ev::orderId).containsExactly(2L, 3L, 5L);
        assertThat(out.events()).allMatch(e -> e.cancelReason() == CancelReason.USER);
        assertThat(f.engine.workingOrders()).extracting(OrderView::orderId).containsExactly(4L);
    }

    @Test
    void killCancelsEverythingInScopeWithKillSwitchReason() {
        f.engine.defineInstrument(8, 1, 1, 1, 0, 0);
        f.buy(1, ALICE, 100, 1);
        f.order(2, BOB, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 50, 1).instrument(8).send();
        f.order(3, BOB, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.GTC, 90, 1).stop(90).send();

        Outcome out = f.kill(-1, INSTRUMENT);

        assertThat(out.events()).extracting(Ev::orderId).containsExactly(1L, 3L);
        assertThat(out.events()).allMatch(e -> e.cancelReason() == CancelReason.KILL_SWITCH);
        assertThat(f.engine.workingOrders()).extracting(OrderView::orderId).containsExactly(2L);
    }

    @Test
    void instrumentsHaveSeparateBooks() {
        f.engine.defineInstrument(8, 1, 1, 1, 0, 0);
        f.sell(1, ALICE, 100, 5);

        Outcome out = f.order(2, BOB, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5).instrument(8).send();

        assertThat(out.types()).containsExactly("ACCEPTED");
        assertThat(f.engine.bestBid(8)).isEqualTo(100);
        assertThat(f.engine.bestAsk(INSTRUMENT)).isEqualTo(100);
    }

    @Test
    void redefiningAnInstrumentKeepsItsBook() {
        f.buy(1, ALICE, 100, 5);

        f.engine.defineInstrument(INSTRUMENT, 5, 5, 5, 0, 0);

        assertThat(f.queue(Side.BUY)).containsExactly(1L);
        assertThat(f.sell(2, BOB, 101, 5).reject()).isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThat(f.sell(3, BOB, 100, 5).fills()).containsExactly("3>1 5@100");
    }

    @Test
    void unrelatedOpsAreIgnored() {
        f.command.clear();
        f.command.op = io.nautilus.core.Op.SET_LIMITS;

        Outcome out = f.send();

        assertThat(out.reject()).isEqualTo(RejectReason.NONE);
        assertThat(out.events()).isEmpty();
    }

    @Test
    void depthListsLevelsBestFirst() {
        f.buy(1, ALICE, 100, 1);
        f.buy(2, ALICE, 102, 2);
        f.buy(3, ALICE, 101, 3);
        f.buy(4, BOB, 102, 4);

        assertThat(f.engine.depth(INSTRUMENT, Side.BUY, 2))
                .containsExactly(new LevelView(102, 6, 2), new LevelView(101, 3, 1));
        assertThat(f.engine.levelCount(INSTRUMENT, Side.BUY)).isEqualTo(3);
        assertThat(f.engine.restingOrderCount(INSTRUMENT, Side.BUY)).isEqualTo(4);
        assertThat(f.queue(Side.BUY)).containsExactly(2L, 4L, 3L, 1L);
    }

    @Test
    void orderViewShowsAllFields() {
        f.order(1, ALICE, Side.SELL, OrderType.LIMIT, TimeInForce.GTD, 100, 10).display(2).expiry(5_000)
                .flags(OrderFlags.POST_ONLY).clientOrderId(777).send();

        assertThat(f.view(1)).isEqualTo(new OrderView(1, 777, ALICE, INSTRUMENT, Side.SELL, OrderType.LIMIT,
                TimeInForce.GTD, 100, 0, 10, 10, 10, 0, 2, 2, OrderState.WORKING, OrderFlags.POST_ONLY, 5_000));
        assertThat(f.engine.workingOrders()).hasSize(1);
        assertThat(f.engine.instrument(INSTRUMENT).orElseThrow().bestAsk()).isEqualTo(100);
        assertThat(f.engine.instruments()).hasSize(1);
        assertThat(f.engine.account(ALICE)).isPresent();
        assertThat(f.engine.account(99)).isEmpty();
    }

    @Test
    void manyLevelsStaySorted() {
        long[] prices = {105, 101, 109, 103, 107, 102, 108, 104, 106, 100};
        for (int i = 0; i < prices.length; i++) {
            f.sell(i + 1, ALICE, prices[i], 1);
        }
        f.cancel(5);
        f.cancel(3);

        List<LevelView> depth = f.engine.depth(INSTRUMENT, Side.SELL, 20);

        assertThat(depth).extracting(LevelView::price).containsExactly(100L, 101L, 102L, 103L, 104L, 105L, 106L,
                108L);
    }
}
