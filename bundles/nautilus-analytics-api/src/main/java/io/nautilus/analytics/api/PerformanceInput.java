package io.nautilus.analytics.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the analytics engine analyses: a series of per-period returns with their dates, optionally a benchmark's
 * returns on the same dates and the trades behind the series, and the conventions to apply.
 *
 * <p>Rows are periods (days for daily data); dates missing from the series (weekends, holidays, gaps) are not
 * filled: every statistic counts rows, and annualises with {@code periodsPerYear}.
 *
 * @param dates            the date of each return, strictly increasing
 * @param returns          decimal return of each period (0.01 = 1 %), aligned with {@code dates}, finite and
 *                         {@code >= -1}
 * @param benchmarkReturns the benchmark's decimal returns aligned with {@code dates}, or {@code null} without a
 *                         benchmark
 * @param trades           the trades behind the series (empty when unknown)
 * @param periodsPerYear   periods in a year, used to annualise (252 for daily data)
 * @param riskFreeRate     annual risk-free rate as a decimal (0.02 = 2 %), per period {@code (1 + rate)^(1/periodsPerYear) - 1}
 * @param seed             seed of the Monte Carlo VaR simulation (same seed, same figures)
 * @param startingEquity   the equity before the first return, {@code NaN} when the input was built from returns
 *                         (the equity curve then starts at 1)
 */
public record PerformanceInput(List<LocalDate> dates, double[] returns, double[] benchmarkReturns,
                               List<TradeRecord> trades, int periodsPerYear, double riskFreeRate, long seed,
                               double startingEquity) {

    /** Periods per year of daily trading data, the default. */
    public static final int DEFAULT_PERIODS_PER_YEAR = 252;

    /** Default seed of the Monte Carlo VaR simulation. */
    public static final long DEFAULT_SEED = 12;

    /**
     * Checks the input.
     *
     * @throws IllegalArgumentException when the series is empty, the lengths differ, dates are not strictly
     *                                  increasing, a return is not finite or below -1, or a convention is out of
     *                                  range
     */
    public PerformanceInput {
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(returns, "returns");
        trades = trades == null ? List.of() : List.copyOf(trades);
        dates = List.copyOf(dates);
        if (returns.length == 0) {
            throw new IllegalArgumentException("the series has no return: it needs at least one period");
        }
        if (dates.size() != returns.length) {
            throw new IllegalArgumentException(dates.size() + " dates for " + returns.length + " returns");
        }
        for (int i = 0; i < returns.length; i++) {
            if (i > 0 && !dates.get(i).isAfter(dates.get(i - 1))) {
                throw new IllegalArgumentException("dates must be strictly increasing: " + dates.get(i)
                        + " after " + dates.get(i - 1));
            }
            checkReturn("return", dates.get(i), returns[i]);
        }
        if (benchmarkReturns != null) {
            if (benchmarkReturns.length != returns.length) {
                throw new IllegalArgumentException(benchmarkReturns.length + " benchmark returns for "
                        + returns.length + " returns (align them with withBenchmark)");
            }
            for (int i = 0; i < benchmarkReturns.length; i++) {
                checkReturn("benchmark return", dates.get(i), benchmarkReturns[i]);
            }
        }
        if (periodsPerYear <= 0) {
            throw new IllegalArgumentException("periods per year must be positive, got " + periodsPerYear);
        }
        if (!Double.isFinite(riskFreeRate) || riskFreeRate <= -1) {
            throw new IllegalArgumentException("risk-free rate must be a finite decimal above -1, got "
                    + riskFreeRate);
        }
        if (!Double.isNaN(startingEquity) && !(startingEquity > 0 && Double.isFinite(startingEquity))) {
            throw new IllegalArgumentException("starting equity must be positive or NaN, got " + startingEquity);
        }
    }

    private static void checkReturn(String what, LocalDate date, double value) {
        if (!Double.isFinite(value) || value < -1) {
            throw new IllegalArgumentException(what + " on " + date + " must be a finite decimal >= -1, got "
                    + value);
        }
    }

    /**
     * A series built from an equity curve: each period's return is the change of equity from the row before.
     *
     * @param dates          the date of each equity row, strictly increasing
     * @param equity         the equity at the end of each date, positive and finite
     * @param startingEquity the equity before the first row (the first return is {@code equity[0] / startingEquity
     *                       - 1}); {@code NaN} when the first row is the start (it then yields no return, and the
     *                       series starts on the second date)
     * @return the input, with the defaults (252 periods per year, risk-free rate 0, no benchmark, no trade)
     * @throws IllegalArgumentException when the lengths differ, an equity is not positive and finite, or there is no
     *                                  return (a single row with no starting equity)
     */
    public static PerformanceInput ofEquity(List<LocalDate> dates, double[] equity, double startingEquity) {
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(equity, "equity");
        if (dates.size() != equity.length) {
            throw new IllegalArgumentException(dates.size() + " dates for " + equity.length + " equity values");
        }
        for (int i = 0; i < equity.length; i++) {
            if (!(equity[i] > 0) || !Double.isFinite(equity[i])) {
                throw new IllegalArgumentException("equity on " + dates.get(i) + " must be positive and finite, got "
                        + equity[i]);
            }
        }
        boolean firstIsStart = Double.isNaN(startingEquity);
        int skip = firstIsStart ? 1 : 0;
        if (equity.length - skip < 1) {
            throw new IllegalArgumentException("an equity series needs at least two rows (the first one is the "
                    + "start), got " + equity.length);
        }
        double[] returns = new double[equity.length - skip];
        double previous = firstIsStart ? equity[0] : startingEquity;
        for (int i = skip; i < equity.length; i++) {
            returns[i - skip] = equity[i] / previous - 1;
            previous = equity[i];
        }
        return new PerformanceInput(dates.subList(skip, dates.size()), returns, null, List.of(),
                DEFAULT_PERIODS_PER_YEAR, 0, DEFAULT_SEED, firstIsStart ? equity[0] : startingEquity);
    }

    /**
     * A series of returns.
     *
     * @param dates   the date of each return, strictly increasing
     * @param returns decimal return of each period
     * @return the input, with the defaults (252 periods per year, risk-free rate 0, no benchmark, no trade)
     */
    public static PerformanceInput ofReturns(List<LocalDate> dates, double[] returns) {
        return new PerformanceInput(dates, returns.clone(), null, List.of(), DEFAULT_PERIODS_PER_YEAR, 0,
                DEFAULT_SEED, Double.NaN);
    }

    /**
     * The same series against a benchmark. The two series are aligned on their common dates: the rows of this series
     * whose date the benchmark lacks are dropped (with their return), and so are the benchmark's extra dates.
     *
     * @param benchmarkDates   the date of each benchmark return, strictly increasing
     * @param benchmarkReturns the benchmark's decimal returns
     * @return the aligned input
     * @throws IllegalArgumentException when the lengths differ or the two series have no date in common
     */
    public PerformanceInput withBenchmark(List<LocalDate> benchmarkDates, double[] benchmarkReturns) {
        Objects.requireNonNull(benchmarkDates, "benchmarkDates");
        Objects.requireNonNull(benchmarkReturns, "benchmarkReturns");
        if (benchmarkDates.size() != benchmarkReturns.length) {
            throw new IllegalArgumentException(benchmarkDates.size() + " benchmark dates for "
                    + benchmarkReturns.length + " benchmark returns");
        }
        Map<LocalDate, Double> byDate = new HashMap<>(benchmarkDates.size() * 2);
        for (int i = 0; i < benchmarkReturns.length; i++) {
            byDate.put(benchmarkDates.get(i), benchmarkReturns[i]);
        }
        List<LocalDate> common = new ArrayList<>(dates.size());
        double[] own = new double[dates.size()];
        double[] bench = new double[dates.size()];
        for (int i = 0; i < dates.size(); i++) {
            Double b = byDate.get(dates.get(i));
            if (b != null) {
                own[common.size()] = returns[i];
                bench[common.size()] = b;
                common.add(dates.get(i));
            }
        }
        if (common.isEmpty()) {
            throw new IllegalArgumentException("the series (" + dates.get(0) + " .. " + dates.get(dates.size() - 1)
                    + ") and the benchmark have no date in common");
        }
        int n = common.size();
        return new PerformanceInput(common, Arrays.copyOf(own, n), Arrays.copyOf(bench, n),
                trades, periodsPerYear, riskFreeRate, seed, startingEquity);
    }

    /**
     * @param newTrades the trades behind the series
     * @return the same input with these trades
     */
    public PerformanceInput withTrades(List<TradeRecord> newTrades) {
        return new PerformanceInput(dates, returns, benchmarkReturns, newTrades, periodsPerYear, riskFreeRate, seed,
                startingEquity);
    }

    /**
     * @param n periods in a year (252 for daily trading data, 365 for every calendar day, 52 weekly, 12 monthly)
     * @return the same input annualised with {@code n}
     */
    public PerformanceInput withPeriodsPerYear(int n) {
        return new PerformanceInput(dates, returns, benchmarkReturns, trades, n, riskFreeRate, seed, startingEquity);
    }

    /**
     * @param rate annual risk-free rate as a decimal (0.02 = 2 %)
     * @return the same input with this risk-free rate
     */
    public PerformanceInput withRiskFreeRate(double rate) {
        return new PerformanceInput(dates, returns, benchmarkReturns, trades, periodsPerYear, rate, seed,
                startingEquity);
    }

    /**
     * @param newSeed seed of the Monte Carlo VaR simulation
     * @return the same input with this seed
     */
    public PerformanceInput withSeed(long newSeed) {
        return new PerformanceInput(dates, returns, benchmarkReturns, trades, periodsPerYear, riskFreeRate, newSeed,
                startingEquity);
    }
}
