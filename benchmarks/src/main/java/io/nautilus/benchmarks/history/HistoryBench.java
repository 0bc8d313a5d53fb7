package io.nautilus.benchmarks.history;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.benchmarks.core.ThreadCpu;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.JournalHistory;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.internal.HistoryDatabase;
import io.nautilus.history.internal.HistoryWriter;
import io.nautilus.history.internal.WriterSettings;
import io.nautilus.history.internal.db.Databases;
import io.nautilus.history.internal.db.JdbcBatchSink;
import io.nautilus.history.internal.db.PostgresCluster;
import io.nautilus.history.internal.db.RowSink;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * The history store end to end through its real {@link HistoryWriter}: command results with fill reports are offered
 * to the writer's hand-off ({@link HistoryWriter#onCommandResult}, what the core's publish thread calls) and the
 * writer's own thread writes them (an {@code orders} and a {@code fills} row per fill, the progress row in the same
 * transaction), into embedded H2, or PostgreSQL with {@code COPY} or JDBC batch inserts.
 * <ul>
 *   <li>{@code --mode ingest}: offers as fast as the writer takes them (never more than the hand-off holds, so
 *       nothing is dropped) for {@code --seconds} after {@code --warmup-seconds}; fills/s = fills committed in
 *       the measured window (the writer's written seq) / its length.</li>
 *   <li>{@code --mode lag}: offers at {@code --rate} fills/s on a fixed schedule (result k due at start + k /
 *       rate, a late one sent at once; the sender parks until the next is due, so it sends in small bursts
 *       of what fell due while it was parked, ~0.1 ms apart, and leaves the CPU to the writer and the database)
 *       and records, coordinated-omission-correct, each fill's time from its
 *       scheduled time to the return of the {@code commit()} that wrote it (a JDBC-level hook, {@link CommitClock}:
 *       the writer has no commit callback), into an HdrHistogram.</li>
 * </ul>
 * The writer's journal is a stand-in that makes the same results again from their seqs, so results a full hand-off
 * drops are caught up from it as the platform catches them up from the core's journal (counted, and in the lag:
 * a dropped fill's time runs until the catch-up committed it). Each pass runs on a fresh database (H2 in a temp folder; a new database of a private PostgreSQL cluster started
 * in a temp folder with durable defaults, unless {@code --pg-url} names one). Prints human-readable lines, then
 * one JSON line.
 */
public final class HistoryBench {

    private static final String USAGE = """
            Usage: HistoryBench [--mode ingest|lag] [--stores h2,pg-copy,pg-jdbc] [--seconds S] [--warmup-seconds W]
                                [--rate FILLS_PER_S] [--fills-per-result K] [--batch B] [--queue Q] [--runs R]
              --mode             ingest: as fast as the writer takes them (default); lag: paced at --rate
              --stores           which of h2 (embedded, JDBC batch), pg-copy, pg-jdbc (PostgreSQL COPY / JDBC
                                 batch inserts with reWriteBatchedInserts) (default all three)
              --seconds          measured seconds per pass (default 20)
              --warmup-seconds   unmeasured seconds first, per pass (default 5)
              --rate             lag mode: fills per second (default 50000)
              --fills-per-result fill reports per command result: 2 = taker and maker of one trade (default 2)
              --batch            the writer's batch.size, items (results) per transaction (default: the writer's)
              --queue            the writer's queue.capacity (default: the writer's)
              --runs             passes per store; medians reported (default 3)
              --pg-url URL --pg-user U --pg-password-env VAR  an existing PostgreSQL database instead of a private
                                 cluster (its history tables are used and emptied!)
            """;

    private static final long T0 = 1_767_323_045_123_456_789L;
    private static final AccountId[] ACCOUNTS = {AccountId.of("ACC1"), AccountId.of("ACC2"), AccountId.of("ACC3"),
        AccountId.of("ACC4")};
    private static final InstrumentId[] INSTRUMENTS = {InstrumentId.of("BTC-USD"), InstrumentId.of("ETH-USD"),
        InstrumentId.of("SOL-USD"), InstrumentId.of("AAPL"), InstrumentId.of("MSFT"), InstrumentId.of("EURUSD")};

    private boolean lag;
    private List<String> stores = List.of("h2", "pg-copy", "pg-jdbc");
    private int seconds = 20;
    private int warmupSeconds = 5;
    private int rate = 50_000;
    private int fillsPerResult = 2;
    private WriterSettings settings = WriterSettings.DEFAULTS;
    private int runs = 3;
    private String pgUrl;
    private String pgUser;
    private String pgPasswordEnv;

    private PostgresCluster cluster;
    private int databases;
    private Journal journal;

    private HistoryBench(String[] args) {
        int batch = WriterSettings.DEFAULTS.batchSize();
        int queue = WriterSettings.DEFAULTS.queueCapacity();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--mode" -> {
                    if (!value.equals("ingest") && !value.equals("lag")) {
                        throw new IllegalArgumentException("--mode '" + value + "' must be ingest or lag");
                    }
                    lag = value.equals("lag");
                }
                case "--stores" -> {
                    stores = Arrays.asList(value.split(","));
                    for (String s : stores) {
                        if (!List.of("h2", "pg-copy", "pg-jdbc").contains(s)) {
                            throw new IllegalArgumentException("--stores: '" + s + "' is not h2, pg-copy or pg-jdbc");
                        }
                    }
                }
                case "--seconds" -> seconds = number(option, value, 1);
                case "--warmup-seconds" -> warmupSeconds = number(option, value, 0);
                case "--rate" -> rate = number(option, value, 1);
                case "--fills-per-result" -> fillsPerResult = number(option, value, 1);
                case "--batch" -> batch = number(option, value, 1);
                case "--queue" -> queue = number(option, value, 128);
                case "--runs" -> runs = number(option, value, 1);
                case "--pg-url" -> pgUrl = value;
                case "--pg-user" -> pgUser = value;
                case "--pg-password-env" -> pgPasswordEnv = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        settings = new WriterSettings(queue, batch, WriterSettings.DEFAULTS.retryMin(),
                WriterSettings.DEFAULTS.retryMax(), java.time.Duration.ofSeconds(120));
    }

    private static int number(String option, String value, int min) {
        int n;
        try {
            n = Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a whole number");
        }
        if (n < min) {
            throw new IllegalArgumentException(option + " " + n + " must be at least " + min);
        }
        return n;
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the usage ({@code --help})
     * @throws Exception if a database fails
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        HistoryBench bench;
        try {
            bench = new HistoryBench(args);
        } catch (IllegalArgumentException e) {
            System.err.println("HistoryBench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        bench.run();
    }

    private void run() throws Exception {
        String mode = lag ? "lag" : "ingest";
        System.out.printf(Locale.ROOT, "history writer %s: %s; %d fill(s) per result, batch %,d, queue %,d, %d s"
                        + " measured after %d s, %d passes per store%s; %d CPUs, load average %s%n", mode, stores,
                fillsPerResult, settings.batchSize(), settings.queueCapacity(), seconds, warmupSeconds, runs,
                lag ? String.format(Locale.ROOT, ", %,d fills/s", rate) : "",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        Map<String, List<Pass>> results = new LinkedHashMap<>();
        String pgVersion = null;
        try {
            for (int r = 0; r < runs; r++) {
                for (String store : stores) {
                    Pass pass = pass(store);
                    System.out.println("  " + store + " pass " + (r + 1) + ": " + pass.describe());
                    results.computeIfAbsent(store, k -> new ArrayList<>()).add(pass);
                    if (pass.server != null) {
                        pgVersion = pass.server;
                    }
                }
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
        StringBuilder json = new StringBuilder("{\"benchmark\":\"history-writer-").append(mode).append('"')
                .append(",\"fillsPerResult\":").append(fillsPerResult)
                .append(",\"batch\":").append(settings.batchSize())
                .append(",\"queue\":").append(settings.queueCapacity())
                .append(",\"seconds\":").append(seconds).append(",\"runs\":").append(runs);
        if (lag) {
            json.append(",\"rateFillsPerSecond\":").append(rate);
        }
        if (pgVersion != null) {
            json.append(",\"postgresql\":\"").append(pgVersion.replace("\"", "")).append('"');
        }
        json.append(",\"loadAverageEnd\":\"").append(loadAverage()).append('"');
        for (Map.Entry<String, List<Pass>> e : results.entrySet()) {
            List<Pass> passes = e.getValue();
            String key = e.getKey().replace("-", "_");
            System.out.print(e.getKey() + " median: ");
            if (lag) {
                double p50 = median(passes, p -> p.p50);
                double p99 = median(passes, p -> p.p99);
                double p999 = median(passes, p -> p.p999);
                double max = median(passes, p -> p.max);
                long dropped = (long) median(passes, p -> p.dropped);
                System.out.printf(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (runs' p99 %s)%n",
                        p50, p99, p999, max, values(passes, p -> p.p99));
                json.append(String.format(Locale.ROOT, ",\"%s\":{\"p50Millis\":%.2f,\"p99Millis\":%.2f,"
                                + "\"p999Millis\":%.2f,\"maxMillis\":%.2f,\"runsP99Millis\":%s,\"dropped\":%d}", key,
                        p50, p99, p999, max, values(passes, p -> p.p99), dropped));
            } else {
                double perSecond = median(passes, p -> p.fillsPerSecond);
                System.out.printf(Locale.ROOT, "%,.0f fills/s (runs %s)%n", perSecond,
                        values(passes, p -> p.fillsPerSecond));
                json.append(String.format(Locale.ROOT, ",\"%s\":{\"fillsPerSecond\":%.0f,\"runs\":%s,"
                                + "\"commitsPerSecond\":%.0f}", key, perSecond,
                        values(passes, p -> p.fillsPerSecond), median(passes, p -> p.commitsPerSecond)));
            }
        }
        System.out.println(json.append('}'));
    }

    /** One pass on a fresh database. */
    private Pass pass(String store) throws Exception {
        Path h2Folder = null;
        Databases.Database pg = null;
        try {
            DataSource ds;
            RowSink sink;
            String description;
            String server = null;
            if (store.equals("h2")) {
                h2Folder = Files.createTempDirectory("nautilus-history-bench-");
                ds = HistoryDatabase.embedded(h2Folder);
                sink = new JdbcBatchSink();
                description = "H2 " + h2Folder;
            } else {
                pg = postgres();
                server = pg.probe();
                ds = pg.dataSource();
                sink = store.equals("pg-copy") ? pg.sink() : new JdbcBatchSink();
                description = pg.description();
            }
            CommitClock clock = new CommitClock(ds);
            journal = new Journal();
            Journal j = journal;
            HistoryWriter writer = Writers.create(clock, sink, settings, Writers.FIXED_SCALES, () -> j,
                    description);
            Pass pass;
            try {
                writer.start();
                Writers.awaitReady(writer, 60);
                ServerCpu serverCpu = pg == null ? null : ServerCpu.of(ds);
                pass = lag ? paced(writer, clock) : flatOut(writer, clock, serverCpu);
            } finally {
                writer.close();
            }
            HistoryStatus end = writer.status();
            pass.dropped = end.dropped();
            pass.server = server;
            long fills = count(ds, "fills");
            long expected = end.writtenSeq() * fillsPerResult;
            if (fills != expected) {
                pass.note += String.format(Locale.ROOT, "; WRONG: %,d fill rows for %,d written results", fills,
                        end.writtenSeq());
            } else {
                pass.note += String.format(Locale.ROOT, "; %,d fill rows committed, exactly the written results'",
                        fills);
            }
            if (end.dropped() > 0) {
                pass.note += String.format(Locale.ROOT, "; %,d results dropped by the full hand-off and caught up"
                        + " from the journal (%d catch-ups)", end.dropped(), end.catchUps());
            }
            return pass;
        } finally {
            if (pg != null) {
                pg.close();
            }
            if (h2Folder != null) {
                delete(h2Folder);
            }
        }
    }

    private Databases.Database postgres() throws SQLException {
        if (pgUrl != null) {
            Databases.Database db = Databases.postgres(pgUrl, pgUser,
                    pgPasswordEnv == null ? null : System.getenv(pgPasswordEnv), 2);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String table : List.of("orders", "fills", "instruments", "accounts", "journal_gaps")) {
                    s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
                }
                s.execute("DROP TABLE IF EXISTS store_progress, schema_version, position_snapshots, bars, alerts,"
                        + " backtest_runs CASCADE");
            }
            return db;
        }
        if (cluster == null) {
            cluster = new PostgresCluster(List.of()).init();
        }
        String url = cluster.createDatabase("bench" + (++databases));
        return Databases.postgres(url, PostgresCluster.USER, cluster.password(), 2);
    }

    /** Offers as fast as the writer takes them, never more than its hand-off holds. */
    private Pass flatOut(HistoryWriter writer, CommitClock clock, ServerCpu serverCpu) {
        long capacity = settings.queueCapacity();
        long begin = System.nanoTime();
        long measureFrom = begin + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        long seq = 0;
        long written0 = -1;
        long t0 = 0;
        int commits0 = 0;
        long server0 = 0;
        ThreadCpu cpu = null;
        long written = 0;
        while (true) {
            long now = System.nanoTime();
            if (written0 < 0 && now >= measureFrom) {
                written0 = writer.status().writtenSeq();
                commits0 = clock.size();
                t0 = now;
                cpu = new ThreadCpu();
                server0 = serverCpu == null ? 0 : serverCpu.nanos();
            }
            if (now >= end) {
                break;
            }
            while (seq + 64 - written > capacity) {
                LockSupport.parkNanos(50_000);
                written = writer.status().writtenSeq();
            }
            for (int i = 0; i < 64; i++) {
                seq++;
                journal.durable = seq;
                writer.onCommandResult(result(seq, T0 + (seq - 1) * 20_000));
            }
            written = writer.status().writtenSeq();
        }
        long t1 = System.nanoTime();
        long written1 = writer.status().writtenSeq();
        int commits1 = clock.size();
        long wall = t1 - t0;
        Pass pass = new Pass();
        pass.fillsPerSecond = (written1 - written0) * fillsPerResult / (wall / 1e9);
        pass.commitsPerSecond = (commits1 - commits0) / (wall / 1e9);
        String server = serverCpu == null ? "" : String.format(Locale.ROOT, ", PostgreSQL server processes %.0f%%",
                100.0 * (serverCpu.nanos() - server0) / wall);
        pass.note = String.format(Locale.ROOT, "%,.0f commits/s (%.0f results each); CPU of one core: %s%s",
                pass.commitsPerSecond, (written1 - written0) / Math.max(1.0, commits1 - commits0),
                cpu.since(wall), server);
        return pass;
    }

    /** Offers at the rate on a fixed schedule; latency from each result's due time to its commit. */
    private Pass paced(HistoryWriter writer, CommitClock clock) throws InterruptedException {
        double resultsPerSecond = (double) rate / fillsPerResult;
        long unrecorded = Math.round(resultsPerSecond * warmupSeconds);
        long total = unrecorded + Math.round(resultsPerSecond * seconds);
        long start = System.nanoTime() + 1_000_000;
        long late = 0;
        long maxSendLag = 0;
        ThreadCpu cpu = null;
        long cpuFrom = 0;
        for (long k = 0; k < total; k++) {
            long due = due(start, k, resultsPerSecond);
            long now = System.nanoTime();
            if (k == unrecorded) {
                cpu = new ThreadCpu();
                cpuFrom = now;
            }
            if (now < due) {
                do {
                    LockSupport.parkNanos(due - now);
                } while ((now = System.nanoTime()) < due);
            } else if (k >= unrecorded) {
                long sendLag = now - due;
                if (sendLag > 1_000_000) {
                    late++;
                }
                maxSendLag = Math.max(maxSendLag, sendLag);
            }
            journal.durable = k + 1;
            writer.onCommandResult(result(k + 1, T0 + k * 20_000));
        }
        long paced = System.nanoTime();
        long deadline = paced + 120_000_000_000L;
        while (writer.status().writtenSeq() < total) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the writer did not write seq " + total + " within 120 s: "
                        + writer.status());
            }
            Thread.sleep(1);
        }
        String threads = cpu.since(System.nanoTime() - cpuFrom);
        writer.close();
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        long done = 0;
        for (int i = 0; i < clock.size(); i++) {
            long upTo = Math.min(clock.seq(i), total);
            long at = clock.nanos(i);
            for (long seq = done + 1; seq <= upTo; seq++) {
                if (seq > unrecorded) {
                    h.recordValueWithCount(Math.max(0, at - due(start, seq - 1, resultsPerSecond)), fillsPerResult);
                }
            }
            done = Math.max(done, upTo);
        }
        Pass pass = new Pass();
        pass.p50 = h.getValueAtPercentile(50) / 1e6;
        pass.p99 = h.getValueAtPercentile(99) / 1e6;
        pass.p999 = h.getValueAtPercentile(99.9) / 1e6;
        pass.max = h.getMaxValue() / 1e6;
        long recorded = total - unrecorded;
        pass.note = String.format(Locale.ROOT, "%,d fills recorded, %d commits (%.0f results each); sent late by"
                        + " > 1 ms %.2f%%, max send lag %.1f ms; CPU of one core (recording start to all written): %s",
                h.getTotalCount(), clock.size(),
                (double) total / Math.max(1, clock.size()), 100.0 * late / recorded, maxSendLag / 1e6, threads);
        return pass;
    }

    private static long due(long start, long k, double resultsPerSecond) {
        return start + (long) (k * 1e9 / resultsPerSecond);
    }

    /** A command result with {@link #fillsPerResult} fill reports (taker first, then makers), as the core builds. */
    private CommandResult result(long seq, long time) {
        List<ExecutionReport> reports = new ArrayList<>(fillsPerResult);
        InstrumentId instrument = INSTRUMENTS[(int) (seq % INSTRUMENTS.length)];
        long price = 10_000_00 + seq % 5_000;
        long qty = 1_000 + seq % 97;
        Side takerSide = (seq & 1) == 0 ? Side.BUY : Side.SELL;
        for (int i = 0; i < fillsPerResult; i++) {
            long orderId = seq * 8 + i;
            Side side = i == 0 ? takerSide : takerSide == Side.BUY ? Side.SELL : Side.BUY;
            reports.add(new ExecutionReport(seq * 65_536 + i + 1, orderId + 1_000, 0, orderId,
                    ACCOUNTS[(int) ((seq + i) % ACCOUNTS.length)], null, instrument, null, side, ExecType.FILL,
                    OrderStatus.FILLED, RejectReason.NONE, CancelReason.NONE,
                    i == 0 ? Liquidity.TAKER : Liquidity.MAKER, null, price, qty, 0, qty, price, time, time + 1,
                    i == 0 ? 25 : 0));
        }
        return new CommandResult(seq, seq * 8, RejectReason.NONE, null, 0, 0, reports);
    }

    private static long count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface Field {
        double of(Pass pass);
    }

    private static double median(List<Pass> passes, Field field) {
        double[] v = passes.stream().mapToDouble(field::of).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String values(List<Pass> passes, Field field) {
        StringBuilder b = new StringBuilder("[");
        for (Pass p : passes) {
            b.append(b.length() > 1 ? "," : "").append(String.format(Locale.ROOT, "%.1f", field.of(p)));
        }
        return b.append(']').toString();
    }

    /** @return the 1, 5 and 15 minute load averages, or {@code unknown} */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Deletes a folder and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * The core's journal as the writer sees it, for results this benchmark made: everything offered so far is
     * "durable" (the core journals a command before it publishes its result), and a replay makes the same results
     * again from their seqs. So results the full hand-off drops are caught up from it, as in the platform.
     */
    private final class Journal implements JournalHistory {
        volatile long durable;

        @Override
        public long replay(long afterSeq, long toSeq, CommandResultListener listener) {
            long last = Math.min(toSeq, durable);
            for (long seq = afterSeq + 1; seq <= last; seq++) {
                listener.onCommandResult(result(seq, T0 + (seq - 1) * 20_000));
            }
            return Math.max(afterSeq, last);
        }

        @Override
        public void hold(String holder, long seq) {
        }

        @Override
        public void release(String holder) {
        }

        @Override
        public long durableSeq() {
            return durable;
        }
    }

    /** A pass's figures. */
    private static final class Pass {
        double fillsPerSecond;
        double commitsPerSecond;
        double p50;
        double p99;
        double p999;
        double max;
        long dropped;
        String server;
        String note = "";

        String describe() {
            if (p50 == 0 && p99 == 0 && fillsPerSecond > 0) {
                return String.format(Locale.ROOT, "%,.0f fills/s; %s", fillsPerSecond, note);
            }
            return String.format(Locale.ROOT, "lag p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; %s", p50,
                    p99, p999, max, note);
        }
    }
}
