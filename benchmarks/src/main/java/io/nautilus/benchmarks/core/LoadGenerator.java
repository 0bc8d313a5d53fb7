package io.nautilus.benchmarks.core;

import io.nautilus.core.Command;
import io.nautilus.core.CommandProcessor;
import io.nautilus.core.EventLog;
import io.nautilus.core.Op;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.pipeline.CommandFiller;
import io.nautilus.core.pipeline.CorePipeline;
import io.nautilus.core.pipeline.PipelineConfig;
import io.nautilus.core.risk.RiskLimits;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * End-to-end load generator of the trading core: drives the full {@link CorePipeline} (Disruptor ring, journal in a
 * temporary folder, risk with loose limits, matching, positions, result handler) with a pre-generated command
 * {@link Mix}, in one of two modes:
 * <ul>
 *   <li>throughput: publishes N commands as fast as the ring takes them and reports commands per second, from the
 *       first publish until the result handler saw the last result;</li>
 *   <li>latency: publishes at a fixed rate on a schedule (command k is due at {@code start + k / rate}; a command
 *       that is late is sent at once) and records, on the result handler's thread, the time each result was seen
 *       minus its scheduled time into an HdrHistogram: coordinated-omission-correct, a stall counts for every
 *       command it held up.</li>
 * </ul>
 * Both modes first publish a warm-up (not measured) and the latency mode paces a few unrecorded seconds before
 * recording. Prints human-readable lines, then one JSON line.
 *
 * <p>Run: {@code benchmarks/core/load.sh --mode latency --rate 100000} (or {@code java -cp
 * benchmarks/target/nautilus-benchmarks.jar io.nautilus.benchmarks.core.LoadGenerator --help}).
 */
public final class LoadGenerator {

    /** Capital of every account in engine mode (money scale 0): far above what any mix's exposure needs. */
    private static final long ENGINE_CAPITAL = 1_000_000_000_000L;
    /** The built-in risk limits: every order is checked against them, none of the mixes comes near. */
    static final Map<String, String> LOOSE_LIMITS = looseLimits();

    private final LoadOptions options;
    private final PrintStream out;
    private String wait;
    private String layout;

    private LoadGenerator(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Entry point.
     *
     * @param args see {@link LoadOptions#USAGE}
     */
    public static void main(String[] args) {
        quietLogging();
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGenerator: " + e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new LoadGenerator(options, System.out).run();
        } catch (Exception e) {
            System.err.println("LoadGenerator: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void quietLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    /** Publishes command {@link #index} of the stream; one instance, used by the publishing thread only. */
    private static final class StreamFiller implements CommandFiller {
        private final CommandStream stream;
        int index;

        StreamFiller(CommandStream stream) {
            this.stream = stream;
        }

        @Override
        public void fill(Command command) {
            stream.fill(index, command);
        }
    }

    private void run() throws Exception {
        int warmup = options.warmupCommands();
        int phase = options.measuredPhaseCommands();
        long began = System.nanoTime();
        CommandStream stream;
        if (options.stream() != null) {
            stream = FileStream.load(options.stream(), warmup + phase);
            out.printf(Locale.ROOT, "stream read in %.1f s: %s%n", (System.nanoTime() - began) / 1e9,
                    stream.describe());
        } else {
            stream = options.mix().generate(options.seed(), warmup + phase);
            out.printf(Locale.ROOT, "mix %s, seed %d, generated in %.1f s: %s%n", options.mix().label(),
                    options.seed(), (System.nanoTime() - began) / 1e9, stream.describe());
        }
        RiskLimits limits = options.noRisk() ? null : loadLimits(options.risk());
        if (options.engineOnly()) {
            engineAlone(stream, limits, warmup, phase);
            return;
        }
        if (!options.history().equals("off")) {
            new StoreOnOff(options, out).run(stream, limits);
            return;
        }
        for (int pass = 1; pass < options.passes(); pass++) {
            long passBegan = System.nanoTime();
            new LoadGenerator(options, new PrintStream(OutputStream.nullOutputStream())).pipeline(stream, limits,
                    warmup, phase, passBegan);
            out.printf(Locale.ROOT, "pass %d of %d (not timed: the JIT's warm-up) took %.1f s%n", pass,
                    options.passes(), (System.nanoTime() - passBegan) / 1e9);
            System.gc();
        }
        pipeline(stream, limits, warmup, phase, began);
    }

    /** One run of the whole stream through a fresh pipeline and journal; prints its figures and JSON line. */
    private void pipeline(CommandStream stream, RiskLimits limits, int warmup, int phase, long began)
            throws Exception {
        Path parent = options.journalParent() != null ? options.journalParent()
                : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, "nautilus-load-");
        Map<String, Object> settings = new HashMap<>();
        settings.put("journal.dir", dir.toString());
        settings.put("journal.fsync", options.fsync());
        if (options.waitStrategy() != null) {
            settings.put("wait.strategy", options.waitStrategy());
        }
        if (options.layout() != null) {
            settings.put("pipeline.layout", options.layout());
        }
        settings.put("ring.size", Integer.toString(options.ringSize()));
        for (String key : new String[] {"pin.journal", "pin.business", "pin.publish"}) {
            String cpu = System.getProperty("load." + key);
            if (cpu != null) {
                settings.put(key, cpu);
            }
        }
        PipelineConfig config = PipelineConfig.from(settings);
        wait = config.waitStrategy().name().toLowerCase(Locale.ROOT).replace('_', '-');
        layout = config.layout().label();
        out.printf(Locale.ROOT, "pipeline: layout %s (%d CPUs), ring %d, wait %s, fsync %s, journal %s, risk %s%n",
                layout, Runtime.getRuntime().availableProcessors(), config.ringSize(), config.waitStrategy(),
                config.fsync(), dir,
                limits == null ? "off" : options.risk() == null ? "built-in loose limits" : options.risk());

        TradingEngine engine = new TradingEngine(0);
        LoadResults results = new LoadResults();
        CorePipeline<CommandProcessor> pipeline = new CorePipeline<>(config, engine, engine.snapshotParts(), results);
        StreamFiller filler = new StreamFiller(stream);
        try {
            pipeline.start();
            long lastSeq = 0;
            for (int i = 0; i < stream.definitions(); i++) {
                filler.index = i;
                lastSeq = pipeline.publish(filler);
            }
            if (limits != null) {
                String text = limits.toText();
                lastSeq = pipeline.publish(c -> {
                    c.op = Op.SET_LIMITS;
                    c.text = text;
                    c.attachment = limits;
                });
            }
            lastSeq = publishRange(pipeline, filler, stream.definitions(), stream.setupSize() + warmup, lastSeq);
            awaitResult(results, lastSeq);
            out.printf(Locale.ROOT, "setup and warm-up: %d commands in %.1f s%n", stream.setupSize() + warmup,
                    (System.nanoTime() - began) / 1e9);
            int first = stream.setupSize() + warmup;
            System.gc(); // the stream and the setup's garbage, not a pause inside the measured phase
            results.measureFrom(lastSeq + 1);
            String json;
            if (options.latency()) {
                json = latency(pipeline, filler, results, first, phase, lastSeq);
            } else {
                json = throughput(pipeline, filler, results, first, phase, lastSeq);
            }
            pipeline.stop();
            out.printf(Locale.ROOT, "trades %d (measured %d), trading commands %d, rejected %d%n", results.trades(),
                    results.measuredTrades(), results.tradingCommands(), results.rejected());
            if (results.firstReject() != null) {
                out.println("first reject: " + results.firstReject());
            }
            out.println(json.substring(0, json.length() - 1) + String.format(Locale.ROOT,
                    ",\"streamCommands\":%d,\"trades\":%d,\"measuredTrades\":%d,\"rejected\":%d}",
                    stream.size() - stream.definitions(), results.trades(), results.measuredTrades(),
                    results.rejected()));
        } finally {
            pipeline.stop();
            deleteTree(dir);
        }
    }

    private static long publishRange(CorePipeline<?> pipeline, StreamFiller filler, int from, int to, long lastSeq) {
        long seq = lastSeq;
        for (int i = from; i < to; i++) {
            filler.index = i;
            seq = pipeline.publish(filler);
        }
        return seq;
    }

    private String throughput(CorePipeline<?> pipeline, StreamFiller filler, LoadResults results, int first, int n,
                              long lastSeq) {
        MetricsReader reader = options.scrapeMillis() > 0 ? MetricsReader.start(pipeline, options.scrapeMillis())
                : null;
        ThreadCpu cpu = new ThreadCpu();
        long start = System.nanoTime();
        long seq = publishRange(pipeline, filler, first, first + n, lastSeq);
        long published = System.nanoTime();
        awaitResult(results, seq);
        long nanos = System.nanoTime() - start;
        String scrape = "";
        if (reader != null) {
            long reads = reader.stop();
            out.printf(Locale.ROOT, "metrics snapshot read %d times (every %d ms) in the measured phase%n", reads,
                    options.scrapeMillis());
            scrape = String.format(Locale.ROOT, ",\"scrapeMs\":%d,\"metricsReads\":%d", options.scrapeMillis(), reads);
        }
        out.println("cpu of one core, measured phase: " + cpu.since(nanos));
        out.printf(Locale.ROOT, "allocated in the measured phase: %.1f bytes/command%n",
                (double) cpu.allocatedSince() / n);
        double seconds = nanos / 1e9;
        long perSecond = Math.round(n / seconds);
        out.printf(Locale.ROOT, "throughput: %d commands in %.3f s = %,d commands/s (publishing took %.3f s)%n", n,
                seconds, perSecond, (published - start) / 1e9);
        return String.format(Locale.ROOT, "{\"benchmark\":\"core-pipeline\",\"mode\":\"throughput\",\"mix\":\"%s\","
                        + "\"layout\":\"%s\",\"wait\":\"%s\",\"fsync\":\"%s\",\"commands\":%d,\"seconds\":%.3f,"
                        + "\"commandsPerSecond\":%d%s}",
                options.mix().label(), layout, wait, options.fsync(), n, seconds, perSecond, scrape);
    }

    private String latency(CorePipeline<?> pipeline, StreamFiller filler, LoadResults results, int first, int n,
                           long lastSeq) {
        long rate = options.rate();
        long unrecorded = rate * options.warmupSeconds();
        ThreadCpu cpu = new ThreadCpu();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        results.pace(lastSeq + 1, start, rate, unrecorded);
        long seq = lastSeq;
        long late = 0;
        long maxLag = 0;
        boolean yieldWhilePacing = options.pacer().equals("yield");
        for (int k = 0; k < n; k++) {
            long due = start + k * 1_000_000_000L / rate;
            long now = System.nanoTime();
            if (now < due) {
                do {
                    long gap = due - now;
                    if (gap > 200_000) {
                        LockSupport.parkNanos(gap - 100_000);
                    } else if (yieldWhilePacing) {
                        Thread.yield();
                    } else {
                        Thread.onSpinWait();
                    }
                } while ((now = System.nanoTime()) < due);
            } else if (k >= unrecorded) {
                long lag = now - due;
                if (lag > 1_000) {
                    late++;
                }
                maxLag = Math.max(maxLag, lag);
            }
            filler.index = first + k;
            seq = pipeline.publish(filler);
        }
        long end = System.nanoTime();
        awaitResult(results, seq);
        out.println("cpu of one core, paced phase: " + cpu.since(System.nanoTime() - start));
        out.printf(Locale.ROOT, "allocated in the paced phase: %.1f bytes/command%n",
                (double) cpu.allocatedSince() / n);
        long recorded = n - unrecorded;
        double seconds = (end - start) / 1e9;
        Histogram h = results.histogram();
        pipeline.stop();
        out.printf(Locale.ROOT, "latency at %,d commands/s (%s pacer): %d commands paced over %.2f s (%d recorded); "
                        + "sent late by > 1 us: %.2f%%, max send lag %.1f us%n", rate, options.pacer(), n, seconds, h.getTotalCount(),
                100.0 * late / recorded, maxLag / 1e3);
        out.printf(Locale.ROOT, "  p50 %.1f us, p90 %.1f, p99 %.1f, p99.9 %.1f, p99.99 %.1f, max %.1f, mean %.1f%n",
                micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
                micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)),
                micros(h.getValueAtPercentile(99.99)), micros(h.getMaxValue()), h.getMean() / 1e3);
        return String.format(Locale.ROOT, "{\"benchmark\":\"core-pipeline\",\"mode\":\"latency\",\"mix\":\"%s\","
                        + "\"layout\":\"%s\",\"wait\":\"%s\",\"fsync\":\"%s\",\"rate\":%d,\"seconds\":%d,\"commands\":%d,"
                        + "\"p50Micros\":%.1f,\"p90Micros\":%.1f,\"p99Micros\":%.1f,\"p999Micros\":%.1f,"
                        + "\"p9999Micros\":%.1f,\"maxMicros\":%.1f,\"meanMicros\":%.1f,\"lateSendsPct\":%.2f}",
                options.mix().label(), layout, wait, options.fsync(), rate, options.seconds(),
                h.getTotalCount(), micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
                micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)),
                micros(h.getValueAtPercentile(99.99)), micros(h.getMaxValue()), h.getMean() / 1e3,
                100.0 * late / recorded);
    }

    /**
     * Logical time between two commands of the engine-alone mode: 3 million commands a second, about the pipeline's
     * pace, so the rate windows hold a second's commands as they do in the pipeline (stamped 1 ns apart, every
     * command of a run would stay in the window).
     */
    private static final long ENGINE_NANOS_PER_COMMAND = 333;

    /** The business thread's work alone: the same commands through a TradingEngine on this thread. */
    private void engineAlone(CommandStream stream, RiskLimits limits, int warmup, int n) {
        // the commands' objects taken in turn, as the ring's slots are (their events in one log, as the pipeline's):
        // one (always in cache) unless --ring is given
        Command[] slots = new Command[options.ringSize()];
        EventLog log = EventLog.forRing(slots.length);
        for (int k = 0; k < slots.length; k++) {
            slots[k] = new Command(log);
        }
        TradingEngine engine = new TradingEngine(0);
        Command c = new Command();
        long clock = System.currentTimeMillis() * 1_000_000L;
        long trades = 0;
        long rejected = 0;
        int first = stream.setupSize() + warmup;
        long start = 0;
        for (int i = 0; i < first + n; i++) {
            if (i == stream.definitions() && limits != null) {
                // a capital for every account, so that a leverage limit (benchmarks/core/leverage-risk.cfg) is
                // checked against a positive equity instead of refusing everything
                for (int account = 0; account < engine.registry().accountCount(); account++) {
                    engine.risk().setCapital(account, ENGINE_CAPITAL);
                }
                c.clear();
                c.op = Op.SET_LIMITS;
                c.text = limits.toText();
                c.attachment = limits;
                c.timestamp = ++clock;
                engine.process(c);
            }
            if (i == first) {
                start = System.nanoTime();
            }
            if (i >= stream.definitions()) {
                c = slots[i & (slots.length - 1)];
                c.clear();
            }
            stream.fill(i, c);
            c.seq = i + 1;
            clock += ENGINE_NANOS_PER_COMMAND;
            c.timestamp = clock;
            engine.process(c);
            if (c.rejected()) {
                rejected++;
            }
            if (i >= first && c.events.hasTrades()) {
                trades++;
            }
            if (i >= stream.definitions()) {
                log.release(c);
            }
        }
        long nanos = System.nanoTime() - start;
        long perSecond = Math.round(n / (nanos / 1e9));
        out.printf(Locale.ROOT, "engine alone (%d command slot%s): %d commands in %.3f s = %,d commands/s; trading "
                + "commands %d, rejected %d%n", slots.length, slots.length == 1 ? "" : "s", n, nanos / 1e9, perSecond,
                trades, rejected);
        out.printf(Locale.ROOT, "{\"benchmark\":\"core-engine\",\"mode\":\"engine\",\"mix\":\"%s\",\"risk\":%b,"
                + "\"slots\":%d,\"commands\":%d,\"seconds\":%.3f,\"commandsPerSecond\":%d,\"rejected\":%d}%n",
                options.mix().label(), limits != null, slots.length, n, nanos / 1e9, perSecond, rejected);
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }

    /** Waits (bounded) until the result handler has seen the command with this seq. */
    private static void awaitResult(LoadResults results, long seq) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (results.completedSeq() < seq) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no result for seq " + seq + " after 120 s (last result at seq "
                        + results.completedSeq() + ")");
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private static Map<String, String> looseLimits() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("default.maxOrderQty", "1000000");
        m.put("default.maxOrderNotional", "1000000000000");
        m.put("default.maxPosition", "1000000000");
        // the rate windows hold the last second's commands (12 bytes each, in one log per kind), not 20 000 each
        m.put("default.maxOrdersPerSecond", "20000");
        m.put("default.maxCancelsPerSecond", "20000");
        return Map.copyOf(m);
    }

    private static RiskLimits loadLimits(Path file) throws IOException {
        if (file == null) {
            return RiskLimits.parse(LOOSE_LIMITS);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, Object> map = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            map.put(key, p.getProperty(key));
        }
        try {
            return RiskLimits.parse(map);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--risk " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
