package io.nautilus.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.analytics.api.Drawdown;
import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.api.TradeRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void allZeroReturnsLeaveTheRatiosNullWithAReasonAndTheJsonFinite() {
        PerformanceResult result = Performance.analyse(PerformanceInput.ofReturns(dates(30), new double[30]));
        assertThat(result.metrics().get("sharpe")).isNull();
        assertThat(result.undefined().get("sharpe")).contains("volatility is 0");
        assertThat(result.metrics().get("sortino")).isNull();
        assertThat(result.metrics().get("calmar")).isNull();
        assertThat(result.metrics().get("winRate")).isNull();
        assertThat(result.metrics().get("totalReturn")).isEqualTo(0.0);
        assertThat(result.metrics().get("maxDrawdown")).isEqualTo(0.0);
        String json = result.toJson();
        assertThat(json).contains("\"sharpe\":null").doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(json).contains("\"undefined\":{").contains("\"sharpe\":\"all returns are equal");
    }

    @Test
    void aSingleReturnHasReturnsButNoDispersion() {
        PerformanceResult result = Performance.analyse(PerformanceInput.ofReturns(dates(1), new double[] {0.02}));
        assertThat((Double) result.metrics().get("totalReturn")).isCloseTo(0.02, within(1e-15));
        assertThat(result.metrics().get("volatility")).isNull();
        assertThat(result.metrics().get("var95Parametric")).isNull();
        assertThat(result.metrics().get("var95MonteCarlo")).isNull();
        assertThat(result.metrics().get("skew")).isNull();
        assertThat(result.undefined().get("volatility")).isEqualTo("needs at least 2 periods");
        assertThat(result.toJson()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void everyContractKeyIsPresentInOrder() {
        PerformanceResult result = Performance.analyse(sample(300, 7));
        assertThat(result.metrics().keySet()).containsSubsequence("totalReturn", "cagr", "volatility", "sharpe",
                "sortino", "calmar", "maxDrawdown", "var95", "cvar95", "var99", "cvar99", "skew", "kurtosis",
                "winRate");
        assertThat(result.metrics()).containsKeys("var999", "cvar999", "var95Parametric", "cvar999Parametric",
                "var95MonteCarlo", "cvar999MonteCarlo", "maxDrawdownStart", "maxDrawdownTrough",
                "maxDrawdownRecovery", "maxDrawdownPeriods", "bestDay", "worstDay", "profitFactor", "expectancy",
                "averageWin", "averageLoss", "exposure", "turnover", "alpha", "beta", "r2", "informationRatio",
                "trackingError", "periods", "startDate", "endDate");
        assertThat(result.undefined()).containsKeys("alpha", "beta", "turnover");
        assertThat(List.copyOf(result.metrics().keySet())).isEqualTo(Performance.METRIC_KEYS);
        assertThat(result.undefined().get("beta")).isEqualTo("no benchmark series");
    }

    @Test
    void varAndCvarAreLossesOrderedByLevel() {
        PerformanceResult result = Performance.analyse(sample(2520, 3));
        double var95 = (Double) result.metrics().get("var95");
        double cvar95 = (Double) result.metrics().get("cvar95");
        double var99 = (Double) result.metrics().get("var99");
        double var999 = (Double) result.metrics().get("var999");
        assertThat(var95).isNegative();
        assertThat(cvar95).isLessThanOrEqualTo(var95);
        assertThat(var99).isLessThan(var95);
        assertThat(var999).isLessThan(var99);
        double parametric = (Double) result.metrics().get("var99Parametric");
        double monteCarlo = (Double) result.metrics().get("var99MonteCarlo");
        assertThat(monteCarlo).isCloseTo(parametric, within(Math.abs(parametric) * 0.03));
        double cvarParametric = (Double) result.metrics().get("cvar99Parametric");
        double cvarMonteCarlo = (Double) result.metrics().get("cvar99MonteCarlo");
        assertThat(cvarMonteCarlo).isCloseTo(cvarParametric, within(Math.abs(cvarParametric) * 0.03));
    }

    @Test
    void parametricVarOfTheStandardNormalLaw() {
        assertThat(ValueAtRisk.parametricVar(0, 1, 0.05)).isCloseTo(-1.6448536269514722, within(1e-9));
        assertThat(ValueAtRisk.parametricCvar(0, 1, 0.05)).isCloseTo(-2.0627128075074257, within(1e-9));
    }

    @Test
    void monteCarloIsReproducibleWithTheSeedAndChangesWithIt() {
        PerformanceInput in = sample(500, 11);
        Object first = Performance.analyse(in.withSeed(5)).metrics().get("var99MonteCarlo");
        Object again = Performance.analyse(in.withSeed(5)).metrics().get("var99MonteCarlo");
        Object other = Performance.analyse(in.withSeed(6)).metrics().get("var99MonteCarlo");
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void drawdownsCarryTheirDatesAndDuration() {
        // up 10 %, down to -20 % of the peak over two days, back above the peak on day 5, then a smaller dip to the end
        double[] r = {0.10, -0.10, -0.1111111111111111, 0.20, 0.05, -0.05};
        PerformanceResult result = Performance.analyse(PerformanceInput.ofReturns(dates(6), r));
        Drawdown worst = result.worstDrawdowns().get(0);
        assertThat(worst.depth()).isCloseTo(-0.2, within(1e-12));
        assertThat(worst.start()).isEqualTo(START);
        assertThat(worst.trough()).isEqualTo(START.plusDays(2));
        assertThat(worst.recovery()).isEqualTo(START.plusDays(4));
        assertThat(worst.periods()).isEqualTo(4);
        assertThat(result.metrics().get("maxDrawdownStart")).isEqualTo("2024-01-01");
        assertThat(result.metrics().get("maxDrawdownRecovery")).isEqualTo("2024-01-05");
        assertThat(result.metrics().get("maxDrawdownPeriods")).isEqualTo(4L);
        Drawdown second = result.worstDrawdowns().get(1);
        assertThat(second.recovery()).isNull();
        assertThat(java.util.Arrays.stream(result.underwater()).max().orElseThrow()).isLessThanOrEqualTo(0.0);
    }

    @Test
    void anUnrecoveredMaxDrawdownHasANullRecoveryWithTheReason() {
        PerformanceResult result = Performance.analyse(PerformanceInput.ofReturns(dates(3),
                new double[] {0.05, -0.10, 0.01}));
        assertThat(result.metrics().get("maxDrawdownRecovery")).isNull();
        assertThat(result.undefined().get("maxDrawdownRecovery")).startsWith("not recovered");
    }

    @Test
    void winsLossesAndExposureCountNonZeroPeriods() {
        double[] r = {0.02, -0.01, 0, 0.04, -0.03, 0};
        PerformanceResult result = Performance.analyse(PerformanceInput.ofReturns(dates(6), r));
        assertThat(result.metrics().get("winRate")).isEqualTo(0.5);
        assertThat((Double) result.metrics().get("profitFactor")).isCloseTo(1.5, within(1e-12));
        assertThat((Double) result.metrics().get("averageWin")).isCloseTo(0.03, within(1e-12));
        assertThat((Double) result.metrics().get("averageLoss")).isCloseTo(-0.02, within(1e-12));
        assertThat((Double) result.metrics().get("expectancy")).isCloseTo(0.005, within(1e-12));
        assertThat((Double) result.metrics().get("exposure")).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(result.metrics().get("bestDay")).isEqualTo(0.04);
        assertThat(result.metrics().get("worstDay")).isEqualTo(-0.03);
    }

    @Test
    void skewOfASymmetricSampleIsZeroAndKurtosisIsExcess() {
        // bias-corrected estimators (pandas' Series.skew / Series.kurt): [1, 2, 3, 4] % has skew 0, kurtosis -1.2
        PerformanceResult result = Performance.analyse(PerformanceInput.ofReturns(dates(4),
                new double[] {0.01, 0.02, 0.03, 0.04}));
        assertThat((Double) result.metrics().get("skew")).isCloseTo(0, within(1e-9));
        assertThat((Double) result.metrics().get("kurtosis")).isCloseTo(-1.2, within(1e-9));
    }

    @Test
    void turnoverIsTradedNotionalOverAverageEquityPerYear() {
        List<LocalDate> dates = dates(4);
        double[] equity = {1000, 1000, 1000, 1000};
        List<TradeRecord> trades = List.of(
                new TradeRecord(Instant.parse("2024-01-02T10:00:00Z"), "SIM-BTC", "BUY", 100, 5, 0.1),
                new TradeRecord(Instant.parse("2024-01-03T10:00:00Z"), "SIM-BTC", "SELL", 100, 5, 0.1));
        PerformanceInput in = PerformanceInput.ofEquity(dates, equity, 1000).withTrades(trades);
        PerformanceResult result = Performance.analyse(in);
        assertThat((Double) result.metrics().get("turnover")).isCloseTo(1000.0 / 1000 * 252 / 4, within(1e-9));
        assertThat(result.trades()).hasSize(2);
        PerformanceResult fromReturns = Performance.analyse(PerformanceInput.ofReturns(dates, new double[4])
                .withTrades(trades));
        assertThat(fromReturns.metrics().get("turnover")).isNull();
    }

    @Test
    void equityFromAStartingCapitalGrowsFromIt() {
        PerformanceInput in = PerformanceInput.ofEquity(dates(3), new double[] {110, 99, 121}, 100);
        PerformanceResult result = Performance.analyse(in);
        assertThat(result.equity()).containsExactly(new double[] {110, 99, 121}, within(1e-9));
        assertThat((Double) result.metrics().get("totalReturn")).isCloseTo(0.21, within(1e-12));
        assertThat((Double) result.metrics().get("maxDrawdown")).isCloseTo(-0.1, within(1e-12));
    }

    @Test
    void riskFreeRateLowersTheSharpeRatio() {
        PerformanceInput in = sample(500, 4);
        double without = (Double) Performance.analyse(in).metrics().get("sharpe");
        double with = (Double) Performance.analyse(in.withRiskFreeRate(0.05)).metrics().get("sharpe");
        assertThat(with).isLessThan(without);
    }

    @Test
    void benchmarkOnOtherDatesIsAlignedOnTheCommonOnes() {
        PerformanceInput in = PerformanceInput.ofReturns(dates(5), new double[] {0.01, 0.02, -0.01, 0.03, 0.0});
        List<LocalDate> benchDates = List.of(START.plusDays(1), START.plusDays(3), START.plusDays(4),
                START.plusDays(9));
        PerformanceInput aligned = in.withBenchmark(benchDates, new double[] {0.01, 0.02, -0.02, 0.5});
        assertThat(aligned.dates()).containsExactly(START.plusDays(1), START.plusDays(3), START.plusDays(4));
        assertThat(aligned.returns()).containsExactly(0.02, 0.03, 0.0);
        assertThat(aligned.benchmarkReturns()).containsExactly(0.01, 0.02, -0.02);
        PerformanceResult result = Performance.analyse(aligned);
        assertThat(result.benchmarkEquity()).hasSize(3);
        assertThat(result.metrics().get("beta")).isNotNull();
    }

    @Test
    void benchmarkWithNoCommonDateIsAnError() {
        PerformanceInput in = PerformanceInput.ofReturns(dates(3), new double[] {0.01, 0.02, 0.03});
        assertThatThrownBy(() -> in.withBenchmark(List.of(START.plusDays(10)), new double[] {0.01}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no date in common");
    }

    @Test
    void badSeriesAreRejected() {
        assertThatThrownBy(() -> PerformanceInput.ofReturns(dates(2), new double[] {0.01, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-01-02");
        assertThatThrownBy(() -> PerformanceInput.ofReturns(List.of(), new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one period");
        assertThatThrownBy(() -> PerformanceInput.ofReturns(List.of(START, START), new double[] {0.01, 0.02}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> PerformanceInput.ofEquity(dates(1), new double[] {100}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two rows");
        assertThatThrownBy(() -> PerformanceInput.ofEquity(dates(2), new double[] {100, -5}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> PerformanceInput.ofReturns(dates(2), new double[] {0.01, 0.02})
                .withPeriodsPerYear(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gapsInTheDatesAreJustRows() {
        List<LocalDate> gappy = List.of(START, START.plusDays(1), START.plusDays(40), START.plusDays(200));
        PerformanceResult result = Performance.analyse(PerformanceInput.ofReturns(gappy,
                new double[] {0.01, -0.02, 0.03, 0.01}));
        assertThat(result.metrics().get("periods")).isEqualTo(4L);
        assertThat(result.monthlyReturns()).hasSize(3);
    }

    static PerformanceInput sample(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = 0.0004 + 0.01 * random.nextGaussian();
        }
        return PerformanceInput.ofReturns(dates(n), r);
    }

    static List<LocalDate> dates(int n) {
        List<LocalDate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(START.plusDays(i));
        }
        return out;
    }
}
