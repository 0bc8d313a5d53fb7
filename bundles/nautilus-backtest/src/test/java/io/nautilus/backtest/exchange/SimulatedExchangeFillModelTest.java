package io.nautilus.backtest.exchange;

import io.nautilus.api.Side;
import io.nautilus.backtest.api.BacktestRequest.FillModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.nautilus.backtest.exchange.ExchangeFixture.BARS;
import static io.nautilus.backtest.exchange.ExchangeFixture.QUOTES;
import static io.nautilus.backtest.exchange.ExchangeFixture.SECOND;
import static io.nautilus.backtest.exchange.ExchangeFixture.T0;
import static io.nautilus.backtest.exchange.ExchangeFixture.TRADES;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatedExchangeFillModelTest {

    private static final long MINUTE = 60 * SECOND;

    private static ExchangeFixture queue(int kinds) {
        return new ExchangeFixture(ExchangeSettings.immediate(FillModel.QUEUE, 1), kinds);
    }

    private static ExchangeFixture prob(double p, long seed, int kinds) {
        return new ExchangeFixture(new ExchangeSettings(FillModel.PROB, p, 0, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, seed), kinds);
    }

    /** A buy of 10 at 100.00 resting behind 30 shown at the best bid 100.00. */
    private static long restBehind30(ExchangeFixture f) {
        f.quote(T0, 10000, 30, 10002, 5);
        long id = f.at(T0).limit(Side.BUY, 10000, 10);
        f.quote(T0 + SECOND, 10000, 30, 10002, 5);
        return id;
    }

    @Test
    void queueTradesAtThePriceDepleteTheQuantityAheadFirst() {
        ExchangeFixture f = queue(QUOTES | TRADES);
        long id = restBehind30(f);
        f.trade(T0 + 2 * SECOND, 10000, 20);
        assertThat(f.fills(id)).isEmpty();
        f.trade(T0 + 3 * SECOND, 10000, 15);
        f.trade(T0 + 4 * SECOND, 10000, 10);

        assertThat(f.fillText(id)).containsExactly("100.00x5 MAKER", "100.00x5 MAKER");
    }

    @Test
    void queueOrderImprovingTheBestBidHasNoneAhead() {
        ExchangeFixture f = queue(QUOTES | TRADES);
        f.quote(T0, 9999, 30, 10002, 5);
        long id = f.at(T0).limit(Side.BUY, 10000, 10);
        f.quote(T0 + SECOND, 9999, 30, 10002, 5);
        f.trade(T0 + 2 * SECOND, 10000, 4);

        assertThat(f.fillText(id)).containsExactly("100.00x4 MAKER");
    }

    @Test
    void queueOrderBelowTheBestBidJoinsTheQueueWhenTheBidComesDownToIt() {
        ExchangeFixture f = queue(QUOTES | TRADES);
        f.quote(T0, 10001, 10, 10003, 5);
        long id = f.at(T0).limit(Side.BUY, 10000, 10);
        f.quote(T0 + SECOND, 10001, 10, 10003, 5);
        f.trade(T0 + 2 * SECOND, 10000, 50);
        assertThat(f.fills(id)).isEmpty();
        f.quote(T0 + 3 * SECOND, 10000, 8, 10002, 5);
        f.trade(T0 + 4 * SECOND, 10000, 10);

        assertThat(f.fillText(id)).containsExactly("100.00x2 MAKER");
    }

    @Test
    void queueASmallerSizeShownAtThePriceLowersTheQuantityAhead() {
        ExchangeFixture f = queue(QUOTES | TRADES);
        long id = restBehind30(f);
        f.quote(T0 + 2 * SECOND, 10000, 5, 10002, 5);
        f.quote(T0 + 3 * SECOND, 10000, 40, 10002, 5);
        f.trade(T0 + 4 * SECOND, 10000, 7);

        assertThat(f.fillText(id)).containsExactly("100.00x2 MAKER");
    }

    @Test
    void queueTradesThroughThePriceAndCrossingQuotesFillAsTouch() {
        ExchangeFixture f = queue(QUOTES | TRADES);
        long id = restBehind30(f);
        f.trade(T0 + 2 * SECOND, 9999, 3);
        f.quote(T0 + 3 * SECOND, 9998, 30, 10000, 4);

        assertThat(f.fillText(id)).containsExactly("100.00x3 MAKER", "100.00x4 MAKER");
    }

    @Test
    void queueWithBarsOnlyFillsOnlyWhenTradedThrough() {
        ExchangeFixture f = queue(BARS);
        f.bar(T0, 10010, 10020, 10000, 10010);
        long id = f.at(T0).limit(Side.BUY, 9995, 3);
        f.bar(T0 + MINUTE, 10000, 10010, 9995, 10000);
        assertThat(f.fills(id)).isEmpty();
        f.bar(T0 + 2 * MINUTE, 10000, 10010, 9994, 10000);

        assertThat(f.fillText(id)).containsExactly("99.95x3 MAKER");
    }

    @Test
    void queueReplaceRaisingTheQuantityLosesThePlaceButLoweringItKeepsIt() {
        ExchangeFixture raised = queue(QUOTES | TRADES);
        long up = restBehind30(raised);
        raised.trade(T0 + 2 * SECOND, 10000, 20);
        raised.at(T0 + 3 * SECOND).exchange.replace(up, io.nautilus.api.instrument.FixedPoint.NULL, 12);
        raised.trade(T0 + 4 * SECOND, 10000, 15);

        ExchangeFixture lowered = queue(QUOTES | TRADES);
        long down = restBehind30(lowered);
        lowered.trade(T0 + 2 * SECOND, 10000, 20);
        lowered.at(T0 + 3 * SECOND).exchange.replace(down, io.nautilus.api.instrument.FixedPoint.NULL, 8);
        lowered.trade(T0 + 4 * SECOND, 10000, 15);

        assertThat(raised.fills(up)).isEmpty();
        assertThat(lowered.fillText(down)).containsExactly("100.00x5 MAKER");
    }

    @Test
    void probTradeAtThePriceFillsWithTheProbability() {
        ExchangeFixture always = prob(1.0, 1, TRADES);
        always.trade(T0, 10005, 1);
        long a = always.at(T0).limit(Side.SELL, 10010, 5);
        always.trade(T0 + SECOND, 10010, 3);

        ExchangeFixture never = prob(0.0, 1, TRADES);
        never.trade(T0, 10005, 1);
        long n = never.at(T0).limit(Side.SELL, 10010, 5);
        never.trade(T0 + SECOND, 10010, 3);
        assertThat(never.fills(n)).isEmpty();
        never.trade(T0 + 2 * SECOND, 10011, 3);

        assertThat(always.fillText(a)).containsExactly("100.10x3 MAKER");
        assertThat(never.fillText(n)).containsExactly("100.10x3 MAKER");
    }

    @Test
    void probWithBarsFillsALowAtThePriceWithTheProbabilityAndALowThroughIt() {
        ExchangeFixture always = prob(1.0, 1, BARS);
        always.bar(T0, 10010, 10020, 10000, 10010);
        long a = always.at(T0).limit(Side.BUY, 9995, 3);
        always.bar(T0 + MINUTE, 10000, 10010, 9995, 10000);

        ExchangeFixture never = prob(0.0, 1, BARS);
        never.bar(T0, 10010, 10020, 10000, 10010);
        long n = never.at(T0).limit(Side.BUY, 9995, 3);
        never.bar(T0 + MINUTE, 10000, 10010, 9995, 10000);
        assertThat(never.fills(n)).isEmpty();
        never.bar(T0 + 2 * MINUTE, 10000, 10010, 9990, 10000);

        assertThat(always.fillText(a)).containsExactly("99.95x3 MAKER");
        assertThat(never.fillText(n)).containsExactly("99.95x3 MAKER");
    }

    @Test
    void probSameSeedSameFillsAndAnotherSeedOthers() {
        List<String> first = probRun(7);
        List<String> again = probRun(7);
        List<String> other = probRun(8);

        assertThat(first).isNotEmpty().isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }

    /** Twenty one-lot sells at 100.10, then forty one-lot trades at that price with p = 0.5. */
    private static List<String> probRun(long seed) {
        ExchangeFixture f = prob(0.5, seed, TRADES);
        f.trade(T0, 10005, 1);
        f.at(T0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(f.limit(Side.SELL, 10010, 1));
        }
        for (int i = 1; i <= 40; i++) {
            f.trade(T0 + i * SECOND, 10010, 1);
        }
        return f.fills().stream().map(r -> r.clientOrderId() + "@" + r.transactTimeNanos()).toList();
    }
}
