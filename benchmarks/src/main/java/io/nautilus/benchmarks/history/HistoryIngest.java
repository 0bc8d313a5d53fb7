package io.nautilus.benchmarks.history;

import io.nautilus.history.internal.HistoryDatabase;
import io.nautilus.history.internal.db.Databases;
import io.nautilus.history.internal.db.PgCopySink;
import io.nautilus.history.internal.db.PostgresCluster;
import io.nautilus.history.internal.db.RowSink;
import io.nautilus.history.internal.db.SchemaMigrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

/**
 * History store ingest: fills per second written the way the store writes them, on PostgreSQL with {@code COPY}
 * and with JDBC batch inserts, and on the embedded H2 database with JDBC batch inserts.
 *
 * <p>Each fill is what the writer stores for one fill report: an {@code orders} row (27 columns) and a
 * {@code fills} row (16 columns); each batch of {@code --batch} fills is one transaction that also updates the
 * {@code store_progress} row, as the writer does. The tables are the store's (migrated by {@code SchemaMigrator}),
 * emptied before each measured pass. PostgreSQL is a private cluster started in a temp folder (durable defaults:
 * fsync and synchronous commit on) unless {@code --pg-url} names one. Each database and method first writes
 * {@code --warmup} fills unmeasured, then {@code --rows} measured; the medians of {@code --runs} passes are
 * printed. Prints human-readable lines, then one JSON line.
 */
public final class HistoryIngest {

    private static final String USAGE = """
            Usage: HistoryIngest [--rows N] [--batch B] [--warmup N] [--runs R] [--databases postgresql,h2]
                                 [--pg-url URL --pg-user U --pg-password-env VAR] [--pg-secondary-indexes off]
              --rows       fills per measured pass (default 500000)
              --batch      fills per transaction (default 1024, the writer's default batch)
              --warmup     fills written unmeasured first, per database and method (default 100000)
              --runs       measured passes per database and method; medians reported (default 3)
              --databases  which of postgresql, h2 (default both)
              --pg-url     an existing PostgreSQL database (its tables are created/emptied!) instead of a private
                           cluster; --pg-user and the environment variable named by --pg-password-env log in
              --pg-secondary-indexes  off: drop the orders/fills indexes other than the primary keys on
                           PostgreSQL first, to see what they cost (default on)
            """;

    private static final long T0 = 1_767_323_045_123_456_789L;
    private static final String[] ACCOUNTS = {"ACC1", "ACC2", "ACC3", "ACC4"};
    private static final String[] INSTRUMENTS = {"BTC-USD", "ETH-USD", "SOL-USD", "AAPL", "MSFT", "EURUSD"};

    private static final RowSink.Table ORDERS = table("orders", "core_seq", "exec_id", "order_id",
            "client_order_id", "orig_client_order_id", "account", "strategy", "instrument", "venue", "side",
            "order_type", "time_in_force", "exec_type", "status", "reject_reason", "cancel_reason", "report_text",
            "last_qty", "last_price", "cum_qty", "leaves_qty", "avg_price", "price_scale", "qty_scale", "liquidity",
            "event_time_nanos", "event_time");
    private static final RowSink.Table FILLS = table("fills", "core_seq", "exec_id", "order_id",
            "client_order_id", "account", "strategy", "instrument", "side", "price", "qty", "price_scale",
            "qty_scale", "liquidity", "venue", "fill_time_nanos", "fill_time");
    private static final String PROGRESS = "UPDATE store_progress SET core_seq = ?, exec_id = ?, updated_at = ?"
            + " WHERE stream = 'execution-reports'";

    private int rows = 500_000;
    private int batch = 1_024;
    private int warmup = 100_000;
    private int runs = 3;
    private List<String> databases = List.of("postgresql", "h2");
    private String pgUrl;
    private String pgUser;
    private String pgPasswordEnv;
    private boolean pgSecondaryIndexes = true;

    private HistoryIngest(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--databases" -> databases = Arrays.asList(value.split(","));
                case "--pg-url" -> pgUrl = value;
                case "--pg-user" -> pgUser = value;
                case "--pg-password-env" -> pgPasswordEnv = value;
                case "--pg-secondary-indexes" -> pgSecondaryIndexes = !"off".equals(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        if (rows < 1 || batch < 1 || warmup < 0 || runs < 1) {
            throw new IllegalArgumentException("--rows, --batch and --runs must be 1 or more, --warmup 0 or more");
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the usage ({@code --help})
     * @throws Exception if a database fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        new HistoryIngest(args).run();
    }

    private void run() throws Exception {
        Map<String, Long> results = new LinkedHashMap<>();
        String pgVersion = null;
        System.out.printf(Locale.ROOT, "history ingest: %,d fills per pass (orders + fills row each), batches of %,d,"
                + " %,d warm-up, %d passes; load average %s%n", rows, batch, warmup, runs, HistoryBench.loadAverage());
        if (databases.contains("postgresql")) {
            PostgresCluster cluster = null;
            try {
                String url = pgUrl;
                String user = pgUser;
                String password = pgPasswordEnv == null ? null : System.getenv(pgPasswordEnv);
                if (url == null) {
                    cluster = new PostgresCluster(List.of()).init();
                    url = cluster.url();
                    user = PostgresCluster.USER;
                    password = cluster.password();
                }
                try (Databases.Database db = Databases.postgres(url, user, password, 2)) {
                    pgVersion = db.probe();
                    System.out.println("PostgreSQL: " + db.description() + ", " + pgVersion);
                    SchemaMigrator.current().migrate(db.dataSource());
                    if (!pgSecondaryIndexes) {
                        dropSecondaryIndexes(db.dataSource());
                    }
                    results.put("postgresqlCopy", measure("PostgreSQL COPY", db.dataSource(), new PgCopySink()));
                    results.put("postgresqlJdbcBatch", measure("PostgreSQL JDBC batch", db.dataSource(),
                            new BatchInserts()));
                }
            } finally {
                if (cluster != null) {
                    cluster.close();
                }
            }
        }
        if (databases.contains("h2")) {
            Path dir = Files.createTempDirectory("nautilus-h2-ingest-");
            try {
                DataSource h2 = HistoryDatabase.embedded(dir);
                SchemaMigrator.current().migrate(h2);
                results.put("h2JdbcBatch", measure("H2 embedded JDBC batch", h2, new BatchInserts()));
            } finally {
                HistoryBench.delete(dir);
            }
        }
        StringBuilder json = new StringBuilder("{\"benchmark\":\"history-ingest\",\"rows\":").append(rows)
                .append(",\"batch\":").append(batch).append(",\"runs\":").append(runs);
        if (pgVersion != null) {
            json.append(",\"postgresql\":\"").append(pgVersion.replace("\"", "")).append('"')
                    .append(",\"pgSecondaryIndexes\":").append(pgSecondaryIndexes);
        }
        results.forEach((name, perSecond) -> json.append(",\"").append(name).append("FillsPerSecond\":")
                .append(perSecond));
        System.out.println(json.append('}'));
    }

    private long measure(String label, DataSource ds, RowSink sink) throws SQLException {
        write(ds, sink, warmup, 1);
        List<Long> passes = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            truncate(ds);
            System.gc();
            long start = System.nanoTime();
            write(ds, sink, rows, 1);
            long nanos = System.nanoTime() - start;
            long perSecond = Math.round(rows / (nanos / 1e9));
            passes.add(perSecond);
            System.out.printf(Locale.ROOT, "  %s pass %d: %,d fills in %.3f s = %,d fills/s%n", label, r + 1, rows,
                    nanos / 1e9, perSecond);
        }
        truncate(ds);
        passes.sort(Comparator.naturalOrder());
        long median = passes.get(passes.size() / 2);
        System.out.printf(Locale.ROOT, "%s: median %,d fills/s (passes %s)%n", label, median, passes);
        return median;
    }

    private void write(DataSource ds, RowSink sink, int fills, long firstSeq) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<Object[]> orders = new ArrayList<>(batch);
            List<Object[]> fillRows = new ArrayList<>(batch);
            long seq = firstSeq;
            for (int done = 0; done < fills; ) {
                int n = Math.min(batch, fills - done);
                orders.clear();
                fillRows.clear();
                for (int i = 0; i < n; i++, seq++) {
                    addFill(seq, orders, fillRows);
                }
                sink.write(c, ORDERS, orders);
                sink.write(c, FILLS, fillRows);
                try (PreparedStatement p = c.prepareStatement(PROGRESS)) {
                    p.setLong(1, seq - 1);
                    p.setLong(2, (seq - 1) * 65_536 + 1);
                    p.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    p.executeUpdate();
                }
                c.commit();
                done += n;
            }
        }
    }

    private static void addFill(long seq, List<Object[]> orders, List<Object[]> fills) {
        long execId = seq * 65_536 + 1;
        long orderId = seq / 3 + 1;
        String account = ACCOUNTS[(int) (seq % ACCOUNTS.length)];
        String instrument = INSTRUMENTS[(int) (seq % INSTRUMENTS.length)];
        String side = (seq & 1) == 0 ? "BUY" : "SELL";
        long price = 10_000_00 + seq % 5_000;
        long qty = 1_000 + seq % 97;
        long nanos = T0 + seq * 1_000;
        OffsetDateTime time = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L)
                .atOffset(ZoneOffset.UTC);
        orders.add(new Object[] {seq, execId, orderId, orderId + 1_000, 0L, account, "mm", instrument, "SIM", side,
            null, null, "FILL", "FILLED", "NONE", "NONE", null, qty, price, qty, 0L, price, 2, 3, "TAKER", nanos,
            time});
        fills.add(new Object[] {seq, execId, orderId, orderId + 1_000, account, "mm", instrument, side, price, qty,
            2, 3, "TAKER", "SIM", nanos, time});
    }

    private static void truncate(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE fills");
            s.execute("TRUNCATE TABLE orders");
        }
    }

    private static void dropSecondaryIndexes(DataSource ds) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                    + " JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname IN ('orders', 'fills')"
                    + " AND NOT x.indisprimary")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                s.execute("DROP INDEX " + name);
            }
        }
        System.out.println("dropped secondary indexes " + names);
    }

    private static RowSink.Table table(String name, String... columns) {
        List<RowSink.Column> list = new ArrayList<>();
        for (String column : columns) {
            list.add(new RowSink.Column(column, Types.OTHER));
        }
        return new RowSink.Table(name, list);
    }

    /** The baseline: one {@code INSERT} bound per row, sent as a JDBC batch (pgjdbc rewrites it multi-row). */
    private static final class BatchInserts implements RowSink {

        @Override
        public void write(Connection connection, Table table, List<Object[]> rows) throws SQLException {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.name()).append(" (");
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < table.columns().size(); i++) {
                sql.append(i > 0 ? ", " : "").append(table.columns().get(i).name());
                marks.append(i > 0 ? ", ?" : "?");
            }
            sql.append(") VALUES (").append(marks).append(')');
            try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            p.setNull(i + 1, Types.VARCHAR);
                        } else {
                            p.setObject(i + 1, row[i]);
                        }
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
        }

        @Override
        public String name() {
            return "jdbc-batch";
        }
    }
}
