package io.nautilus.backtest.exchange;

import io.nautilus.api.Side;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestRequest.FillModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.nautilus.backtest.exchange.ExchangeFixture.QUOTES;
import static io.nautilus.backtest.exchange.ExchangeFixture.SECOND;
import static io.nautilus.backtest.exchange.ExchangeFixture.T0;
import static io.nautilus.backtest.exchange.ExchangeFixture.TRADES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedExchangeFeeAndLatencyTest {

    private static final long MS = 1_000_000L;

    private static ExchangeSettings fees(String perUnit, String minFee) {
        return new ExchangeSettings(FillModel.TOUCH, 0.5, 0, 0, 0, 0, new BigDecimal(perUnit), new BigDecimal(minFee),
                1);
    }

    private static ExchangeSettings jitter(FillModel model, long seed) {
        return new ExchangeSettings(model, 0.5, MS, 5 * MS, MS, 0, BigDecimal.ZERO, BigDecimal.ZERO, seed);
    }

    @Test
    void perUnitFeeIsAddedToTheScheduleRoundedUp() {
        ExchangeFixture f = new ExchangeFixture(fees("0.001", "0"), QUOTES);
        f.quote(T0, 9999, 5, 10000, 5);
        long id = f.at(T0).market(Side.BUY, 10);
        f.quote(T0 + SECOND, 9999, 5, 10000, 5);

        // 10 bps of 1000.00 = 1.00, plus 0.001 x 10 = 0.01
        assertThat(f.fills(id)).extracting(ExecutionReport::fee).containsExactly(101L);
        long odd = f.at(T0 + 2 * SECOND).market(Side.SELL, 3);
        f.quote(T0 + 3 * SECOND, 10000, 5, 10001, 5);
        // 10 bps of 300.00 = 0.30, plus 0.003 rounded up to 0.01
        assertThat(f.fills(odd)).extracting(ExecutionReport::fee).containsExactly(31L);
    }

    @Test
    void minimumFeeIsChargedOncePerOrderAndFillsPayOnlyTheExcess() {
        ExchangeFixture f = new ExchangeFixture(fees("0.10", "0.50"), QUOTES);
        f.quote(T0, 9990, 5, 10002, 5);
        long id = f.at(T0).limit(Side.BUY, 10000, 6);
        f.quote(T0 + SECOND, 9990, 5, 10000, 3);
        f.quote(T0 + 2 * SECOND, 9990, 5, 10000, 3);

        // maker 0 bps; per unit 0.10 x 3 = 0.30 per fill: the first pays the 0.50 minimum, the second 0.60 - 0.50
        assertThat(f.fills(id)).extracting(ExecutionReport::fee).containsExactly(50L, 10L);
        assertThat(f.core.fees(ExchangeFixture.ACCOUNT)).isEqualTo(60L);
    }

    @Test
    void minimumFeeAppliesToEachOrder() {
        ExchangeFixture f = new ExchangeFixture(fees("0", "2.00"), QUOTES);
        f.quote(T0, 9999, 5, 10000, 5);
        long a = f.at(T0).market(Side.BUY, 1);
        long b = f.market(Side.BUY, 1);
        f.quote(T0 + SECOND, 9999, 5, 10000, 5);

        assertThat(f.fills(a)).extracting(ExecutionReport::fee).containsExactly(200L);
        assertThat(f.fills(b)).extracting(ExecutionReport::fee).containsExactly(200L);
    }

    @Test
    void jitteredArrivalsLieWithinTheLatencyAndTheJitterBound() {
        List<Long> delays = arrivals(jitter(FillModel.TOUCH, 3));

        assertThat(delays).hasSize(30).allSatisfy(d -> assertThat(d).isBetween(MS, 6 * MS));
        assertThat(delays.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void sameSeedSameArrivalsAndAnotherSeedOthers() {
        assertThat(arrivals(jitter(FillModel.TOUCH, 3))).isEqualTo(arrivals(jitter(FillModel.TOUCH, 3)))
                .isNotEqualTo(arrivals(jitter(FillModel.TOUCH, 4)));
    }

    @Test
    void theFillModelDoesNotChangeTheLatenciesDrawn() {
        assertThat(arrivals(jitter(FillModel.PROB, 3))).isEqualTo(arrivals(jitter(FillModel.TOUCH, 3)));
    }

    @Test
    void withoutJitterEveryOrderTakesTheFixedLatency() {
        ExchangeSettings fixed = new ExchangeSettings(FillModel.TOUCH, 0.5, MS, 0, MS, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, 3);
        assertThat(arrivals(fixed)).hasSize(30).containsOnly(MS);
    }

    /**
     * Thirty market orders decided a second apart while resting sells at the touch see trades at their price (so the
     * prob model draws); the delay of each order's arrival (its PENDING_NEW time) after its decision.
     */
    private static List<Long> arrivals(ExchangeSettings settings) {
        ExchangeFixture f = new ExchangeFixture(settings, QUOTES | TRADES);
        f.quote(T0, 9999, 5, 10001, 5);
        for (int i = 0; i < 5; i++) {
            f.at(T0).limit(Side.SELL, 10001, 1);
        }
        for (int i = 1; i <= 30; i++) {
            long decided = T0 + i * SECOND;
            f.at(decided).market(Side.BUY, 1);
            f.trade(decided + 10 * MS, 10001, 1);
            f.quote(decided + 20 * MS, 9999, 5, 10002, 5);
        }
        return f.reports().stream().filter(r -> r.execType() == ExecType.PENDING_NEW && r.clientOrderId() > 5)
                .map(r -> (r.transactTimeNanos() - T0) % SECOND).toList();
    }

    @Test
    void settingsComeFromTheRequestInNanoseconds() {
        BacktestRequest request = BacktestRequest.parse(List.of("--data", "x.csv", "--strategy", "smacross",
                "--latency-us", "250", "--jitter-us", "10", "--cancel-latency-us", "40", "--fill-model", "queue",
                "--fill-prob", "0.3", "--slippage-ticks", "2", "--fee-per-unit", "0.005", "--min-fee", "1",
                "--seed", "9"));

        assertThat(ExchangeSettings.of(request)).isEqualTo(new ExchangeSettings(FillModel.QUEUE, 0.3, 250_000,
                10_000, 40_000, 2, new BigDecimal("0.005"), new BigDecimal("1"), 9));
    }

    @Test
    void badSettingsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> new ExchangeSettings(FillModel.PROB, 1.5, 0, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, 1)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new ExchangeSettings(FillModel.TOUCH, 0.5, -1, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, 1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new ExchangeSettings(FillModel.TOUCH, 0.5, 0, 0, 0, 0, BigDecimal.ZERO,
                new BigDecimal("-0.01"), 1)).hasMessageContaining("-0.01");
    }
}
