package io.nautilus.backtest.exchange;

import io.nautilus.api.Side;
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

class SimulatedExchangeMarketOrderTest {

    private static final long MS = 1_000_000L;

    private static ExchangeSettings latency(long nanos) {
        return new ExchangeSettings(FillModel.TOUCH, 0.5, nanos, 0, nanos, 0, BigDecimal.ZERO, BigDecimal.ZERO, 1);
    }

    @Test
    void marketBuyFillsAtTheAskOfTheFirstQuoteAtOrAfterArrival() {
        ExchangeFixture f = new ExchangeFixture(latency(MS), QUOTES);
        f.quote(T0, 9999, 5, 10001, 5);
        long id = f.at(T0).market(Side.BUY, 10);
        f.quote(T0 + MS / 2, 9999, 5, 10002, 5);
        assertThat(f.fills(id)).isEmpty();
        f.quote(T0 + 2 * MS, 10000, 5, 10003, 5);

        assertThat(f.fillText(id)).containsExactly("100.03x10 TAKER");
        assertThat(f.reports(id)).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.PENDING_NEW, ExecType.NEW, ExecType.FILL);
        assertThat(f.position()).isEqualTo(10);
    }

    @Test
    void latestQuoteCountsWhenItIsAtTheArrivalTime() {
        ExchangeFixture f = new ExchangeFixture(latency(0), QUOTES);
        f.quote(T0, 9999, 5, 10001, 5);
        long id = f.at(T0).market(Side.BUY, 3);
        f.quote(T0 + SECOND, 9990, 5, 9995, 5);

        assertThat(f.fillText(id)).containsExactly("100.01x3 TAKER");
    }

    @Test
    void quoteExactlyAtArrivalAfterLatencyIsTheOneMet() {
        ExchangeFixture f = new ExchangeFixture(latency(MS), QUOTES);
        f.quote(T0, 9999, 5, 10001, 5);
        long id = f.at(T0).market(Side.SELL, 2);
        f.quote(T0 + MS, 9997, 5, 10002, 5);
        f.quote(T0 + 2 * MS, 9980, 5, 10002, 5);

        assertThat(f.fillText(id)).containsExactly("99.97x2 TAKER");
        assertThat(f.position()).isEqualTo(-2);
    }

    @Test
    void marketOrdersFillTheWholeQuantityWithSlippageTicksWorse() {
        ExchangeSettings s = new ExchangeSettings(FillModel.TOUCH, 0.5, 0, 0, 0, 2, BigDecimal.ZERO, BigDecimal.ZERO,
                1);
        ExchangeFixture f = new ExchangeFixture(s, QUOTES);
        f.quote(T0, 9999, 1, 10001, 1);
        long buy = f.at(T0).market(Side.BUY, 500);
        long sell = f.market(Side.SELL, 200);
        f.quote(T0 + SECOND, 9999, 1, 10001, 1);

        assertThat(f.fillText(buy)).containsExactly("100.03x500 TAKER");
        assertThat(f.fillText(sell)).containsExactly("99.97x200 TAKER");
    }

    @Test
    void takerFillPaysTheInstrumentsTakerFee() {
        ExchangeFixture f = new ExchangeFixture(latency(0), QUOTES);
        f.quote(T0, 9999, 5, 10000, 5);
        long id = f.at(T0).market(Side.BUY, 10);
        f.quote(T0 + SECOND, 9999, 5, 10000, 5);

        // 10 bps of 100.00 x 10 = 1.00
        assertThat(f.fills(id)).extracting(ExecutionReport::fee).containsExactly(100L);
        assertThat(f.core.fees(ExchangeFixture.ACCOUNT)).isEqualTo(100L);
    }

    @Test
    void withTradesOnlyMarketOrdersFillAtTheNextTradesPrice() {
        ExchangeFixture f = new ExchangeFixture(latency(MS), TRADES);
        f.trade(T0, 10000, 1);
        long id = f.at(T0).market(Side.BUY, 7);
        f.trade(T0 + 5 * MS, 10004, 1);

        assertThat(f.fillText(id)).containsExactly("100.04x7 TAKER");
    }

    @Test
    void withBarsOnlyMarketOrdersFillAtTheOpenOfTheNextBar() {
        ExchangeFixture f = new ExchangeFixture(latency(0), BARS);
        long minute = 60 * SECOND;
        f.bar(T0, 10000, 10010, 9990, 10005);
        long id = f.at(T0).market(Side.BUY, 4);
        f.bar(T0 + minute, 10006, 10020, 10001, 10015);

        assertThat(f.fillText(id)).containsExactly("100.06x4 TAKER");
    }

    @Test
    void barClosingAtTheArrivalTimeIsNotTheNextBar() {
        ExchangeFixture f = new ExchangeFixture(latency(30 * SECOND), BARS);
        long minute = 60 * SECOND;
        f.bar(T0, 10000, 10010, 9990, 10005);
        long id = f.at(T0 + 30 * SECOND).market(Side.SELL, 4);
        f.bar(T0 + minute, 10006, 10020, 10001, 10015);
        assertThat(f.fills(id)).isEmpty();
        f.bar(T0 + 2 * minute, 10016, 10020, 10001, 10010);

        assertThat(f.fillText(id)).containsExactly("100.16x4 TAKER");
    }

    @Test
    void marketOrderMeetingAnEmptySideIsCanceled() {
        ExchangeFixture f = new ExchangeFixture(latency(0), QUOTES);
        f.quote(T0, 9999, 5, io.nautilus.api.instrument.FixedPoint.NULL, 0);
        long id = f.at(T0).market(Side.BUY, 1);
        f.quote(T0 + SECOND, 9999, 5, 10001, 5);

        assertThat(f.fills(id)).isEmpty();
        assertThat(f.status(id)).isEqualTo(OrderStatus.CANCELED);
    }
}
