package io.nautilus.api.order;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import org.junit.jupiter.api.Test;

import static io.nautilus.api.instrument.FixedPoint.NULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class NewOrderTest {

    private static final AccountId ACCOUNT = AccountId.of("ACC-1");
    private static final StrategyId STRATEGY = StrategyId.of("mm-1");
    private static final InstrumentId ES = InstrumentId.of("ESZ4.CME");
    private static final Instrument ES_DEF = new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 1, 2, 2, 0, "USD");

    private static NewOrder order(OrderType type, TimeInForce tif, long price, long stopPrice, long quantity,
                                  long displayQuantity, int flags, long expireTimeNanos) {
        return new NewOrder(42, ACCOUNT, STRATEGY, ES, Side.BUY, type, tif, price, stopPrice, quantity,
                displayQuantity, flags, expireTimeNanos);
    }

    @Test
    void acceptsEveryWellFormedShape() {
        assertThat(order(OrderType.MARKET, TimeInForce.IOC, NULL, NULL, 5, 0, 0, 0).type()).isEqualTo(OrderType.MARKET);
        assertThat(order(OrderType.LIMIT, TimeInForce.GTC, 501_225, NULL, 5, 0, OrderFlags.POST_ONLY, 0).price())
                .isEqualTo(501_225);
        assertThat(order(OrderType.STOP, TimeInForce.DAY, NULL, 500_000, 5, 0, OrderFlags.REDUCE_ONLY, 0).stopPrice())
                .isEqualTo(500_000);
        assertThat(order(OrderType.STOP_LIMIT, TimeInForce.GTD, 499_975, 500_000, 5, 2, 0, 1_700_000_000_000_000_000L)
                .isIceberg()).isTrue();
        assertThat(new NewOrder(43, ACCOUNT, null, ES, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, -125, NULL, 1,
                0, 0, 0).strategy()).isNull();
    }

    @Test
    void factoriesBuildTheCommonShapes() {
        NewOrder limit = NewOrder.limit(1, ACCOUNT, STRATEGY, ES, Side.SELL, 501_225, 3);
        assertThat(limit.type()).isEqualTo(OrderType.LIMIT);
        assertThat(limit.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(limit.stopPrice()).isEqualTo(NULL);
        NewOrder market = NewOrder.market(2, ACCOUNT, STRATEGY, ES, Side.BUY, 3);
        assertThat(market.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(market.price()).isEqualTo(NULL);
        assertThat(market.isIceberg()).isFalse();
    }

    @Test
    void limitOrderNeedsAPrice() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.GTC, NULL, NULL, 5, 0, 0, 0))
                .withMessage("order 42 (LIMIT GTC) needs a limit price");
    }

    @Test
    void marketOrderMustNotHaveAPrice() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.MARKET, TimeInForce.IOC, 100, NULL, 5, 0, 0, 0))
                .withMessage("order 42 (MARKET IOC) must not have a limit price, got 100");
    }

    @Test
    void stopOrderNeedsAStopPrice() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.STOP, TimeInForce.GTC, NULL, NULL, 5, 0, 0, 0))
                .withMessage("order 42 (STOP GTC) needs a stop price");
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.STOP_LIMIT, TimeInForce.GTC, 100, NULL, 5, 0, 0, 0))
                .withMessage("order 42 (STOP_LIMIT GTC) needs a stop price");
    }

    @Test
    void limitOrderMustNotHaveAStopPrice() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.GTC, 100, 90, 5, 0, 0, 0))
                .withMessage("order 42 (LIMIT GTC) must not have a stop price, got 90");
    }

    @Test
    void quantityMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.GTC, 100, NULL, 0, 0, 0, 0))
                .withMessage("order 42 (LIMIT GTC): quantity 0 must be greater than zero");
    }

    @Test
    void displayQuantityMustNotExceedQuantity() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.GTC, 100, NULL, 5, 6, 0, 0))
                .withMessage("order 42 (LIMIT GTC): display quantity 6 must be within 0..5 (the order quantity)");
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.GTC, 100, NULL, 5, -1, 0, 0));
    }

    @Test
    void displayQuantityNeedsAnOrderThatCanRest() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.IOC, 100, NULL, 5, 2, 0, 0))
                .withMessageContaining("display quantity needs an order that can rest");
    }

    @Test
    void gtdNeedsAnExpireTimeAndOthersMustNotHaveOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.GTD, 100, NULL, 5, 0, 0, 0))
                .withMessage("order 42 (LIMIT GTD) needs an expire time, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.DAY, 100, NULL, 5, 0, 0, 99))
                .withMessage("order 42 (LIMIT DAY) must not have an expire time, got 99");
    }

    @Test
    void postOnlyNeedsARestingLimitOrder() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> order(OrderType.MARKET, TimeInForce.GTC, NULL, NULL, 5, 0, OrderFlags.POST_ONLY, 0))
                .withMessageContaining("post-only needs a LIMIT order");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.FOK, 100, NULL, 5, 0, OrderFlags.POST_ONLY, 0))
                .withMessageContaining("post-only needs a LIMIT order");
    }

    @Test
    void undefinedFlagBitsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> order(OrderType.LIMIT, TimeInForce.GTC, 100, NULL, 5, 0, 16, 0))
                .withMessage("order 42 (LIMIT GTC): flags 0x10 contain undefined bits");
    }

    @Test
    void clientOrderIdMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NewOrder.limit(0, ACCOUNT, STRATEGY, ES, Side.BUY, 100, 1))
                .withMessage("client order id 0 must be greater than zero");
    }

    @Test
    void requiredComponentsMustNotBeNull() {
        assertThatNullPointerException().isThrownBy(() -> NewOrder.limit(1, null, STRATEGY, ES, Side.BUY, 100, 1))
                .withMessage("account");
    }

    @Test
    void checksPricesAndQuantitiesAgainstTheInstrument() {
        assertThat(NewOrder.limit(1, ACCOUNT, null, ES, Side.BUY, 501_225, 2).checkAgainst(ES_DEF))
                .isEqualTo(RejectReason.NONE);
        assertThat(NewOrder.limit(1, ACCOUNT, null, ES, Side.BUY, 501_210, 2).checkAgainst(ES_DEF))
                .isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThat(order(OrderType.STOP, TimeInForce.GTC, NULL, 500_010, 2, 0, 0, 0).checkAgainst(ES_DEF))
                .isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThat(NewOrder.limit(1, ACCOUNT, null, ES, Side.BUY, 501_225, 1).checkAgainst(ES_DEF))
                .isEqualTo(RejectReason.QUANTITY_BELOW_MINIMUM);
        assertThat(NewOrder.limit(1, ACCOUNT, null, InstrumentId.of("NQZ4.CME"), Side.BUY, 501_225, 2)
                .checkAgainst(ES_DEF)).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
    }

    @Test
    void checksLotMultiplesAgainstTheInstrument() {
        Instrument lotsOfTen = new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 10, 10, 2, 0, "USD");
        assertThat(NewOrder.limit(1, ACCOUNT, null, ES, Side.BUY, 100, 25).checkAgainst(lotsOfTen))
                .isEqualTo(RejectReason.QUANTITY_NOT_LOT_MULTIPLE);
        assertThat(order(OrderType.LIMIT, TimeInForce.GTC, 100, NULL, 30, 5, 0, 0).checkAgainst(lotsOfTen))
                .isEqualTo(RejectReason.QUANTITY_NOT_LOT_MULTIPLE);
        assertThat(order(OrderType.LIMIT, TimeInForce.GTC, 100, NULL, 30, 10, 0, 0).checkAgainst(lotsOfTen))
                .isEqualTo(RejectReason.NONE);
    }
}
