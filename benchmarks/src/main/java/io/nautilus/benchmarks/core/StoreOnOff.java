package io.nautilus.benchmarks.core;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.benchmarks.history.Writers;
import io.nautilus.core.Op;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.JournalHistory;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.core.pipeline.CommandFiller;
import io.nautilus.core.pipeline.CorePipeline;
import io.nautilus.core.risk.RiskLimits;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.internal.HistoryDatabase;
import io.nautilus.history.internal.HistoryWriter;
import io.nautilus.history.internal.InstrumentScales;
import io.nautilus.history.internal.WriterSettings;
import io.nautilus.history.internal.db.Databases;
import io.nautilus.history.internal.db.JdbcBatchSink;
import io.nautilus.history.internal.db.PostgresCluster;
import io.nautilus.history.internal.db.RowSink;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * Core throughput with the history store on and off, in one JVM: rounds alternate off, on, off, on, ... Each round
 * runs the platform's real trading core ({@code TradingCoreManager}: its publish thread builds every command's
 * execution reports, keeps the order memory and hands each result to the registered {@link CommandResultListener}s)
 * on a fresh journal, and publishes the load generator's command stream straight into its pipeline (the stream's
 * definitions, the risk limits, setup and warm-up, then the measured commands as fast as the ring takes them).
 * Commands/s run from the first measured publish to the publish thread's handling of a marker command published
 * after the last one. After an "on" round the store is given time to write everything (catching up from the
 * journal what its full hand-off dropped), which is reported, so that its work does not spill into the next round. In "on" rounds the store's real {@link HistoryWriter} (on a fresh database) is registered as a
 * result listener before the first command, with the core as its journal to catch up from, as in the platform.
 *
 * <p>The core's component is built outside OSGi as its own tests do: its activation and listener methods are
 * package-private (Declarative Services calls them), so they and its pipeline field are reached by reflection, at
 * set-up only.
 */
final class StoreOnOff {

    private static final int CATCH_UP_SECONDS = 300;

    private final LoadOptions options;
    private final PrintStream out;
    private PostgresCluster cluster;
    private int databases;

    StoreOnOff(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run(CommandStream stream, RiskLimits limits) throws Exception {
        int warmup = options.warmupCommands();
        int n = options.measuredPhaseCommands();
        List<Long> off = new ArrayList<>();
        List<Long> on = new ArrayList<>();
        out.printf(Locale.ROOT, "store on/off: the real trading core (fsync %s), history %s, %d rounds of each,"
                + " alternating; load average %s%n", options.fsync(), options.history(), options.historyRounds(),
                loadAverage());
        try {
            for (int r = 0; r < options.historyRounds() * 2; r++) {
                boolean store = r % 2 == 1;
                long perSecond = round(stream, limits, warmup, n, store);
                (store ? on : off).add(perSecond);
                System.gc();
                Thread.sleep(1_000);
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
        long offMedian = median(off);
        long onMedian = median(on);
        double ratio = (double) onMedian / offMedian;
        out.printf(Locale.ROOT, "store off: median %,d commands/s %s; store on: median %,d commands/s %s;"
                + " on/off %.3f%n", offMedian, off, onMedian, on, ratio);
        out.printf(Locale.ROOT, "{\"benchmark\":\"core-pipeline-history\",\"mode\":\"throughput\",\"mix\":\"%s\","
                        + "\"fsync\":\"%s\",\"history\":\"%s\",\"commands\":%d,\"rounds\":%d,"
                        + "\"offCommandsPerSecond\":%d,\"onCommandsPerSecond\":%d,\"ratio\":%.3f,\"offRuns\":%s,"
                        + "\"onRuns\":%s,\"loadAverageEnd\":\"%s\"}%n", options.mix().label(), options.fsync(),
                Databases.redact(options.history()), n, options.historyRounds(), offMedian, onMedian, ratio,
                off.toString().replace(" ", ""), on.toString().replace(" ", ""), loadAverage());
    }

    private long round(CommandStream stream, RiskLimits limits, int warmup, int n, boolean store) throws Exception {
        Path parent = options.journalParent() != null ? options.journalParent()
                : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, "nautilus-load-core-");
        Store history = null;
        Object core = null;
        try {
            core = startCore(dir.resolve("core"));
            if (store) {
                history = openStore(dir.resolve("history"), (TradingCoreService) core, (JournalHistory) core);
                invoke(core, "addResultListener", new Class<?>[] {CommandResultListener.class}, history.writer);
            }
            @SuppressWarnings("unchecked")
            CorePipeline<?> pipeline = (CorePipeline<?>) field(core, "pipeline");
            Filler filler = new Filler(stream);
            for (int i = 0; i < stream.definitions(); i++) {
                filler.index = i;
                pipeline.publish(filler);
            }
            if (limits != null) {
                String text = limits.toText();
                pipeline.publish(c -> {
                    c.op = Op.SET_LIMITS;
                    c.text = text;
                    c.attachment = limits;
                });
            }
            for (int i = stream.definitions(); i < stream.setupSize() + warmup; i++) {
                filler.index = i;
                pipeline.publish(filler);
            }
            awaitMarker(pipeline);
            int first = stream.setupSize() + warmup;
            System.gc();
            ThreadCpu cpu = new ThreadCpu();
            long gc0 = gcMillis();
            long start = System.nanoTime();
            long lastSeq = 0;
            for (int i = first; i < first + n; i++) {
                filler.index = i;
                lastSeq = pipeline.publish(filler);
            }
            awaitMarker(pipeline);
            long nanos = System.nanoTime() - start;
            long perSecond = Math.round(n / (nanos / 1e9));
            String threads = cpu.since(nanos) + String.format(Locale.ROOT, "; GC pauses %d ms", gcMillis() - gc0);
            String storeState = "";
            if (history != null) {
                HistoryStatus s = history.writer.status();
                storeState = String.format(Locale.ROOT, "; store at the end: written up to seq %,d of %,d, queued"
                                + " %,d, dropped %,d", s.writtenSeq(), lastSeq, s.queued(), s.dropped());
                storeState += awaitCaughtUp(history.writer, System.nanoTime());
            }
            out.printf(Locale.ROOT, "  store %s: %,d commands in %.3f s = %,d commands/s; CPU of one core: %s%s%n",
                    store ? "on " : "off", n, nanos / 1e9, perSecond, threads, storeState);
            return perSecond;
        } finally {
            if (history != null) {
                history.writer.close();
            }
            if (core != null) {
                invoke(core, "deactivate", new Class<?>[0]);
            }
            if (history != null) {
                awaitWriterGone();
                history.close();
            }
            deleteTree(dir);
        }
    }

    private Object startCore(Path journal) throws Exception {
        Class<?> type = Class.forName("io.nautilus.core.internal.TradingCoreManager");
        Object core = type.getConstructor().newInstance();
        Map<String, Object> properties = new HashMap<>();
        properties.put("journal.dir", journal.toString());
        properties.put("journal.fsync", options.fsync());
        properties.put("ring.size", Integer.toString(options.ringSize()));
        if (options.waitStrategy() != null) {
            properties.put("wait.strategy", options.waitStrategy());
        }
        if (options.layout() != null) {
            properties.put("pipeline.layout", options.layout());
        }
        properties.put("snapshot.interval.minutes", 0);
        properties.put("clock.tick.ms", 60_000);
        io.nautilus.core.internal.CoreConfigs.activate((io.nautilus.core.internal.TradingCoreManager) core, properties);
        return core;
    }

    /** A store on a fresh database, its writer started and ready. */
    private Store openStore(Path folder, TradingCoreService core, JournalHistory journal) throws Exception {
        String history = options.history();
        DataSource ds;
        RowSink sink;
        String description;
        AutoCloseable closer;
        if (history.equals("embedded")) {
            ds = HistoryDatabase.embedded(folder);
            sink = new JdbcBatchSink();
            description = "H2 " + folder;
            closer = () -> { };
        } else {
            Databases.Database db;
            if (history.equals("postgresql")) {
                if (cluster == null) {
                    cluster = new PostgresCluster(List.of()).init();
                }
                db = Databases.postgres(cluster.createDatabase("onoff" + (++databases)), PostgresCluster.USER,
                        cluster.password(), 2);
            } else {
                db = Databases.postgres(history, System.getenv("NAUTILUS_HISTORY_USER"),
                        System.getenv("NAUTILUS_HISTORY_PASSWORD"), 2);
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS orders, fills, instruments, accounts, journal_gaps,"
                            + " store_progress, schema_version, position_snapshots, bars, alerts, backtest_runs"
                            + " CASCADE");
                }
            }
            ds = db.dataSource();
            sink = db.sink();
            description = db.description();
            closer = db;
        }
        InstrumentScales scales = new InstrumentScales() {
            @Override
            public int priceScale(InstrumentId instrument) {
                return core.instrument(instrument).map(Instrument::priceScale).orElse(OrderEvent.UNKNOWN_SCALE);
            }

            @Override
            public int quantityScale(InstrumentId instrument) {
                return core.instrument(instrument).map(Instrument::quantityScale).orElse(OrderEvent.UNKNOWN_SCALE);
            }
        };
        HistoryWriter writer = Writers.create(ds, sink, WriterSettings.DEFAULTS, scales, () -> journal, description);
        writer.start();
        Writers.awaitReady(writer, 60);
        return new Store(writer, closer);
    }

    private record Store(HistoryWriter writer, AutoCloseable closer) {
        void close() throws Exception {
            closer.close();
        }
    }

    /**
     * Waits (at most {@value #CATCH_UP_SECONDS} s) until the store has written everything the core published,
     * caught up from the journal what it dropped, so that its work does not run on into the next round.
     */
    private static String awaitCaughtUp(HistoryWriter writer, long from) throws InterruptedException {
        long deadline = from + CATCH_UP_SECONDS * 1_000_000_000L;
        HistoryStatus s = writer.status();
        while (s.lagSeq() > 0 || s.queued() > 0 || s.behindFromSeq() != HistoryWriter.NOT_BEHIND) {
            if (System.nanoTime() - deadline > 0) {
                return String.format(Locale.ROOT, "; NOT caught up %d s later (written up to seq %,d)",
                        CATCH_UP_SECONDS, s.writtenSeq());
            }
            Thread.sleep(50);
            s = writer.status();
        }
        return String.format(Locale.ROOT, "; caught up %.1f s later (%,d rows, %d catch-ups from the journal)",
                (System.nanoTime() - from) / 1e9, s.rowsWritten(), s.catchUps());
    }

    /** Waits until no writer thread of an earlier round runs any more (a stuck one would load the next round). */
    private void awaitWriterGone() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            boolean alive = false;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                alive |= t.isAlive() && t.getName().equals("nautilus-history-writer");
            }
            if (!alive) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                out.println("  WARNING: a history writer thread still runs 60 s after its store was closed");
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the core's publish thread handled a marker command published now (all before it, too). */
    private static void awaitMarker(CorePipeline<?> pipeline) throws Exception {
        CompletableFuture<CommandResult> done = new CompletableFuture<>();
        pipeline.publish(c -> {
            c.op = Op.CLOCK;
            c.reply = done;
        });
        done.get(300, TimeUnit.SECONDS);
    }

    /** Publishes command {@link #index} of the stream. */
    private static final class Filler implements CommandFiller {
        private final CommandStream stream;
        int index;

        Filler(CommandStream stream) {
            this.stream = stream;
        }

        @Override
        public void fill(io.nautilus.core.Command command) {
            stream.fill(index, command);
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }

    private static Object invoke(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        Method m = target.getClass().getDeclaredMethod(name, types);
        m.setAccessible(true);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static long gcMillis() {
        long sum = 0;
        for (java.lang.management.GarbageCollectorMXBean gc
                : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int size = sorted.size();
        return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
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
