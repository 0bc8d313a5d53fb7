package io.nautilus.benchmarks.backtest;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.engine.Backtest;
import io.nautilus.backtest.engine.BacktestResult;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.ProgressListener;
import io.nautilus.backtest.engine.StrategyCatalog;
import io.nautilus.core.embedded.EmbeddedCore;
import io.nautilus.data.MarketData;
import io.nautilus.data.MarketDataImport;
import io.nautilus.data.MarketEvent;
import io.nautilus.data.MarketEventSource;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.ValidationReason;
import io.nautilus.marketdata.pipeline.TickPipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Backtest engine throughput (issue 11): generated SIM-ACME quotes, imported once into a nautilus-data store, replayed
 * on one thread by stage: {@code read} (the store reader alone), {@code pipeline} (reader + the market-data engine's
 * TickPipeline with 1-minute bars), {@code full} ({@link Backtest#run}: reader, simulated exchange, the core's engine,
 * pipeline and a strategy sending a market order on every {@code --order-every}-th quote, 1 % by default, files
 * written). Each stage: one warm-up pass,
 * then {@code --runs} passes; the JSON line has the medians and the process's peak RSS (VmHWM).
 *
 * <pre>
 * java -cp benchmarks/target/nautilus-benchmarks.jar io.nautilus.benchmarks.backtest.BacktestBench
 *     [--events 5000000] [--days 5] [--runs 3] [--stages read,pipeline,full] [--dir /tmp/nautilus-backtest-bench]
 *     [--warmup true] [--order-every 100]
 * </pre>
 */
public final class BacktestBench {

    static final String INSTRUMENTS = """
            SIM-ACME.priceScale = 2
            SIM-ACME.quantityScale = 0
            SIM-ACME.tickSize = 0.01
            SIM-ACME.lotSize = 1
            SIM-ACME.takerFeeBps = 1
            """;

    /** The strategy sends a market order on every n-th quote; 0 never. */
    static long orderEvery = 100;

    private BacktestBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--events", "5000000", "--days", "5", "--runs", "3",
                "--stages", "read,pipeline,full", "--dir", "/tmp/nautilus-backtest-bench", "--warmup", "true",
                "--order-every", "100"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!o.containsKey(args[i])) {
                System.err.println("unknown option " + args[i] + "; options: " + o.keySet());
                System.exit(2);
            }
            o.put(args[i], args[i + 1]);
        }
        long events = Long.parseLong(o.get("--events"));
        int days = Integer.parseInt(o.get("--days"));
        int runs = Integer.parseInt(o.get("--runs"));
        boolean warmup = Boolean.parseBoolean(o.get("--warmup"));
        orderEvery = Long.parseLong(o.get("--order-every"));
        Path dir = Path.of(o.get("--dir"));
        Files.createDirectories(dir);
        Path instruments = dir.resolve("instruments.cfg");
        Files.writeString(instruments, INSTRUMENTS);
        Path store = dir.resolve("store-" + events + "-" + days);
        double importRate = generate(store, instruments, events, days);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "backtest-replay");
        json.put("events", events);
        json.put("days", days);
        json.put("runs", runs);
        json.put("orderEvery", orderEvery);
        if (importRate > 0) {
            json.put("importRowsPerSecond", Math.round(importRate));
        }
        for (String stage : o.get("--stages").split(",")) {
            if (warmup) {
                run(stage, store, instruments, dir);
            }
            double[] rates = new double[runs];
            long fills = 0;
            for (int r = 0; r < runs; r++) {
                double[] out = run(stage, store, instruments, dir);
                rates[r] = out[0];
                fills = (long) out[1];
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            json.put(stage + "EventsPerSecond", Math.round(sorted[runs / 2]));
            json.put(stage + "Runs", Arrays.stream(rates).mapToObj(x -> Long.toString(Math.round(x))).toList());
            if (stage.equals("full")) {
                json.put("fills", fills);
            }
        }
        json.put("maxRssKb", vmHwmKb());
        StringBuilder sb = new StringBuilder("{");
        json.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String s ? "\"" + s + "\"" : v.toString().replace(" ", "")));
        System.out.println(sb.append('}'));
    }

    /** Writes the store once (CSV per day, imported, deleted); returns the import rate, 0 if it existed. */
    static double generate(Path store, Path instruments, long events, int days) throws IOException {
        if (Files.isDirectory(store)) {
            return 0;
        }
        Map<String, Instrument> bySymbol = bySymbol(instruments);
        Path staging = store.resolveSibling(store.getFileName() + ".tmp");
        deleteTree(staging);
        Files.createDirectories(staging);
        SplittableRandom random = new SplittableRandom(42);
        long start = Instant.parse("2024-01-02T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        long perDay = events / days;
        long step = 86_400_000_000_000L / perDay;
        long mid = 10_000;
        long imported = 0;
        long nanos = 0;
        for (int d = 0; d < days; d++) {
            Path csv = staging.resolve("day.csv");
            try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
                w.write("timestamp,instrument,bidPrice,bidSize,askPrice,askSize\n");
                long dayStart = start + d * 86_400_000_000_000L;
                for (long k = 0; k < perDay; k++) {
                    mid = Math.max(500, mid + random.nextInt(3) - 1);
                    w.write(Long.toString(dayStart + k * step));
                    w.write(",SIM-ACME,");
                    w.write(cents(mid - 1));
                    w.write(',');
                    w.write(Integer.toString(100 + random.nextInt(900)));
                    w.write(',');
                    w.write(cents(mid + 1));
                    w.write(',');
                    w.write(Integer.toString(100 + random.nextInt(900)));
                    w.write('\n');
                }
            }
            long t0 = System.nanoTime();
            MarketDataImport.Report report = new MarketDataImport(staging.resolve("store"), bySymbol)
                    .run(List.of(csv));
            nanos += System.nanoTime() - t0;
            imported += report.rows();
            Files.delete(csv);
        }
        Files.move(staging.resolve("store"), store);
        deleteTree(staging);
        return imported / (nanos / 1e9);
    }

    static String cents(long c) {
        String s = Long.toString(c);
        return s.substring(0, s.length() - 2) + "." + s.substring(s.length() - 2);
    }

    static Map<String, Instrument> bySymbol(Path instruments) throws IOException {
        Map<String, Instrument> out = new LinkedHashMap<>();
        for (EmbeddedCore.Definition d : EmbeddedCore.parseInstruments(EmbeddedCore.readConfig(instruments))) {
            out.put(d.instrument().symbol(), d.instrument());
        }
        return out;
    }

    /** @return events per second and fills of one pass of a stage */
    static double[] run(String stage, Path store, Path instruments, Path dir) throws Exception {
        return switch (stage) {
            case "read" -> read(store, instruments, false);
            case "pipeline" -> read(store, instruments, true);
            case "full" -> full(store, instruments, dir);
            default -> throw new IllegalArgumentException("unknown stage " + stage + "; read, pipeline or full");
        };
    }

    static double[] read(Path store, Path instruments, boolean pipeline) throws IOException {
        long[] seen = new long[1];
        try (MarketEventSource source = MarketData.open(List.of(store), bySymbol(instruments), Long.MIN_VALUE,
                Long.MAX_VALUE)) {
            TickPipeline p = !pipeline ? null : new TickPipeline(source.instruments(), new TickPipeline.Settings(
                    1000, java.util.Set.of(ValidationReason.PRICE_JUMP), List.of(BarSpec.time(60_000_000_000L))),
                    new TickPipeline.Listener() {
                        @Override
                        public void onQuote(Quote q, ValidationReason flag) {
                            seen[0]++;
                        }

                        @Override
                        public void onTrade(Trade t, ValidationReason flag) {
                            seen[0]++;
                        }

                        @Override
                        public void onBar(BarSpec spec, Bar bar) {
                            seen[0]++;
                        }
                    });
            MarketEvent e = new MarketEvent();
            long n = 0;
            long sum = 0;
            long clock = Long.MIN_VALUE;
            long t0 = System.nanoTime();
            while (source.next(e)) {
                n++;
                sum += e.bidPrice;
                if (p != null) {
                    if (e.timestamp > clock) {
                        clock = e.timestamp;
                        p.clock(clock);
                    }
                    p.quote(e.instrument, e.bidPrice, e.bidSize, e.askPrice, e.askSize, e.timestamp);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (sum == 42) {
                System.err.print("");
            }
            return new double[] {n / seconds, seen[0]};
        }
    }

    static double[] full(Path store, Path instruments, Path dir) throws Exception {
        BacktestRequest request = BacktestRequest.parse(List.of("--data", store.toString(), "--strategy",
                "bench", "--out", dir.resolve("out").toString()));
        Environment env = Environment.standard(catalog(), instruments, dir);
        BacktestResult result = Backtest.run(request, env, ProgressListener.NONE, () -> false);
        return new double[] {result.eventsPerSecond(), result.fills()};
    }

    /** The strategy: a market order on every 100th quote, buying when flat and selling the position when long. */
    static StrategyCatalog catalog() {
        StrategyFactory factory = new StrategyFactory() {
            @Override
            public String name() {
                return "bench";
            }

            @Override
            public Map<String, Object> parameters() {
                return Map.of();
            }

            @Override
            public Strategy create(Map<String, ?> parameters) {
                return new Strategy() {
                    final InstrumentId acme = InstrumentId.of("SIM-ACME");
                    StrategyContext context;
                    long quotes;
                    long position;

                    @Override
                    public void start(StrategyContext context) {
                        this.context = context;
                    }

                    @Override
                    public void stop() {
                    }

                    @Override
                    public void onQuote(Quote quote) {
                        if (++quotes == orderEvery) {
                            quotes = 0;
                            if (position == 0) {
                                context.submitMarket(acme, Side.BUY, 10);
                            } else {
                                context.submitMarket(acme, Side.SELL, position);
                            }
                        }
                    }

                    @Override
                    public void onExecutionReport(ExecutionReport report) {
                        position += report.signedLastQuantity();
                    }
                };
            }
        };
        return new StrategyCatalog() {
            @Override
            public StrategyFactory find(String name) {
                return name.equals("bench") ? factory : null;
            }

            @Override
            public List<String> names() {
                return List.of("bench");
            }
        };
    }

    static long vmHwmKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux
        }
        return -1;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = new ArrayList<>(s.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
