package io.nautilus.backtest.exchange;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.backtest.api.BacktestRequest.FillModel;
import io.nautilus.core.api.CommandResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.nautilus.backtest.exchange.ExchangeFixture.BARS;
import static io.nautilus.backtest.exchange.ExchangeFixture.QUOTES;
import static io.nautilus.backtest.exchange.ExchangeFixture.SECOND;
import static io.nautilus.backtest.exchange.ExchangeFixture.T0;
import static io.nautilus.backtest.exchange.ExchangeFixture.TRADES;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatedExchangeOrderLifecycleTest {

    private static final long MS = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long DAY = 86_400 * SECOND;

    private static ExchangeFixture touch(int kinds) {
        return new ExchangeFixture(ExchangeSettings.immediate(FillModel.TOUCH, 1), kinds);
    }

    private static ExchangeSettings latencies(long order, long cancel) {
        return new ExchangeSettings(FillModel.TOUCH, 0.5, order, 0, cancel, 0, BigDecimal.ZERO, BigDecimal.ZERO, 1);
    }

    @Test
    void buyStopTriggersOnATradeAtItsPriceAndTakesTheAsk() {
        ExchangeFixture f = touch(QUOTES | TRADES);
        f.quote(T0, 10000, 5, 10002, 5);
        long id = f.at(T0).stop(Side.BUY, 10005, 3);
        f.quote(T0 + SECOND, 10003, 5, 10006, 5);
        f.trade(T0 + 2 * SECOND, 10004, 1);
        assertThat(f.fills(id)).isEmpty();
        f.trade(T0 + 3 * SECOND, 10005, 1);

        assertThat(f.fillText(id)).containsExactly("100.06x3 TAKER");
    }

    @Test
    void sellStopWithoutTradesTriggersWhenTheBidReachesIt() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 10000, 5, 10002, 5);
        long id = f.at(T0).stop(Side.SELL, 9995, 3);
        f.quote(T0 + SECOND, 9996, 5, 9998, 5);
        assertThat(f.fills(id)).isEmpty();
        f.quote(T0 + 2 * SECOND, 9994, 5, 9997, 5);

        assertThat(f.fillText(id)).containsExactly("99.94x3 TAKER");
    }

    @Test
    void stopLimitTriggeredBeyondItsLimitRestsAsALimitOrder() {
        ExchangeFixture f = touch(TRADES);
        f.trade(T0, 10000, 1);
        long id = f.at(T0).stopLimit(Side.BUY, 10005, 10006, 3);
        f.trade(T0 + SECOND, 10008, 1);
        assertThat(f.fills(id)).isEmpty();
        assertThat(f.status(id)).isEqualTo(OrderStatus.NEW);
        f.trade(T0 + 2 * SECOND, 10006, 5);

        assertThat(f.fillText(id)).containsExactly("100.06x3 MAKER");
    }

    @Test
    void stopWithBarsOnlyFillsAtItsPriceOrAtAGappedOpen() {
        ExchangeFixture f = touch(BARS);
        f.bar(T0, 10000, 10010, 9990, 10000);
        long inRange = f.at(T0).stop(Side.SELL, 9990, 1);
        long gapped = f.stop(Side.SELL, 9985, 1);
        f.bar(T0 + MINUTE, 10000, 10005, 9988, 9990);
        assertThat(f.fills(gapped)).isEmpty();
        f.bar(T0 + 2 * MINUTE, 9980, 9985, 9970, 9975);

        assertThat(f.fillText(inRange)).containsExactly("99.90x1 TAKER");
        assertThat(f.fillText(gapped)).containsExactly("99.80x1 TAKER");
    }

    @Test
    void gtdOrderExpiresAtItsExpireTime() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 10000, 5, 10002, 5);
        long id = f.at(T0).limit(Side.BUY, 10000, 3, TimeInForce.GTD, OrderFlags.NONE, T0 + 10 * SECOND);
        f.quote(T0 + 5 * SECOND, 10000, 5, 10002, 5);
        assertThat(f.status(id)).isEqualTo(OrderStatus.NEW);
        f.quote(T0 + 10 * SECOND, 9998, 5, 9999, 5);

        assertThat(f.fills(id)).isEmpty();
        assertThat(f.status(id)).isEqualTo(OrderStatus.EXPIRED);
        assertThat(f.reports(id).get(f.reports(id).size() - 1).transactTimeNanos()).isEqualTo(T0 + 10 * SECOND);
    }

    @Test
    void dayOrderExpiresAtTheNextMidnightUtc() {
        ExchangeFixture f = touch(QUOTES);
        long midnight = Math.floorDiv(T0, DAY) * DAY + DAY;
        f.quote(T0, 10000, 5, 10002, 5);
        long id = f.at(T0).limit(Side.BUY, 10000, 3, TimeInForce.DAY, OrderFlags.NONE, 0);
        f.quote(midnight - SECOND, 10000, 5, 10002, 5);
        assertThat(f.status(id)).isEqualTo(OrderStatus.NEW);
        f.quote(midnight, 9998, 5, 9999, 5);

        assertThat(f.fills(id)).isEmpty();
        assertThat(f.status(id)).isEqualTo(OrderStatus.EXPIRED);
        assertThat(f.reports(id).get(f.reports(id).size() - 1).transactTimeNanos()).isEqualTo(midnight);
    }

    @Test
    void cancelTakesEffectAfterTheCancelLatency() {
        ExchangeFixture f = new ExchangeFixture(latencies(0, 10 * MS), QUOTES);
        f.quote(T0, 10000, 5, 10002, 5);
        long id = f.at(T0).limit(Side.BUY, 9990, 3);
        f.quote(T0 + SECOND, 10000, 5, 10002, 5);
        f.at(T0 + 2 * SECOND).exchange.cancel(id);
        f.quote(T0 + 2 * SECOND + 5 * MS, 10000, 5, 10002, 5);
        assertThat(f.status(id)).isEqualTo(OrderStatus.NEW);
        f.quote(T0 + 2 * SECOND + 10 * MS, 9980, 5, 9985, 5);

        assertThat(f.fills(id)).isEmpty();
        assertThat(f.reports(id)).extracting(ExecutionReport::execType).containsExactly(ExecType.PENDING_NEW,
                ExecType.NEW, ExecType.PENDING_CANCEL, ExecType.CANCELED);
    }

    @Test
    void cancelOfAnOrderThatFilledMeanwhileIsRefusedByTheCore() {
        ExchangeFixture f = new ExchangeFixture(latencies(0, 10 * MS), QUOTES);
        f.quote(T0, 10000, 5, 10002, 5);
        long id = f.at(T0).limit(Side.BUY, 9990, 3);
        f.quote(T0 + SECOND, 10000, 5, 10002, 5);
        f.at(T0 + 2 * SECOND).exchange.cancel(id);
        f.quote(T0 + 2 * SECOND + 5 * MS, 9980, 5, 9985, 5);
        f.quote(T0 + 3 * SECOND, 9980, 5, 9985, 5);

        assertThat(f.fillText(id)).containsExactly("99.90x3 MAKER");
        assertThat(f.status(id)).isEqualTo(OrderStatus.FILLED);
        CommandResult last = f.results.get(f.results.size() - 1);
        assertThat(last.rejectReason()).isEqualTo(RejectReason.ORDER_FINISHED);
    }

    @Test
    void cancelEffectiveBeforeTheOrderArrivesCancelsItRightAfterArrival() {
        ExchangeFixture f = new ExchangeFixture(latencies(10 * MS, MS), QUOTES);
        f.quote(T0, 10000, 5, 10002, 5);
        long id = f.at(T0).market(Side.BUY, 3);
        f.exchange.cancel(id);
        f.quote(T0 + 5 * MS, 10000, 5, 10002, 5);
        assertThat(f.reports(id)).isEmpty();
        f.quote(T0 + 20 * MS, 10000, 5, 10002, 5);

        assertThat(f.fills(id)).isEmpty();
        assertThat(f.reports(id)).extracting(ExecutionReport::execType).containsExactly(ExecType.PENDING_NEW,
                ExecType.NEW, ExecType.PENDING_CANCEL, ExecType.CANCELED);
        assertThat(f.reports(id).get(3).transactTimeNanos()).isEqualTo(T0 + 10 * MS);
    }

    @Test
    void replaceMovesTheOrderAndAMarketablePriceTakes() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 10000, 5, 10002, 5);
        long id = f.at(T0).limit(Side.BUY, 9990, 3);
        f.quote(T0 + SECOND, 10000, 5, 10002, 5);
        f.at(T0 + 2 * SECOND).exchange.replace(id, 10002, FixedPoint.NULL);
        f.quote(T0 + 3 * SECOND, 10000, 5, 10002, 5);

        assertThat(f.reports(id)).extracting(ExecutionReport::execType).contains(ExecType.PENDING_REPLACE,
                ExecType.REPLACED);
        assertThat(f.fillText(id)).containsExactly("100.02x3 TAKER");
    }

    @Test
    void replaceBelowTheFilledQuantityFinishesTheOrder() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 10000, 5, 10002, 5);
        long id = f.at(T0).limit(Side.BUY, 10000, 10);
        f.quote(T0 + SECOND, 9999, 5, 10000, 4);
        f.at(T0 + 2 * SECOND).exchange.replace(id, FixedPoint.NULL, 4);
        f.quote(T0 + 3 * SECOND, 9999, 5, 10000, 4);

        assertThat(f.fillText(id)).containsExactly("100.00x4 MAKER");
        assertThat(f.status(id)).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void finishCancelsWorkingStopPendingAndInFlightOrders() {
        ExchangeFixture f = new ExchangeFixture(latencies(SECOND, SECOND), QUOTES);
        f.quote(T0, 10000, 5, 10002, 5);
        long working = f.at(T0).limit(Side.BUY, 9990, 3);
        long stop = f.stop(Side.BUY, 10100, 3);
        f.quote(T0 + 2 * SECOND, 10000, 5, 10002, 5);
        long pending = f.at(T0 + 3 * SECOND).limit(Side.SELL, 10100, 3);
        f.quote(T0 + 3 * SECOND, 10000, 5, 10002, 5);
        f.quote(T0 + 4 * SECOND + 1, 10000, 5, 10002, 5);
        long inFlight = f.at(T0 + 5 * SECOND).market(Side.BUY, 1);
        f.exchange.finish();

        assertThat(f.status(working)).isEqualTo(OrderStatus.CANCELED);
        assertThat(f.status(stop)).isEqualTo(OrderStatus.CANCELED);
        assertThat(f.status(pending)).isEqualTo(OrderStatus.CANCELED);
        assertThat(f.status(inFlight)).isEqualTo(OrderStatus.CANCELED);
        assertThat(f.fills()).isEmpty();
        f.scheduler.advanceTo(T0 + 10 * SECOND);
        assertThat(f.status(inFlight)).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void riskRejectAtArrivalFinishesTheOrderWithoutVenueReports() {
        ExchangeFixture f = new ExchangeFixture(ExchangeSettings.immediate(FillModel.TOUCH, 1), QUOTES,
                Map.of("instrument.TST.maxOrderQty", "5"));
        f.quote(T0, 10000, 5, 10002, 5);
        long big = f.at(T0).market(Side.BUY, 6);
        long small = f.market(Side.BUY, 5);
        f.quote(T0 + SECOND, 10000, 5, 10002, 5);

        assertThat(f.reports(big)).extracting(ExecutionReport::execType).containsExactly(ExecType.REJECTED);
        assertThat(f.reports(big).get(0).rejectReason()).isNotEqualTo(RejectReason.VENUE_REJECT);
        assertThat(f.fillText(small)).containsExactly("100.02x5 TAKER");
        assertThat(f.position()).isEqualTo(5);
    }

    @Test
    void arrivalMarksTheCoreWithTheLatestPriceSoTheBandFollowsTheMarket() {
        ExchangeFixture f = touch(QUOTES);
        f.quote(T0, 12999, 5, 13001, 5);
        long id = f.at(T0).limit(Side.BUY, 12900, 1);
        f.quote(T0 + SECOND, 12999, 5, 13001, 5);

        assertThat(f.status(id)).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void orderForAnInstrumentWithoutDataWaitsUntilTheEnd() {
        ExchangeFixture f = touch(0);
        long id = f.at(T0).market(Side.BUY, 1);
        f.scheduler.advanceTo(T0 + SECOND);
        assertThat(f.status(id)).isEqualTo(OrderStatus.NEW);
        f.exchange.finish();

        assertThat(f.status(id)).isEqualTo(OrderStatus.CANCELED);
    }
}
