package io.nautilus.backtest.exchange;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.backtest.api.BacktestRequest.FillModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.nautilus.backtest.exchange.ExchangeFixture.BARS;
import static io.nautilus.backtest.exchange.ExchangeFixture.QUOTES;
import static io.nautilus.backtest.exchange.ExchangeFixture.SECOND;
import static io.nautilus.backtest.exchange.ExchangeFixture.T0;
import static io.nautilus.backtest.exchange.ExchangeFixture.TRADES;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatedExchangeLimitOrderTest {

    private static final long MINUTE = 60 * SECOND;

    private static ExchangeFixture touch(int kinds) {
        return new ExchangeFixture(ExchangeSettings.immediate(FillModel.TOUCH, 1), kinds);
    }

    @Test
    void marketableLimitTakesTheTouchWithSlippageButNeverBeyondItsLimit() {
        ExchangeSettings s = new ExchangeSettings(FillModel.TOUCH, 0.5, 0, 0, 0, 3, BigDecimal.ZERO, BigDecimal.ZERO,
                1);
        ExchangeFixture f = new ExchangeFixture(s, QUOTES);
        f.quote(T0, 9999, 1, 10001, 1);
        long capped = f.at(T0).limit(Side.BUY, 10002, 50);
        long slipped = f.limit(Side.SELL, 9990, 20);
        f.quote(T0 + SECOND, 9999, 1, 10001, 1);

        assertThat(f.fillText(capped)).containsExactly("100.02x50 TAKER");
        assertThat(f.fillText(slipped)).containsExactly("99.96x20 TAKER");
    }

    @Test
    void postOnlyThatWouldCrossIsRejected() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 9999, 1, 10001, 1);
        long id = f.at(T0).postOnly(Side.BUY, 10001, 5);
        f.quote(T0 + SECOND, 9999, 1, 10001, 1);

        assertThat(f.fills(id)).isEmpty();
        assertThat(f.status(id)).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void postOnlyThatDoesNotCrossRestsAndFillsAsMaker() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 9999, 1, 10001, 1);
        long id = f.at(T0).postOnly(Side.BUY, 10000, 5);
        f.quote(T0 + SECOND, 9999, 1, 10000, 9);

        assertThat(f.fillText(id)).containsExactly("100.00x5 MAKER");
    }

    @Test
    void iocAndFokThatCannotFillAreCanceledWithNothingFilled() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 9999, 1, 10001, 1);
        long ioc = f.at(T0).limit(Side.BUY, 10000, 5, TimeInForce.IOC, OrderFlags.NONE, 0);
        long fok = f.limit(Side.SELL, 10000, 5, TimeInForce.FOK, OrderFlags.NONE, 0);
        long iocFilled = f.limit(Side.BUY, 10001, 5, TimeInForce.IOC, OrderFlags.NONE, 0);
        f.quote(T0 + SECOND, 9999, 1, 10000, 1);

        assertThat(f.fills(ioc)).isEmpty();
        assertThat(f.status(ioc)).isEqualTo(OrderStatus.CANCELED);
        assertThat(f.fills(fok)).isEmpty();
        assertThat(f.status(fok)).isEqualTo(OrderStatus.CANCELED);
        assertThat(f.fillText(iocFilled)).containsExactly("100.01x5 TAKER");
    }

    @Test
    void touchFillsARestingBuyAtItsPriceUpToTheAskSize() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 9999, 1, 10001, 1);
        long id = f.at(T0).limit(Side.BUY, 10000, 10);
        f.quote(T0 + SECOND, 9999, 1, 10001, 1);
        assertThat(f.status(id)).isEqualTo(OrderStatus.NEW);
        f.quote(T0 + 2 * SECOND, 9998, 1, 9999, 4);
        f.quote(T0 + 3 * SECOND, 9998, 1, 10000, 10);

        assertThat(f.fillText(id)).containsExactly("100.00x4 MAKER", "100.00x6 MAKER");
        assertThat(f.status(id)).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void touchSharesAQuotesSizeAmongRestingOrdersInPriceTimePriority() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 9999, 1, 10005, 1);
        long first = f.at(T0).limit(Side.BUY, 10000, 3);
        long better = f.limit(Side.BUY, 10001, 3);
        long second = f.limit(Side.BUY, 10000, 3);
        f.quote(T0 + SECOND, 9999, 1, 10005, 1);
        f.quote(T0 + 2 * SECOND, 9990, 1, 10000, 5);

        assertThat(f.fillText(better)).containsExactly("100.01x3 MAKER");
        assertThat(f.fillText(first)).containsExactly("100.00x2 MAKER");
        assertThat(f.fills(second)).isEmpty();
    }

    @Test
    void touchFillsARestingSellWhenATradePrintsAtItsPrice() {
        ExchangeFixture f = touch(QUOTES | TRADES);
        f.quote(T0, 9999, 1, 10005, 1);
        long id = f.at(T0).limit(Side.SELL, 10003, 10);
        f.quote(T0 + SECOND, 9999, 1, 10005, 1);
        f.trade(T0 + 2 * SECOND, 10002, 50);
        assertThat(f.fills(id)).isEmpty();
        f.trade(T0 + 3 * SECOND, 10003, 4);

        assertThat(f.fillText(id)).containsExactly("100.03x4 MAKER");
    }

    @Test
    void touchWithBarsFillsAtTheOpenWhenGappedElseAtTheLimitWhenTheRangeReachesIt() {
        ExchangeFixture f = touch(BARS);
        f.bar(T0, 10000, 10010, 9990, 10005);
        long gapped = f.at(T0).limit(Side.BUY, 9995, 2);
        long ranged = f.limit(Side.BUY, 9985, 2);
        f.bar(T0 + MINUTE, 10000, 10010, 9996, 10000);
        assertThat(f.fills()).isEmpty();
        f.bar(T0 + 2 * MINUTE, 9990, 9995, 9986, 9990);
        assertThat(f.fillText(gapped)).containsExactly("99.90x2 MAKER");
        assertThat(f.fills(ranged)).isEmpty();
        f.bar(T0 + 3 * MINUTE, 9990, 9995, 9980, 9985);

        assertThat(f.fillText(ranged)).containsExactly("99.85x2 MAKER");
    }

    @Test
    void withBarsALimitOrderMeetsTheRangeOfTheBarThatActivatesIt() {
        ExchangeFixture f = touch(BARS);
        f.bar(T0, 10000, 10010, 9990, 10005);
        long id = f.at(T0).limit(Side.SELL, 10008, 2);
        f.bar(T0 + MINUTE, 10000, 10008, 9996, 10000);

        assertThat(f.fillText(id)).containsExactly("100.08x2 MAKER");
    }

    @Test
    void touchWithTradesOnlyFillsWhenATradePrintsAtOrThroughTheLimit() {
        ExchangeFixture f = touch(TRADES);
        f.trade(T0, 10000, 1);
        long id = f.at(T0).limit(Side.BUY, 9990, 10);
        f.trade(T0 + SECOND, 9995, 1);
        f.trade(T0 + 2 * SECOND, 9980, 6);
        f.trade(T0 + 3 * SECOND, 9990, 9);

        assertThat(f.fillText(id)).containsExactly("99.90x6 MAKER", "99.90x4 MAKER");
    }

    @Test
    void nonMarketableLimitRestsAndReportsNew() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 9999, 1, 10001, 1);
        long id = f.at(T0).limit(Side.SELL, 10010, 1);
        f.quote(T0 + SECOND, 10000, 1, 10002, 1);

        assertThat(f.reports(id)).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.PENDING_NEW, ExecType.NEW);
    }
}
