package io.nautilus.analytics.report;

import io.nautilus.analytics.api.Drawdown;
import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.api.TradeRecord;
import io.nautilus.analytics.performance.Performance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Seeded, made-up performance results for the report's tests. */
final class SampleResults {

    private SampleResults() {
    }

    /**
     * About two and a half years of business days of seeded random returns against a benchmark, with every series,
     * an undefined statistic and {@code trades} trades.
     *
     * @param instrument the instrument of the trades
     * @param trades     how many trades
     */
    static PerformanceResult random(String instrument, int trades) {
        Random rnd = new Random(7);
        int n = 640;
        int window = 63;
        List<LocalDate> dates = new ArrayList<>();
        double[] returns = new double[n];
        double[] equity = new double[n];
        double[] benchmark = new double[n];
        double[] underwater = new double[n];
        double[] sharpe = new double[n];
        double[] volatility = new double[n];
        SortedMap<YearMonth, Double> monthly = new TreeMap<>();
        SortedMap<Integer, Double> yearly = new TreeMap<>();
        LocalDate day = LocalDate.of(2021, 1, 4);
        double e = 100_000;
        double b = 100_000;
        double peak = e;
        for (int k = 0; k < n; k++) {
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            dates.add(day);
            returns[k] = rnd.nextGaussian() * 0.01 + 0.0005;
            e *= 1 + returns[k];
            b *= 1 + rnd.nextGaussian() * 0.008 + 0.0003;
            equity[k] = e;
            benchmark[k] = b;
            peak = Math.max(peak, e);
            underwater[k] = e / peak - 1;
            sharpe[k] = k < window - 1 ? Double.NaN : Math.sin(k / 30.0) * 2;
            volatility[k] = k < window - 1 ? Double.NaN : 0.15 + 0.03 * Math.cos(k / 20.0);
            monthly.merge(YearMonth.from(day), returns[k], Double::sum);
            yearly.merge(day.getYear(), returns[k], Double::sum);
            day = day.plusDays(1);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("totalReturn", equity[n - 1] / 100_000 - 1);
        metrics.put("cagr", 0.0871);
        metrics.put("sharpe", 0.93);
        metrics.put("maxDrawdown", -0.153);
        metrics.put("calmar", 0.57);
        metrics.put("profitFactor", null);
        metrics.put("winRate", 0.53);
        Map<String, String> undefined = Map.of("profitFactor", "no losing trade");
        List<Drawdown> drawdowns = List.of(
                new Drawdown(-0.153, dates.get(10), dates.get(40), dates.get(90), 80),
                new Drawdown(-0.081, dates.get(100), dates.get(120), null, n - 100));
        List<TradeRecord> list = new ArrayList<>();
        for (int k = 0; k < trades; k++) {
            list.add(new TradeRecord(Instant.parse("2021-01-04T10:00:00Z").plusSeconds(3600L * k), instrument,
                    k % 2 == 0 ? "BUY" : "SELL", 100.25 + k, 10, 0.11));
        }
        return new PerformanceResult(metrics, undefined, dates, returns, equity, benchmark, underwater, drawdowns,
                monthly, yearly, window, sharpe, volatility, list);
    }

    /**
     * Two and a half years of business days of a seeded random equity against a seeded random benchmark, with
     * {@code trades} trades, analysed by {@link Performance#analyse}.
     *
     * @param trades how many trades
     */
    static PerformanceResult analysed(int trades) {
        Random rnd = new Random(11);
        int n = 640;
        List<LocalDate> dates = new ArrayList<>();
        double[] equity = new double[n];
        double[] benchmark = new double[n];
        LocalDate day = LocalDate.of(2021, 1, 4);
        double e = 100_000;
        for (int k = 0; k < n; k++) {
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            dates.add(day);
            e *= 1 + rnd.nextGaussian() * 0.01 + 0.0004;
            equity[k] = e;
            benchmark[k] = rnd.nextGaussian() * 0.008 + 0.0003;
            day = day.plusDays(1);
        }
        List<TradeRecord> list = new ArrayList<>();
        for (int k = 0; k < trades; k++) {
            list.add(new TradeRecord(dates.get(k % n).atTime(14, 30).toInstant(java.time.ZoneOffset.UTC),
                    "SIM-ACME", k % 2 == 0 ? "BUY" : "SELL", 100 + (k % 17) * 0.25, 10, 0.11));
        }
        return Performance.analyse(PerformanceInput.ofEquity(dates, equity, 100_000)
                .withBenchmark(dates, benchmark).withTrades(list));
    }
}
