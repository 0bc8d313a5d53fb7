package io.nautilus.benchmarks.analytics;

import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.performance.Performance;
import io.nautilus.analytics.performance.ValueAtRisk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Analytics speed (issue 12): {@code stats}, {@link Performance#analyse} of 10 years of daily returns (2 520 rows,
 * with a benchmark) without the Monte Carlo VaR (goal 1 ms); {@code monteCarlo}, the Monte Carlo VaR/CVaR at 95, 99
 * and 99.9 % with 100 000 paths (goal 1 s); {@code full}, the whole analysis with both. Each: a warm-up, then
 * {@code --runs} timed passes; the last line is the JSON of the medians in milliseconds.
 *
 * <pre>
 * java -cp benchmarks/target/nautilus-benchmarks.jar io.nautilus.benchmarks.analytics.AnalyticsBench
 *     [--years 10] [--paths 100000] [--runs 200] [--warmup 2000]
 * </pre>
 */
public final class AnalyticsBench {

    private AnalyticsBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options above
     */
    public static void main(String[] args) {
        int years = 10;
        int paths = Performance.MONTE_CARLO_PATHS;
        int runs = 200;
        int warmup = 2000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--years" -> years = value;
                case "--paths" -> paths = value;
                case "--runs" -> runs = value;
                case "--warmup" -> warmup = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int n = years * 252;
        SplittableRandom random = new SplittableRandom(42);
        List<LocalDate> dates = new ArrayList<>(n);
        double[] returns = new double[n];
        double[] benchmark = new double[n];
        LocalDate day = LocalDate.of(2015, 1, 2);
        for (int i = 0; i < n; i++) {
            dates.add(day);
            day = day.plusDays(day.getDayOfWeek().getValue() == 5 ? 3 : 1);
            double market = 0.0003 + 0.01 * gaussian(random);
            benchmark[i] = market;
            returns[i] = 0.0002 + 0.8 * market + 0.006 * gaussian(random);
        }
        PerformanceInput in = PerformanceInput.ofReturns(dates, returns).withBenchmark(dates, benchmark);

        double stats = medianMillis(warmup, runs, () -> Performance.analyse(in, 0));
        int monteCarloPaths = paths;
        int monteCarloRuns = Math.max(5, runs / 20);
        double monteCarlo = medianMillis(Math.max(5, warmup / 100), monteCarloRuns, () -> {
            ValueAtRisk simulated = ValueAtRisk.monteCarlo(0.0004, 0.01, monteCarloPaths, 7);
            return simulated.var(0.05) + simulated.cvar(0.05) + simulated.var(0.01) + simulated.cvar(0.01)
                    + simulated.var(0.001) + simulated.cvar(0.001);
        });
        double full = medianMillis(Math.max(5, warmup / 100), monteCarloRuns, () -> Performance.analyse(in,
                monteCarloPaths));
        PerformanceResult check = Performance.analyse(in);
        System.out.printf(Locale.ROOT, "rows %d, sharpe %.4f, var99 %.5f, var99MonteCarlo %.5f%n", n,
                (Double) check.metrics().get("sharpe"), (Double) check.metrics().get("var99"),
                (Double) check.metrics().get("var99MonteCarlo"));
        System.out.printf(Locale.ROOT, "{\"rows\":%d,\"paths\":%d,\"statsMs\":%.4f,\"monteCarloMs\":%.3f,"
                + "\"fullMs\":%.3f,\"runs\":%d,\"monteCarloRuns\":%d}%n", n, paths, stats, monteCarlo, full, runs,
                monteCarloRuns);
    }

    private static double medianMillis(int warmup, int runs, java.util.function.Supplier<Object> work) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = work.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink = work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
