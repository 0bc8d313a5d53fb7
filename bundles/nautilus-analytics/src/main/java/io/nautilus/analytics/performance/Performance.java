package io.nautilus.analytics.performance;

import io.nautilus.analytics.api.Drawdown;
import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.api.TradeRecord;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hipparchus.stat.descriptive.DescriptiveStatistics;
import org.hipparchus.stat.descriptive.moment.Kurtosis;
import org.hipparchus.stat.descriptive.moment.Skewness;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Performance statistics of a returns series, computed with Hipparchus.
 *
 * <p>Conventions (also in {@code docs/analytics.md}): returns are decimal per period; annualisation uses the input's
 * periods per year (252 by default); standard deviations are sample ones (n - 1); the risk-free rate is annual and
 * applied per period as {@code (1 + rf)^(1/periodsPerYear) - 1}; Sortino's downside deviation is the root mean square
 * of the below-risk-free excess returns over all periods (n, as empyrical); historical percentiles interpolate
 * linearly (Hipparchus' R_7, numpy's default); VaR and CVaR are returns (a loss is negative: var95 = -0.02
 * means a 5 % chance of losing 2 % or more in a period); parametric VaR assumes a normal law of the sample mean and
 * standard deviation; Monte Carlo VaR (see {@link ValueAtRisk}) draws {@link #MONTE_CARLO_PATHS} single-period returns from that normal law
 * with the input's seed; kurtosis is the excess kurtosis (0 for a normal law), skew and kurtosis bias-corrected
 * (as pandas). A metric that is undefined for the input is {@code null}, with its reason in
 * {@link PerformanceResult#undefined()}.
 */
public final class Performance {

    /** Paths of the Monte Carlo VaR simulation. */
    public static final int MONTE_CARLO_PATHS = 100_000;

    /** Periods of the rolling Sharpe ratio and volatility window (about a quarter of trading days). */
    public static final int ROLLING_WINDOW = 63;

    /** How many of the deepest drawdowns the result lists. */
    public static final int WORST_DRAWDOWNS = 5;

    /** Every metric key of {@link PerformanceResult#metrics()}, in its order (docs/analytics.md describes each). */
    public static final List<String> METRIC_KEYS = List.of("periods", "startDate", "endDate", "totalReturn", "cagr",
            "volatility", "sharpe", "sortino", "calmar", "maxDrawdown", "maxDrawdownStart", "maxDrawdownTrough",
            "maxDrawdownRecovery", "maxDrawdownPeriods", "var95", "cvar95", "var99", "cvar99", "var999", "cvar999",
            "var95Parametric", "cvar95Parametric", "var99Parametric", "cvar99Parametric", "var999Parametric",
            "cvar999Parametric", "var95MonteCarlo", "cvar95MonteCarlo", "var99MonteCarlo", "cvar99MonteCarlo",
            "var999MonteCarlo", "cvar999MonteCarlo", "skew", "kurtosis", "bestDay", "worstDay", "winRate",
            "profitFactor", "expectancy", "averageWin", "averageLoss", "exposure", "turnover", "alpha", "beta", "r2",
            "informationRatio", "trackingError");

    private static final double[] CUTOFFS = {0.05, 0.01, 0.001};
    private static final String[] LEVEL_NAMES = {"95", "99", "999"};
    private static final String NO_BENCHMARK = "no benchmark series";

    private Performance() {
    }

    /**
     * Computes every metric, curve and table of a series.
     *
     * @param in the series and conventions
     * @return the metrics (in the documented order), curves, drawdowns and calendar returns
     */
    public static PerformanceResult analyse(PerformanceInput in) {
        return analyse(in, MONTE_CARLO_PATHS);
    }

    /**
     * Computes every metric, with a given number of Monte Carlo paths.
     *
     * @param in    the series and conventions
     * @param paths single-period returns drawn for the Monte Carlo VaR, at least 1000
     * @return the metrics (in the documented order), curves, drawdowns and calendar returns
     */
    public static PerformanceResult analyse(PerformanceInput in, int paths) {
        return analyse(in, paths, ROLLING_WINDOW);
    }

    /**
     * Computes every metric, with a given number of Monte Carlo paths and rolling window.
     *
     * @param in            the series and conventions
     * @param paths         single-period returns drawn for the Monte Carlo VaR, at least 1000
     * @param rollingWindow periods of the rolling Sharpe ratio and volatility, at least 2
     * @return the metrics (in the documented order), curves, drawdowns and calendar returns
     */
    public static PerformanceResult analyse(PerformanceInput in, int paths, int rollingWindow) {
        if (paths < 1000) {
            throw new IllegalArgumentException("Monte Carlo paths must be at least 1000, got " + paths);
        }
        if (rollingWindow < 2) {
            throw new IllegalArgumentException("the rolling window must be at least 2 periods, got " + rollingWindow);
        }
        return new Performance.Run(in, paths, rollingWindow).result();
    }

    /** One analysis: the input, the metrics being filled in and their reasons. */
    private static final class Run {
        private final PerformanceInput in;
        private final int paths;
        private final int window;
        private final double[] r;
        private final int n;
        private final int ppy;
        private final double rfPeriod;
        private final double[] excess;
        private final Map<String, Object> metrics = new LinkedHashMap<>();
        private final Map<String, String> undefined = new LinkedHashMap<>();

        Run(PerformanceInput in, int paths, int window) {
            this.in = in;
            this.paths = paths;
            this.window = window;
            this.r = in.returns();
            this.n = r.length;
            this.ppy = in.periodsPerYear();
            this.rfPeriod = Math.pow(1 + in.riskFreeRate(), 1.0 / ppy) - 1;
            this.excess = new double[n];
            for (int i = 0; i < n; i++) {
                excess[i] = r[i] - rfPeriod;
            }
        }

        PerformanceResult result() {
            List<LocalDate> dates = in.dates();
            double start = Double.isNaN(in.startingEquity()) ? 1 : in.startingEquity();
            double[] equity = growth(r, start);
            double[] underwater = underwater(equity, start);
            List<Drawdown> drawdowns = drawdowns(dates, underwater);

            DescriptiveStatistics stats = new DescriptiveStatistics(r);
            double mean = stats.getMean();
            double sd = stats.getStandardDeviation();
            DescriptiveStatistics excessStats = new DescriptiveStatistics(excess);
            double excessMean = excessStats.getMean();
            double excessSd = excessStats.getStandardDeviation();

            put("periods", (long) n);
            put("startDate", dates.get(0).toString());
            put("endDate", dates.get(n - 1).toString());
            double total = equity[n - 1] / start - 1;
            put("totalReturn", total);
            double cagr = Math.pow(1 + total, (double) ppy / n) - 1;
            put("cagr", cagr);
            boolean enough = n >= 2;
            putIf("volatility", enough, sd * Math.sqrt(ppy), "needs at least 2 periods");
            if (!enough) {
                putNull("sharpe", "needs at least 2 periods");
            } else {
                putIf("sharpe", excessSd > 0, excessMean / excessSd * Math.sqrt(ppy),
                        "all returns are equal: volatility is 0");
            }
            double downside = downsideDeviation() * Math.sqrt(ppy);
            putIf("sortino", downside > 0, excessMean * ppy / downside,
                    "no return below the risk-free rate: downside deviation is 0");
            Drawdown max = drawdowns.isEmpty() ? null : drawdowns.get(0);
            double maxDepth = max == null ? 0 : max.depth();
            putIf("calmar", maxDepth < 0, cagr / -maxDepth, "no drawdown: max drawdown is 0");
            put("maxDrawdown", maxDepth);
            String noDrawdown = "no drawdown";
            putIf("maxDrawdownStart", max != null, max == null ? null : max.start().toString(), noDrawdown);
            putIf("maxDrawdownTrough", max != null, max == null ? null : max.trough().toString(), noDrawdown);
            if (max != null && max.recovery() == null) {
                putNull("maxDrawdownRecovery", "not recovered by " + dates.get(n - 1));
            } else {
                putIf("maxDrawdownRecovery", max != null, max == null ? null : max.recovery().toString(), noDrawdown);
            }
            put("maxDrawdownPeriods", max == null ? 0L : (long) max.periods());

            historicalVar();
            parametricVar(mean, sd, enough);
            monteCarloVar(mean, sd, enough);

            double skew = new Skewness().evaluate(r);
            putIf("skew", Double.isFinite(skew), skew, n < 3 ? "needs at least 3 periods"
                    : "all returns are equal: skew is undefined");
            double kurtosis = new Kurtosis().evaluate(r);
            putIf("kurtosis", Double.isFinite(kurtosis), kurtosis, n < 4 ? "needs at least 4 periods"
                    : "all returns are equal: kurtosis is undefined");
            put("bestDay", stats.getMax());
            put("worstDay", stats.getMin());
            winsAndLosses();
            tradeFigures(equity, start);

            double[] benchmarkEquity = null;
            if (in.benchmarkReturns() == null) {
                for (String key : new String[] {"alpha", "beta", "r2", "informationRatio", "trackingError"}) {
                    putNull(key, NO_BENCHMARK);
                }
            } else {
                benchmarkEquity = growth(in.benchmarkReturns(), start);
                benchmark(in.benchmarkReturns());
            }

            double[] rollingSharpe = new double[n];
            double[] rollingVolatility = new double[n];
            rolling(rollingSharpe, rollingVolatility);

            return new PerformanceResult(Collections.unmodifiableMap(metrics), Collections.unmodifiableMap(undefined),
                    dates, r.clone(), equity, benchmarkEquity, underwater, List.copyOf(drawdowns),
                    Collections.unmodifiableSortedMap(monthly(dates)), Collections.unmodifiableSortedMap(yearly(dates)),
                    window, rollingSharpe, rollingVolatility, in.trades());
        }

        private void put(String key, Object value) {
            metrics.put(key, value);
        }

        private void putNull(String key, String reason) {
            metrics.put(key, null);
            undefined.put(key, reason);
        }

        private void putIf(String key, boolean defined, Object value, String reason) {
            if (defined && !(value instanceof Double d && !Double.isFinite(d))) {
                put(key, value);
            } else {
                putNull(key, defined ? "not a finite number for this series" : reason);
            }
        }

        private double downsideDeviation() {
            double sum = 0;
            for (double x : excess) {
                if (x < 0) {
                    sum += x * x;
                }
            }
            return Math.sqrt(sum / n);
        }

        private void historicalVar() {
            ValueAtRisk historical = ValueAtRisk.historical(r);
            for (int k = 0; k < CUTOFFS.length; k++) {
                put("var" + LEVEL_NAMES[k], historical.var(CUTOFFS[k]));
                put("cvar" + LEVEL_NAMES[k], historical.cvar(CUTOFFS[k]));
            }
        }

        private void parametricVar(double mean, double sd, boolean enough) {
            for (int k = 0; k < CUTOFFS.length; k++) {
                String name = LEVEL_NAMES[k] + "Parametric";
                putIf("var" + name, enough, ValueAtRisk.parametricVar(mean, sd, CUTOFFS[k]),
                        "needs at least 2 periods");
                putIf("cvar" + name, enough, ValueAtRisk.parametricCvar(mean, sd, CUTOFFS[k]),
                        "needs at least 2 periods");
            }
        }

        private void monteCarloVar(double mean, double sd, boolean enough) {
            if (!enough) {
                for (String level : LEVEL_NAMES) {
                    putNull("var" + level + "MonteCarlo", "needs at least 2 periods");
                    putNull("cvar" + level + "MonteCarlo", "needs at least 2 periods");
                }
                return;
            }
            ValueAtRisk simulated = ValueAtRisk.monteCarlo(mean, sd, paths, in.seed());
            for (int k = 0; k < CUTOFFS.length; k++) {
                put("var" + LEVEL_NAMES[k] + "MonteCarlo", simulated.var(CUTOFFS[k]));
                put("cvar" + LEVEL_NAMES[k] + "MonteCarlo", simulated.cvar(CUTOFFS[k]));
            }
        }

        private void winsAndLosses() {
            int wins = 0;
            int losses = 0;
            double gain = 0;
            double loss = 0;
            for (double x : r) {
                if (x > 0) {
                    wins++;
                    gain += x;
                } else if (x < 0) {
                    losses++;
                    loss += x;
                }
            }
            int active = wins + losses;
            String flat = "every return is 0";
            putIf("winRate", active > 0, active == 0 ? null : (double) wins / active, flat);
            putIf("profitFactor", losses > 0, losses == 0 ? null : gain / -loss, active == 0 ? flat
                    : "no losing period");
            putIf("expectancy", active > 0, active == 0 ? null : (gain + loss) / active, flat);
            putIf("averageWin", wins > 0, wins == 0 ? null : gain / wins, "no winning period");
            putIf("averageLoss", losses > 0, losses == 0 ? null : loss / losses, "no losing period");
            put("exposure", (double) active / n);
        }

        private void tradeFigures(double[] equity, double start) {
            List<TradeRecord> trades = in.trades();
            if (trades.isEmpty()) {
                putNull("turnover", "no trade list");
                return;
            }
            if (Double.isNaN(in.startingEquity())) {
                putNull("turnover", "needs an equity in currency (the series was given as returns)");
                return;
            }
            double notional = 0;
            for (TradeRecord t : trades) {
                notional += Math.abs(t.price() * t.quantity());
            }
            double averageEquity = (start + Arrays.stream(equity).sum()) / (n + 1);
            put("turnover", notional / averageEquity * ppy / n);
        }

        private void benchmark(double[] b) {
            SimpleRegression regression = new SimpleRegression(true);
            double[] active = new double[n];
            for (int i = 0; i < n; i++) {
                regression.addData(b[i] - rfPeriod, excess[i]);
                active[i] = r[i] - b[i];
            }
            String tooShort = "needs at least 2 periods with a benchmark";
            boolean enough = n >= 2;
            boolean benchmarkMoves = enough && new DescriptiveStatistics(b).getStandardDeviation() > 0;
            String flat = enough ? "the benchmark's returns are all equal: its variance is 0" : tooShort;
            double beta = regression.getSlope();
            double intercept = regression.getIntercept();
            putIf("alpha", benchmarkMoves, Math.pow(1 + intercept, ppy) - 1, flat);
            putIf("beta", benchmarkMoves, beta, flat);
            putIf("r2", benchmarkMoves, regression.getRSquare(), flat);
            DescriptiveStatistics activeStats = new DescriptiveStatistics(active);
            double trackingSd = activeStats.getStandardDeviation();
            if (!enough) {
                putNull("informationRatio", tooShort);
            } else {
                putIf("informationRatio", trackingSd > 0, activeStats.getMean() / trackingSd * Math.sqrt(ppy),
                        "the series equals the benchmark plus a constant: tracking error is 0");
            }
            putIf("trackingError", enough, trackingSd * Math.sqrt(ppy), tooShort);
        }

        private void rolling(double[] sharpe, double[] volatility) {
            DescriptiveStatistics last = new DescriptiveStatistics(window);
            for (int i = 0; i < n; i++) {
                last.addValue(excess[i]);
                if (i + 1 < window) {
                    sharpe[i] = Double.NaN;
                    volatility[i] = Double.NaN;
                } else {
                    double s = last.getStandardDeviation();
                    volatility[i] = s * Math.sqrt(ppy);
                    sharpe[i] = s > 0 ? last.getMean() / s * Math.sqrt(ppy) : Double.NaN;
                }
            }
        }

        private SortedMap<YearMonth, Double> monthly(List<LocalDate> dates) {
            SortedMap<YearMonth, Double> out = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                out.merge(YearMonth.from(dates.get(i)), 1 + r[i], (a, x) -> a * x);
            }
            out.replaceAll((k, v) -> v - 1);
            return out;
        }

        private SortedMap<Integer, Double> yearly(List<LocalDate> dates) {
            SortedMap<Integer, Double> out = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                out.merge(dates.get(i).getYear(), 1 + r[i], (a, x) -> a * x);
            }
            out.replaceAll((k, v) -> v - 1);
            return out;
        }
    }

    private static double[] growth(double[] returns, double start) {
        double[] out = new double[returns.length];
        double value = start;
        for (int i = 0; i < returns.length; i++) {
            value *= 1 + returns[i];
            out[i] = value;
        }
        return out;
    }

    /** Drawdown at the end of each period against the running peak, the starting equity included. */
    private static double[] underwater(double[] equity, double start) {
        double[] out = new double[equity.length];
        double peak = start;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            out[i] = equity[i] / peak - 1;
        }
        return out;
    }

    /** Every drawdown episode of the underwater curve, deepest first, up to {@link #WORST_DRAWDOWNS}. */
    private static List<Drawdown> drawdowns(List<LocalDate> dates, double[] underwater) {
        List<Drawdown> all = new ArrayList<>();
        int n = underwater.length;
        int i = 0;
        while (i < n) {
            if (underwater[i] >= 0) {
                i++;
                continue;
            }
            int peak = i - 1;
            int trough = i;
            while (i < n && underwater[i] < 0) {
                if (underwater[i] < underwater[trough]) {
                    trough = i;
                }
                i++;
            }
            LocalDate recovery = i < n ? dates.get(i) : null;
            int end = i < n ? i : n - 1;
            all.add(new Drawdown(underwater[trough], dates.get(Math.max(peak, 0)), dates.get(trough), recovery,
                    end - peak));
        }
        all.sort(Comparator.comparingDouble(Drawdown::depth));
        return all.size() > WORST_DRAWDOWNS ? all.subList(0, WORST_DRAWDOWNS) : all;
    }
}
