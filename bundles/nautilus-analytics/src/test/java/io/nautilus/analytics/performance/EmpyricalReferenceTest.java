package io.nautilus.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.PerformanceResult;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each statistic against the values empyrical publishes in its own test suite for the same fixed series:
 * {@code tests/test_stats.py} of empyrical-reloaded (github.com/stefan-jansen/empyrical-reloaded, the maintained
 * continuation of quantopian/empyrical; same fixtures and values as quantopian/empyrical
 * {@code empyrical/tests/test_stats.py} at ddof 1). empyrical compares to 8 decimal places; so do these tests.
 *
 * <p>empyrical's {@code mixed_returns} is {@code [NaN, 1, 10, -4, 2, 3, 2, 1, -10] %} daily from 2000-01-30. The
 * NaN row has no return: the ratios are over the 8 others; empyrical still counts it as a period when it annualises
 * the compounded return (9 / 252 years), so the CAGR and Calmar checks give it as a 0 return, which compounds the
 * same.
 */
class EmpyricalReferenceTest {

    private static final double DECIMALS_8 = 1e-8;

    private static final double[] MIXED = pct(1, 10, -4, 2, 3, 2, 1, -10);
    private static final double[] MIXED_WITH_ZERO_FIRST = pct(0, 1, 10, -4, 2, 3, 2, 1, -10);
    private static final double[] POSITIVE = pct(1, 2, 1, 1, 1, 1, 1, 1, 1);
    private static final double[] NEGATIVE = pct(0, -6, -7, -1, -9, -2, -6, -8, -5);
    private static final double[] SIMPLE_BENCHMARK = pct(0, 1, 0, 1, 0, 1, 0, 1, 0);
    private static final LocalDate START = LocalDate.of(2000, 1, 30);

    @Test
    void sharpeOfMixedReturns() {
        // test_sharpe_ratio: (mixed_returns, 0.0, 1.7238613961706866)
        assertThat(metric(mixedDaily(), "sharpe")).isCloseTo(1.7238613961706866, within(DECIMALS_8));
    }

    @Test
    void sharpeOfPositiveAndNegativeReturns() {
        // test_sharpe_ratio: (positive_returns, 0.0, 52.915026221291804), (negative_returns, 0.0, -24.406808633910085)
        assertThat(metric(daily(POSITIVE, START), "sharpe")).isCloseTo(52.915026221291804, within(1e-7));
        assertThat(metric(daily(NEGATIVE, START), "sharpe")).isCloseTo(-24.406808633910085, within(DECIMALS_8));
    }

    @Test
    void annualVolatility() {
        // test_annual_volatility: (mixed_returns, DAILY, 0.9136465399704637), (weekly_returns, WEEKLY,
        // 0.38851569394870583), (monthly_returns, MONTHLY, 0.18663690238892558)
        assertThat(metric(mixedDaily(), "volatility")).isCloseTo(0.9136465399704637, within(DECIMALS_8));
        assertThat(metric(weekly(), "volatility")).isCloseTo(0.38851569394870583, within(DECIMALS_8));
        assertThat(metric(monthly(), "volatility")).isCloseTo(0.18663690238892558, within(DECIMALS_8));
    }

    @Test
    void sortinoUsesTheDownsideDeviationOverAllPeriods() {
        // test_sortino: (mixed_returns, 0.0, DAILY, 2.605531251673693), (negative_returns, 0.0, DAILY,
        // -13.532743075043401), (weekly_returns, 0.0, WEEKLY, 1.1158901056866439), (monthly_returns, 0.0, MONTHLY,
        // 0.53605626741889756); test_downside_risk: (mixed_returns, 0.0, DAILY, 0.60448325038829653)
        assertThat(metric(mixedDaily(), "sortino")).isCloseTo(2.605531251673693, within(DECIMALS_8));
        assertThat(metric(daily(NEGATIVE, START), "sortino")).isCloseTo(-13.532743075043401, within(DECIMALS_8));
        assertThat(metric(weekly(), "sortino")).isCloseTo(1.1158901056866439, within(DECIMALS_8));
        assertThat(metric(monthly(), "sortino")).isCloseTo(0.53605626741889756, within(DECIMALS_8));
        double mean = java.util.Arrays.stream(MIXED).average().orElseThrow();
        double downside = mean * 252 / metric(mixedDaily(), "sortino");
        assertThat(downside).isCloseTo(0.60448325038829653, within(DECIMALS_8));
    }

    @Test
    void sortinoIsUndefinedWithoutALosingPeriod() {
        // test_sortino: (positive_returns, 0.0, DAILY, np.inf): Infinity in empyrical, null with the reason here
        PerformanceResult result = Performance.analyse(daily(POSITIVE, START));
        assertThat(result.metrics().get("sortino")).isNull();
        assertThat(result.undefined()).containsKey("sortino");
    }

    @Test
    void annualReturnAndCalmar() {
        // test_annual_ret / test_cagr: (mixed_returns, DAILY, 1.9135925373194231), (weekly_returns, WEEKLY,
        // 0.24690830513998208), (monthly_returns, MONTHLY, 0.052242061386048144); test_calmar: (mixed_returns, DAILY,
        // 19.135925373194233), (weekly_returns, WEEKLY, 2.4690830513998208), (monthly_returns, MONTHLY,
        // 0.52242061386048144)
        PerformanceInput mixedNine = daily(MIXED_WITH_ZERO_FIRST, START);
        assertThat(metric(mixedNine, "cagr")).isCloseTo(1.9135925373194231, within(DECIMALS_8));
        assertThat(metric(mixedNine, "calmar")).isCloseTo(19.135925373194233, within(1e-7));
        assertThat(metric(weekly(), "cagr")).isCloseTo(0.24690830513998208, within(DECIMALS_8));
        assertThat(metric(weekly(), "calmar")).isCloseTo(2.4690830513998208, within(DECIMALS_8));
        assertThat(metric(monthly(), "cagr")).isCloseTo(0.052242061386048144, within(DECIMALS_8));
        assertThat(metric(monthly(), "calmar")).isCloseTo(0.52242061386048144, within(DECIMALS_8));
    }

    @Test
    void cagrOfOneReturn() {
        // test_cagr: (one_return, DAILY, 11.274002099240244); test_calmar: (one_return, DAILY, np.nan)
        PerformanceResult result = Performance.analyse(daily(pct(1), START));
        assertThat((Double) result.metrics().get("cagr")).isCloseTo(11.274002099240244, within(DECIMALS_8));
        assertThat(result.metrics().get("calmar")).isNull();
        assertThat(result.metrics().get("sharpe")).isNull();
    }

    @Test
    void maxDrawdownIsNegative() {
        // test_max_drawdown: (mixed_returns, -0.1), (positive_returns, -0.0), (simple_benchmark, 0.0),
        // ([10, -10, 10] %, -0.10); quantopian/empyrical: (negative_returns, -0.36590730349873601)
        assertThat(metric(mixedDaily(), "maxDrawdown")).isCloseTo(-0.1, within(DECIMALS_8));
        assertThat(metric(daily(POSITIVE, START), "maxDrawdown")).isEqualTo(0.0);
        assertThat(metric(daily(SIMPLE_BENCHMARK, START), "maxDrawdown")).isEqualTo(0.0);
        assertThat(metric(daily(pct(10, -10, 10), START), "maxDrawdown")).isCloseTo(-0.10, within(DECIMALS_8));
        assertThat(metric(daily(NEGATIVE, START), "maxDrawdown")).isCloseTo(-0.36590730349873601,
                within(DECIMALS_8));
    }

    @Test
    void equityCurveIsTheCumulativeReturn() {
        // test_cum_returns: (mixed_returns, 100, [100.0, 101.0, 111.1, 106.65599, 108.78912, 112.05279, 114.29384,
        // 115.43678, 103.89310]) to 4 decimals; the NaN row is the starting equity here
        double[] expected = {101.0, 111.1, 106.65599, 108.78912, 112.05279, 114.29384, 115.43678, 103.89310};
        List<LocalDate> dates = dates(START, 9, 1);
        double[] equity = new double[9];
        equity[0] = 100;
        for (int i = 0; i < 8; i++) {
            equity[i + 1] = equity[i] * (1 + MIXED[i]);
        }
        PerformanceResult result = Performance.analyse(PerformanceInput.ofEquity(dates, equity, Double.NaN));
        assertThat(result.equity()).containsExactly(expected, within(1e-4));
        assertThat((Double) result.metrics().get("totalReturn")).isCloseTo(0.03893, within(1e-4));
    }

    @Test
    void monthlyAndYearlyReturns() {
        // test_aggregate_returns: (simple_benchmark, MONTHLY, [0.01, 0.03030099999999991]), (simple_benchmark,
        // YEARLY, [0.040604010000000024]), (weekly_returns, MONTHLY, [0.0, 0.087891200000000058,
        // -0.04500459999999995]), (weekly_returns, YEARLY, [0.038931091700480147])
        PerformanceResult simple = Performance.analyse(daily(SIMPLE_BENCHMARK, START));
        assertThat(simple.monthlyReturns()).hasSize(2);
        assertThat(simple.monthlyReturns().get(YearMonth.of(2000, 1))).isCloseTo(0.01, within(DECIMALS_8));
        assertThat(simple.monthlyReturns().get(YearMonth.of(2000, 2))).isCloseTo(0.03030099999999991,
                within(DECIMALS_8));
        assertThat(simple.yearlyReturns().get(2000)).isCloseTo(0.040604010000000024, within(DECIMALS_8));
        PerformanceResult weekly = Performance.analyse(weekly());
        double[] months = weekly.monthlyReturns().values().stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(months).containsExactly(new double[] {0.0, 0.087891200000000058, -0.04500459999999995},
                within(DECIMALS_8));
        assertThat(weekly.yearlyReturns().get(2000)).isCloseTo(0.038931091700480147, within(DECIMALS_8));
    }

    @Test
    void alphaAndBetaAgainstABenchmarkAlignedOnCommonDates() {
        // test_alpha_beta: (mixed_returns, negative_returns[1:], (-0.9997853834885004, -0.71296296296296313));
        // the benchmark is given whole (9 dates from 2000-01-30): only the 8 dates both have are used
        PerformanceInput in = mixedDaily().withBenchmark(dates(START, 9, 1), NEGATIVE);
        assertThat(in.dates()).hasSize(8);
        PerformanceResult result = Performance.analyse(in);
        assertThat((Double) result.metrics().get("alpha")).isCloseTo(-0.9997853834885004, within(DECIMALS_8));
        assertThat((Double) result.metrics().get("beta")).isCloseTo(-0.71296296296296313, within(DECIMALS_8));
    }

    @Test
    void alphaAndBetaAgainstItselfAndItsOpposite() {
        // test_alpha_beta: (mixed_returns, mixed_returns, (0.0, 1.0)), (mixed_returns, -mixed_returns, (0.0, -1.0))
        PerformanceInput same = mixedDaily().withBenchmark(dates(START.plusDays(1), 8, 1), MIXED);
        assertThat(metric(same, "alpha")).isCloseTo(0.0, within(DECIMALS_8));
        assertThat(metric(same, "beta")).isCloseTo(1.0, within(DECIMALS_8));
        assertThat(metric(same, "r2")).isCloseTo(1.0, within(DECIMALS_8));
        double[] opposite = MIXED.clone();
        for (int i = 0; i < opposite.length; i++) {
            opposite[i] = -opposite[i];
        }
        PerformanceInput inverse = mixedDaily().withBenchmark(dates(START.plusDays(1), 8, 1), opposite);
        assertThat(metric(inverse, "alpha")).isCloseTo(0.0, within(DECIMALS_8));
        assertThat(metric(inverse, "beta")).isCloseTo(-1.0, within(DECIMALS_8));
    }

    @Test
    void informationRatioIsTheAnnualisedExcessSharpe() {
        // test_excess_sharpe: (mixed_returns, flat_line_1, -0.06515583641446039), (mixed_returns, 0.0,
        // 0.10859306069076737), per period: informationRatio annualises it with sqrt(252)
        double[] flat = new double[8];
        java.util.Arrays.fill(flat, 0.01);
        double[] zero = new double[8];
        PerformanceResult flatBenchmark = Performance.analyse(mixedDaily()
                .withBenchmark(dates(START.plusDays(1), 8, 1), flat));
        PerformanceResult zeroBenchmark = Performance.analyse(mixedDaily()
                .withBenchmark(dates(START.plusDays(1), 8, 1), zero));
        assertThat((Double) flatBenchmark.metrics().get("informationRatio"))
                .isCloseTo(-0.06515583641446039 * Math.sqrt(252), within(DECIMALS_8));
        assertThat((Double) zeroBenchmark.metrics().get("informationRatio"))
                .isCloseTo(0.10859306069076737 * Math.sqrt(252), within(DECIMALS_8));
        assertThat(flatBenchmark.metrics().get("beta")).isNull();
        assertThat(flatBenchmark.undefined().get("beta")).contains("variance is 0");
    }

    @Test
    void rollingSharpe() {
        // test_roll_sharpe_ratio: (negative_returns, 6, [-18.09162052, -26.79897486, -26.69138263, -25.72298838])
        PerformanceResult result = Performance.analyse(daily(NEGATIVE, START), Performance.MONTE_CARLO_PATHS, 6);
        double[] rolling = result.rollingSharpe();
        for (int i = 0; i < 5; i++) {
            assertThat(rolling[i]).isNaN();
        }
        assertThat(java.util.Arrays.copyOfRange(rolling, 5, 9))
                .containsExactly(new double[] {-18.09162052, -26.79897486, -26.69138263, -25.72298838},
                        within(DECIMALS_8));
    }

    @Test
    void historicalValueAtRiskIsTheInterpolatedPercentile() {
        // test_value_at_risk: [1, 2] at cutoffs 0 / 0.3 / 1 -> 1 / 1.3 / 2; [1, 81, 82, 83, 84, 85] at 0.1 / 0.2 / 0.3
        // -> 41 / 81 / 81.5
        ValueAtRisk two = ValueAtRisk.historical(new double[] {1, 2});
        assertThat(two.var(0.0)).isCloseTo(1.0, within(1e-7));
        assertThat(two.var(0.3)).isCloseTo(1.3, within(1e-7));
        assertThat(two.var(1.0)).isCloseTo(2.0, within(1e-7));
        ValueAtRisk six = ValueAtRisk.historical(new double[] {1, 81, 82, 83, 84, 85});
        assertThat(six.var(0.1)).isCloseTo(41, within(1e-7));
        assertThat(six.var(0.2)).isCloseTo(81, within(1e-7));
        assertThat(six.var(0.3)).isCloseTo(81.5, within(1e-7));
    }

    @Test
    void conditionalValueAtRiskIsTheMeanAtOrBelowTheVar() {
        // test_conditional_value_at_risk: a single value is its own CVaR at cutoffs 0 and 1; otherwise the mean of
        // the returns at or below the VaR
        ValueAtRisk one = ValueAtRisk.historical(new double[] {-0.013});
        assertThat(one.cvar(0)).isEqualTo(-0.013);
        assertThat(one.cvar(1)).isEqualTo(-0.013);
        ValueAtRisk six = ValueAtRisk.historical(new double[] {85, 1, 84, 81, 83, 82});
        assertThat(six.cvar(0.2)).isCloseTo((1 + 81) / 2.0, within(1e-12));
        assertThat(six.cvar(0.1)).isCloseTo(1, within(1e-12));
    }

    private static double metric(PerformanceInput in, String key) {
        Object value = Performance.analyse(in).metrics().get(key);
        assertThat(value).as(key).isInstanceOf(Double.class);
        return (Double) value;
    }

    private static PerformanceInput mixedDaily() {
        return daily(MIXED, START.plusDays(1));
    }

    private static PerformanceInput weekly() {
        return PerformanceInput.ofReturns(dates(START, 9, 7), MIXED_WITH_ZERO_FIRST).withPeriodsPerYear(52);
    }

    private static PerformanceInput monthly() {
        List<LocalDate> ends = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ends.add(YearMonth.of(2000, 1).plusMonths(i).atEndOfMonth());
        }
        return PerformanceInput.ofReturns(ends, MIXED_WITH_ZERO_FIRST).withPeriodsPerYear(12);
    }

    private static PerformanceInput daily(double[] returns, LocalDate first) {
        return PerformanceInput.ofReturns(dates(first, returns.length, 1), returns);
    }

    private static List<LocalDate> dates(LocalDate first, int n, int stepDays) {
        List<LocalDate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(first.plusDays((long) i * stepDays));
        }
        return out;
    }

    private static double[] pct(double... percent) {
        double[] out = new double[percent.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = percent[i] / 100;
        }
        return out;
    }
}
