package io.nautilus.shell.internal;

import static io.nautilus.shell.internal.FakeTradingCore.ACC_1;
import static io.nautilus.shell.internal.FakeTradingCore.BTC;
import static io.nautilus.shell.internal.FakeTradingCore.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.NewOrder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTicketTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static OrderTicket ticket(String side, String quantity, String price) {
        return new OrderTicket(side, quantity, price, null, null, null, null, false, false, null);
    }

    private static NewOrder build(OrderTicket ticket) {
        return ticket.toOrder(7, ACC_1, BTC, NOW);
    }

    @Test
    void priceMakesAGoodTillCanceledLimitOrderAtTheInstrumentsScales() {
        NewOrder order = build(ticket("buy", "0.5", "101.25"));
        assertThat(order).isEqualTo(NewOrder.limit(7, ACC_1, null, BTC.id(), Side.BUY, 10_125, 5_000));
    }

    @Test
    void noPriceMakesAnImmediateOrCancelMarketOrder() {
        NewOrder order = build(ticket("SELL", "2", null));
        assertThat(order).isEqualTo(NewOrder.market(7, ACC_1, null, BTC.id(), Side.SELL, 20_000));
    }

    @Test
    void stopWithoutPriceIsAStopOrderAndWithPriceAStopLimit() {
        NewOrder stop = build(new OrderTicket("SELL", "1", null, null, null, "99.50", null, false, false, null));
        assertThat(stop.type()).isEqualTo(OrderType.STOP);
        assertThat(stop.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(stop.stopPrice()).isEqualTo(9_950);
        assertThat(stop.price()).isEqualTo(FixedPoint.NULL);

        NewOrder stopLimit = build(new OrderTicket("SELL", "1", "99.40", null, null, "99.50", null, false, false,
                null));
        assertThat(stopLimit.type()).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(stopLimit.price()).isEqualTo(9_940);
    }

    @Test
    void expireMakesGoodTillDateInEpochNanos() {
        NewOrder order = build(new OrderTicket("BUY", "1", "100", null, null, null, null, false, false,
                "2026-11-25T16:30:00Z"));
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTD);
        assertThat(order.expireTimeNanos()).isEqualTo(Instant.parse("2026-11-25T16:30:00Z").getEpochSecond()
                * 1_000_000_000L);
    }

    @Test
    void icebergPostOnlyAndReduceOnlyAreCarried() {
        NewOrder order = build(new OrderTicket("BUY", "10", "100", "limit", "day", null, "1.5", true, true, null));
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.DAY);
        assertThat(order.displayQuantity()).isEqualTo(15_000);
        assertThat(order.flags()).isEqualTo(OrderFlags.POST_ONLY | OrderFlags.REDUCE_ONLY);
    }

    @Test
    void priceOffTheScaleIsRefusedWithTheScale() {
        assertThatThrownBy(() -> build(ticket("BUY", "1", "1.005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("price 1.005 is not on the instrument's scale of 2 decimals");
        assertThatThrownBy(() -> ticket("BUY", "1.5", "5000").toOrder(7, ACC_1, ES, NOW))
                .hasMessage("quantity 1.5 is not on the instrument's scale of 0 decimals");
    }

    @Test
    void typeAndPriceMustAgree() {
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", null, "LIMIT", null, null, null, false, false,
                null))).hasMessageStartingWith("a LIMIT order needs a price");
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", "100", "MARKET", null, null, null, false, false,
                null))).hasMessage("a MARKET order takes no price; drop 100 or use --type LIMIT");
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", null, "STOP", null, null, null, false, false,
                null))).hasMessage("a STOP order needs --stop <price>");
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", "100", "LIMIT", null, "99", null, false, false,
                null))).hasMessage("--stop needs --type STOP or STOP_LIMIT, not LIMIT");
    }

    @Test
    void goodTillDateAndExpireMustAgree() {
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", "100", null, "GTD", null, null, false, false,
                null))).hasMessageStartingWith("--tif GTD needs --expire <ISO-8601 instant>");
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", "100", null, "GTC", null, null, false, false,
                "2026-11-26T00:00:00Z"))).hasMessage("--expire needs --tif GTD, not GTC");
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", "100", null, null, null, null, false, false,
                "2026-11-25T09:00:00Z"))).hasMessageStartingWith("--expire 2026-11-25T09:00:00Z is not in the future");
    }

    @Test
    void displayAndPostOnlyNeedAnOrderThatRests() {
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", "100", null, null, null, "2", false, false,
                null))).hasMessage("--display 2 is larger than the quantity 1");
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", "100", null, "IOC", null, "0.5", false, false,
                null))).hasMessage("--display needs an order that rests on the book, not LIMIT IOC");
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", null, null, null, null, null, true, false,
                null))).hasMessage("--post-only needs a LIMIT order that can rest, not MARKET IOC");
    }

    @Test
    void badWordsAndQuantitiesNameTheArgument() {
        assertThatThrownBy(() -> build(ticket("long", "1", "100"))).hasMessage("side 'long' is not one of BUY, SELL");
        assertThatThrownBy(() -> build(new OrderTicket("BUY", "1", "100", "ICEBERG", null, null, null, false, false,
                null))).hasMessage("--type 'ICEBERG' is not one of MARKET, LIMIT, STOP, STOP_LIMIT");
        assertThatThrownBy(() -> build(ticket("BUY", "0", "100"))).hasMessage("quantity 0 must be greater than zero");
        assertThatThrownBy(() -> ticket("BUY", "1", "100").toOrder(0, ACC_1, BTC, NOW))
                .hasMessage("--client-id 0 must be greater than zero");
    }
}
