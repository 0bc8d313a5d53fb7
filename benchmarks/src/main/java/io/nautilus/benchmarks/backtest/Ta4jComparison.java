package io.nautilus.benchmarks.backtest;

import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.engine.Backtest;
import io.nautilus.backtest.engine.BacktestResult;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.ProgressListener;
import io.nautilus.backtest.engine.StrategyCatalog;
import io.nautilus.data.MarketDataImport;
import io.nautilus.strategy.smacross.SmaCrossFactory;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The same SMA crossover backtest in Nautilus and in ta4j 0.17, in one JVM: {@code --bars} generated 1-minute SIM-ACME
 * bars (a seeded random walk in cents with trends of random drift and length), long only, a market order at the next
 * bar's open on each cross, {@code --fast}/{@code --slow} bars.
 *
 * <ul>
 *   <li>{@code ta4j-double}, {@code ta4j-decimal}: a {@code BarSeries} of {@code DoubleNum} (ta4j's fast mode) or
 *       {@code DecimalNum} (exact, 32 digits) built from the bars in memory (its build timed apart), then timed:
 *       {@code ClosePriceIndicator}, two {@code SMAIndicator}s, {@code CrossedUp/DownIndicatorRule}, a
 *       {@code BaseStrategy} with {@code unstableBars = slow} run by {@code BarSeriesManager} with
 *       {@code TradeOnNextOpenModel} (fresh indicators each pass: they cache their values);</li>
 *   <li>{@code nautilus-store}, {@code nautilus-csv}: {@link Backtest#run} as {@code bin/nautilus-backtest} runs it,
 *       strategy {@code smacross}, over the bars imported once into a nautilus-data store (kept in {@code --dir})
 *       or over the CSV file they were imported from; timed from the call to its return (opening the data and the
 *       four output files included).</li>
 * </ul>
 * One warm-up pass of every system, then {@code --runs} passes, the order of the systems rotated by one each pass.
 * Prints one JSON line per system (median bars/s, the passes, trades = fills, the collectors' time per pass;
 * Nautilus lines with the ratio to each ta4j mode) and a last line with every system's trade count and whether
 * Nautilus's equal ta4j's with {@code DecimalNum} (the exact semantics, {@code Ta4jReferenceTest}; {@code DoubleNum}'s
 * running sums round, so exactly equal averages can compare unequal and its count differ).
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/nautilus-benchmarks.jar io.nautilus.benchmarks.backtest.Ta4jComparison
 *     [--bars 2000000] [--fast 10] [--slow 30] [--runs 5] [--dir /tmp/nautilus-ta4j-bench]
 *     [--systems ta4j-double,ta4j-decimal,nautilus-store,nautilus-csv]
 * </pre>
 */
public final class Ta4jComparison {

    static final String INSTRUMENTS = """
            SIM-ACME.priceScale = 2
            SIM-ACME.quantityScale = 0
            SIM-ACME.tickSize = 0.01
            SIM-ACME.lotSize = 1
            """;
    static final long MINUTE = 60_000_000_000L;
    static final long START = Instant.parse("2020-01-01T00:01:00Z").getEpochSecond() * 1_000_000_000L;
    static final int QUANTITY = 10;

    private Ta4jComparison() {
    }

    /** The generated bars, in cents; bar {@code i} closes at {@code START + i} minutes. */
    record Bars(long[] open, long[] high, long[] low, long[] close) {
        int size() {
            return close.length;
        }

        long endNanos(int i) {
            return START + i * MINUTE;
        }
    }

    /**
     * One timed pass: bars per second of the timed part, trades, the series build's rate (ta4j), and the time the
     * JVM's collectors report for the timed part (ms).
     */
    record Pass(double barsPerSecond, long trades, double buildBarsPerSecond, long gcMillis) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--bars", "2000000", "--fast", "10", "--slow", "30",
                "--runs", "5", "--dir", "/tmp/nautilus-ta4j-bench", "--systems",
                "ta4j-double,ta4j-decimal,nautilus-store,nautilus-csv"));
        for (int i = 0; i < args.length; i += 2) {
            if (!o.containsKey(args[i]) || i + 1 == args.length) {
                System.err.println("unknown option or missing value: " + args[i] + "; options: " + o.keySet());
                System.exit(2);
            }
            o.put(args[i], args[i + 1]);
        }
        int n = Integer.parseInt(o.get("--bars"));
        int fast = Integer.parseInt(o.get("--fast"));
        int slow = Integer.parseInt(o.get("--slow"));
        int runs = Integer.parseInt(o.get("--runs"));
        List<String> systems = List.of(o.get("--systems").split(","));
        Path dir = Path.of(o.get("--dir"));
        Files.createDirectories(dir);
        Path instruments = dir.resolve("instruments.cfg");
        Files.writeString(instruments, INSTRUMENTS);

        Bars bars = generate(n, 42);
        Path csv = dir.resolve("bars-" + n + ".csv");
        Path store = dir.resolve("store-" + n);
        if (!Files.exists(csv)) {
            writeCsv(bars, csv);
        }
        if (!Files.isDirectory(store)) {
            Path staging = dir.resolve("store-" + n + ".tmp");
            BacktestBench.deleteTree(staging);
            MarketDataImport.Report report = new MarketDataImport(staging, BacktestBench.bySymbol(instruments))
                    .run(List.of(csv));
            System.err.printf("imported %d bars into %s in %.1f s%n", report.bars(), store, report.seconds());
            Files.move(staging, store);
        }
        Environment env = Environment.standard(catalog(), instruments, dir);

        Map<String, List<Pass>> passes = new LinkedHashMap<>();
        for (String s : systems) {
            passes.put(s, new ArrayList<>());
        }
        for (int p = -1; p < runs; p++) {
            for (int k = 0; k < systems.size(); k++) {
                String system = systems.get(Math.floorMod(k + p, systems.size()));
                Pass pass = run(system, bars, fast, slow, store, csv, env, dir);
                if (p >= 0) {
                    passes.get(system).add(pass);
                }
                System.err.printf("pass %d %-15s %,12.0f bars/s  %d trades  gc %d ms%n", p, system,
                        pass.barsPerSecond(), pass.trades(), pass.gcMillis());
            }
        }

        Map<String, Double> medians = new LinkedHashMap<>();
        passes.forEach((s, list) -> medians.put(s, median(list.stream().mapToDouble(Pass::barsPerSecond).toArray())));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (String s : systems) {
            List<Pass> list = passes.get(s);
            StringBuilder sb = new StringBuilder("{\"benchmark\":\"backtest-ta4j\",\"system\":\"").append(s)
                    .append("\",\"bars\":").append(n).append(",\"fast\":").append(fast).append(",\"slow\":")
                    .append(slow).append(",\"runs\":").append(runs).append(",\"barsPerSecond\":")
                    .append(Math.round(medians.get(s))).append(",\"passes\":")
                    .append(Arrays.toString(list.stream().mapToLong(x -> Math.round(x.barsPerSecond())).toArray())
                            .replace(" ", ""))
                    .append(",\"trades\":").append(list.get(list.size() - 1).trades())
                    .append(",\"gcMillis\":").append(Arrays.toString(list.stream().mapToLong(Pass::gcMillis).toArray())
                            .replace(" ", ""));
            if (s.startsWith("ta4j")) {
                sb.append(",\"seriesBuildBarsPerSecond\":")
                        .append(Math.round(median(list.stream().mapToDouble(Pass::buildBarsPerSecond).toArray())));
            } else {
                for (String t : List.of("ta4j-double", "ta4j-decimal")) {
                    if (medians.containsKey(t)) {
                        sb.append(",\"vs").append(t.equals("ta4j-double") ? "Ta4jDouble" : "Ta4jDecimal")
                                .append("\":").append(String.format("%.2f", medians.get(s) / medians.get(t)));
                    }
                }
            }
            System.out.println(sb.append(",\"loadAverage\":").append(String.format("%.2f", load)).append('}'));
        }
        StringBuilder check = new StringBuilder("{\"benchmark\":\"backtest-ta4j-trades\"");
        Map<String, Long> trades = new LinkedHashMap<>();
        passes.forEach((s, list) -> trades.put(s, list.get(list.size() - 1).trades()));
        trades.forEach((s, t) -> check.append(",\"").append(s).append("\":").append(t));
        if (trades.containsKey("ta4j-decimal")) {
            boolean same = trades.entrySet().stream().filter(e -> e.getKey().startsWith("nautilus"))
                    .allMatch(e -> e.getValue().equals(trades.get("ta4j-decimal")));
            check.append(",\"nautilusSameAsTa4jDecimal\":").append(same);
        }
        System.out.println(check.append('}'));
    }

    static Pass run(String system, Bars bars, int fast, int slow, Path store, Path csv, Environment env, Path dir)
            throws Exception {
        return switch (system) {
            case "ta4j-double" -> ta4j(bars, fast, slow, DoubleNum::valueOf, c -> DoubleNum.valueOf(c / 100.0));
            case "ta4j-decimal" -> ta4j(bars, fast, slow, DecimalNum::valueOf,
                    c -> DecimalNum.valueOf(BigDecimal.valueOf(c, 2)));
            case "nautilus-store" -> nautilus(store, bars.size(), fast, slow, env, dir);
            case "nautilus-csv" -> nautilus(csv, bars.size(), fast, slow, env, dir);
            default -> throw new IllegalArgumentException("unknown system " + system
                    + "; ta4j-double, ta4j-decimal, nautilus-store or nautilus-csv");
        };
    }

    static Pass ta4j(Bars bars, int fast, int slow, Function<Number, Num> numOf, Function<Long, Num> price) {
        long t0 = System.nanoTime();
        BarSeries series = new BaseBarSeriesBuilder().withName("SIM-ACME").withNumTypeOf(numOf).build();
        Duration minute = Duration.ofMinutes(1);
        Num volume = numOf.apply(100);
        for (int i = 0; i < bars.size(); i++) {
            long end = bars.endNanos(i);
            ZonedDateTime endTime = Instant.ofEpochSecond(end / 1_000_000_000L).atZone(ZoneOffset.UTC);
            series.addBar(minute, endTime, price.apply(bars.open()[i]), price.apply(bars.high()[i]),
                    price.apply(bars.low()[i]), price.apply(bars.close()[i]), volume);
        }
        long t1 = System.nanoTime();
        long gc = gcMillis();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fastSma = new SMAIndicator(close, fast);
        SMAIndicator slowSma = new SMAIndicator(close, slow);
        BaseStrategy strategy = new BaseStrategy("smacross", new CrossedUpIndicatorRule(fastSma, slowSma),
                new CrossedDownIndicatorRule(fastSma, slowSma), slow);
        TradingRecord record = new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strategy,
                Trade.TradeType.BUY, numOf.apply(QUANTITY));
        long t2 = System.nanoTime();
        return new Pass(bars.size() / ((t2 - t1) / 1e9), record.getTrades().size(), bars.size() / ((t1 - t0) / 1e9),
                gcMillis() - gc);
    }

    static Pass nautilus(Path data, int n, int fast, int slow, Environment env, Path dir) throws Exception {
        BacktestRequest request = BacktestRequest.parse(List.of("--data", data.toString(), "--strategy", "smacross",
                "--param", "instrument=SIM-ACME", "--param", "fast=" + fast, "--param", "slow=" + slow, "--param",
                "quantity=" + QUANTITY, "--out", dir.resolve("out").toString()));
        long gc = gcMillis();
        long t0 = System.nanoTime();
        BacktestResult result = Backtest.run(request, env, ProgressListener.NONE, () -> false);
        long t1 = System.nanoTime();
        if (result.events() != n) {
            throw new IllegalStateException("the backtest saw " + result.events() + " events, not " + n + " bars");
        }
        return new Pass(n / ((t1 - t0) / 1e9), result.fills(), 0, gcMillis() - gc);
    }

    static StrategyCatalog catalog() {
        StrategyFactory smacross = new SmaCrossFactory();
        return new StrategyCatalog() {
            @Override
            public StrategyFactory find(String name) {
                return name.equals(smacross.name()) ? smacross : null;
            }

            @Override
            public List<String> names() {
                return List.of(smacross.name());
            }
        };
    }

    /**
     * {@code n} bars of a random walk in cents from 100.00: trends of 5 to 124 bars with a drift of −2..2 cents per
     * bar and noise of ±3 cents; each bar opens up to 2 cents off the previous close; never below 1.00.
     */
    static Bars generate(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long last = 10_000;
        int drift = 0;
        int left = 0;
        for (int i = 0; i < n; i++) {
            if (left-- == 0) {
                left = 5 + random.nextInt(120);
                drift = random.nextInt(5) - 2;
            }
            open[i] = Math.max(100, last + random.nextInt(5) - 2);
            close[i] = Math.max(100, last + drift + random.nextInt(7) - 3);
            high[i] = Math.max(open[i], close[i]) + random.nextInt(3);
            low[i] = Math.max(1, Math.min(open[i], close[i]) - random.nextInt(3));
            last = close[i];
        }
        return new Bars(open, high, low, close);
    }

    static void writeCsv(Bars bars, Path csv) throws IOException {
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write("timestamp,instrument,open,high,low,close,volume\n");
            for (int i = 0; i < bars.size(); i++) {
                w.write(Long.toString(bars.endNanos(i)));
                w.write(",SIM-ACME,");
                w.write(BacktestBench.cents(bars.open()[i]));
                w.write(',');
                w.write(BacktestBench.cents(bars.high()[i]));
                w.write(',');
                w.write(BacktestBench.cents(bars.low()[i]));
                w.write(',');
                w.write(BacktestBench.cents(bars.close()[i]));
                w.write(",100\n");
            }
        }
        Files.move(tmp, csv);
    }

    static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
