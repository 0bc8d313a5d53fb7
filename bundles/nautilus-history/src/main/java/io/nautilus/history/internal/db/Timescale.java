package io.nautilus.history.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the history store's time-series tables into TimescaleDB hypertables when the extension is available on
 * the PostgreSQL server, and says which; otherwise the tables stay plain.
 *
 * <p>Run after the schema migrations. Detection reads {@code pg_available_extensions}; when TimescaleDB is there
 * but not yet in the database, {@code CREATE EXTENSION IF NOT EXISTS timescaledb} adds it (this needs a role
 * allowed to, and {@code shared_preload_libraries = 'timescaledb'} on the server; if it fails the reason is logged
 * and the tables stay plain). TimescaleDB requires every primary key and unique constraint of a hypertable to
 * include its time column: such a constraint without it is re-created with the time column appended (same name),
 * which keeps the rows unique because the writer derives the time from the row's own event. Each table is converted
 * in its own transaction; a table that is already a hypertable, or missing, is left alone, so this is idempotent.
 */
public final class Timescale {

    private static final Logger LOG = LoggerFactory.getLogger(Timescale.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * The history store's time-series tables and their time columns (V1, V2): fills by {@code fill_time}, bars by
     * {@code start_time}, position snapshots by {@code snapshot_time}; chunks of one day.
     */
    public static final List<Hypertable> HISTORY = List.of(
            new Hypertable("fills", "fill_time", "1 day"),
            new Hypertable("bars", "start_time", "1 day"),
            new Hypertable("position_snapshots", "snapshot_time", "1 day"));

    private Timescale() {
    }

    /**
     * A table to partition by time.
     *
     * @param table         the table's name
     * @param timeColumn    its {@code TIMESTAMP WITH TIME ZONE} column to partition by; {@code null} for the
     *                      table's first {@code NOT NULL} one
     * @param chunkInterval each chunk's span as a PostgreSQL interval, e.g. {@code 1 day}
     */
    public record Hypertable(String table, String timeColumn, String chunkInterval) {

        /** Checks the names. */
        public Hypertable {
            identifier(table);
            if (timeColumn != null) {
                identifier(timeColumn);
            }
            if (!Objects.requireNonNull(chunkInterval, "chunkInterval").matches("[0-9]+ (hour|day|week)s?")) {
                throw new IllegalArgumentException("chunk interval '" + chunkInterval
                        + "' must be like '1 day', '6 hours' or '1 week'");
            }
        }
    }

    /**
     * What {@link #apply} found and did.
     *
     * @param version     the TimescaleDB version in the database, {@code null} if it is not available or could not
     *                    be enabled
     * @param hypertables the tables that are hypertables now (converted now or before)
     * @param problems    per table (or {@code timescaledb} for the extension), why it stayed plain
     */
    public record Result(String version, List<String> hypertables, Map<String, String> problems) {

        /** Copies the collections. */
        public Result {
            hypertables = List.copyOf(hypertables);
            problems = Map.copyOf(problems);
        }

        /**
         * @return the line logged, e.g. {@code TimescaleDB 2.17.2: fills, bars, position_snapshots are hypertables}
         *         or {@code TimescaleDB not available: plain tables}
         */
        public String summary() {
            if (version == null) {
                String why = problems.get("timescaledb");
                return why == null ? "TimescaleDB not available: plain tables"
                        : "TimescaleDB not enabled (" + why + "): plain tables";
            }
            StringBuilder sb = new StringBuilder("TimescaleDB ").append(version).append(": ");
            sb.append(hypertables.isEmpty() ? "no hypertables" : String.join(", ", hypertables)
                    + (hypertables.size() == 1 ? " is a hypertable" : " are hypertables"));
            problems.forEach((table, why) -> sb.append("; ").append(table).append(" stays plain: ").append(why));
            return sb.toString();
        }
    }

    /**
     * Detects TimescaleDB and converts the tables that are not hypertables yet; logs {@link Result#summary()}.
     *
     * @param dataSource a migrated history database; any other than PostgreSQL is left alone
     * @param tables     the tables to partition, e.g. {@link #HISTORY}
     * @return what was found and done
     * @throws SQLException if the database cannot be read at all (a table that cannot be converted is not an
     *                      error: it stays plain and is named in the result)
     */
    public static Result apply(DataSource dataSource, List<Hypertable> tables) throws SQLException {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> done = new ArrayList<>();
        String version;
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equals(product)) {
                return new Result(null, List.of(), Map.of("timescaledb", "not a PostgreSQL database: " + product));
            }
            c.setAutoCommit(false);
            version = enable(c, problems);
            if (version != null) {
                for (Hypertable h : tables) {
                    convert(c, h, done, problems);
                }
            }
        }
        Result result = new Result(version, done, problems);
        if (problems.isEmpty()) {
            LOG.info("history database: {}", result.summary());
        } else {
            LOG.warn("history database: {}", result.summary());
        }
        return result;
    }

    /**
     * The statements that make a table a hypertable.
     *
     * @param h           the table, its time column (resolved, not {@code null}) and chunk interval
     * @param constraints the table's primary key and unique constraints: name to columns, in key order
     * @return {@code ALTER TABLE ... DROP CONSTRAINT} / {@code ADD CONSTRAINT ... (columns..., time)} for each
     *         constraint that lacks the time column, then {@code SELECT create_hypertable(...)}
     */
    public static List<String> statements(Hypertable h, Map<String, Constraint> constraints) {
        String time = Objects.requireNonNull(h.timeColumn(), "timeColumn");
        List<String> sql = new ArrayList<>();
        for (Map.Entry<String, Constraint> e : constraints.entrySet()) {
            Constraint k = e.getValue();
            if (!k.columns().contains(time)) {
                List<String> columns = new ArrayList<>(k.columns());
                columns.add(time);
                sql.add("ALTER TABLE " + h.table() + " DROP CONSTRAINT " + identifier(e.getKey()));
                sql.add("ALTER TABLE " + h.table() + " ADD CONSTRAINT " + e.getKey()
                        + (k.primaryKey() ? " PRIMARY KEY (" : " UNIQUE (") + String.join(", ", columns) + ")");
            }
        }
        sql.add("SELECT create_hypertable('" + h.table() + "', '" + time + "', chunk_time_interval => INTERVAL '"
                + h.chunkInterval() + "', migrate_data => true, if_not_exists => true)");
        return sql;
    }

    /**
     * A primary key or unique constraint.
     *
     * @param primaryKey whether it is the primary key
     * @param columns    its columns in key order
     */
    public record Constraint(boolean primaryKey, List<String> columns) {

        /** Copies the columns. */
        public Constraint {
            columns = List.copyOf(columns);
        }
    }

    private static String enable(Connection c, Map<String, String> problems) throws SQLException {
        String available;
        String installed;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT default_version, installed_version FROM pg_available_extensions"
                     + " WHERE name = 'timescaledb'")) {
            if (!rs.next()) {
                c.rollback();
                return null;
            }
            available = rs.getString(1);
            installed = rs.getString(2);
        }
        if (installed != null) {
            c.commit();
            return installed;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            problems.put("timescaledb", "TimescaleDB " + available + " is available but CREATE EXTENSION failed: "
                    + Databases.reason(e));
            return null;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'")) {
            String version = rs.next() ? rs.getString(1) : available;
            c.commit();
            return version;
        }
    }

    private static void convert(Connection c, Hypertable h, List<String> done, Map<String, String> problems)
            throws SQLException {
        try {
            if (!exists(c, h.table())) {
                c.rollback();
                problems.put(h.table(), "no such table");
                return;
            }
            if (isHypertable(c, h.table())) {
                c.rollback();
                done.add(h.table());
                return;
            }
            String time = h.timeColumn() != null ? h.timeColumn() : firstTimeColumn(c, h.table());
            if (time == null) {
                c.rollback();
                problems.put(h.table(), "it has no NOT NULL TIMESTAMP WITH TIME ZONE column");
                return;
            }
            Hypertable resolved = new Hypertable(h.table(), time, h.chunkInterval());
            try (Statement s = c.createStatement()) {
                for (String sql : statements(resolved, constraints(c, h.table()))) {
                    s.execute(sql);
                }
            }
            c.commit();
            done.add(h.table());
        } catch (SQLException e) {
            c.rollback();
            problems.put(h.table(), Databases.reason(e));
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean isHypertable(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT COUNT(*) FROM timescaledb_information.hypertables WHERE hypertable_name = ?")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static String firstTimeColumn(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT a.attname FROM pg_attribute a"
                + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull"
                + " AND a.atttypid = 'timestamptz'::regtype ORDER BY a.attnum LIMIT 1")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The primary key and unique constraints of a table.
     *
     * @param c     a connection
     * @param table the table
     * @return constraint name to constraint, columns in key order
     * @throws SQLException if the catalog cannot be read
     */
    static Map<String, Constraint> constraints(Connection c, String table) throws SQLException {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT con.conname, con.contype, a.attname"
                + " FROM pg_constraint con"
                + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
                + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
                + " WHERE con.conrelid = to_regclass(?) AND con.contype IN ('p', 'u')"
                + " ORDER BY con.contype, con.conname, k.ord")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    kinds.put(rs.getString(1), "p".equals(rs.getString(2)));
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
                }
            }
        }
        Map<String, Constraint> out = new LinkedHashMap<>();
        kinds.forEach((name, pk) -> out.put(name, new Constraint(pk, columns.get(name))));
        return out;
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a lower-case SQL identifier");
        }
        return name;
    }
}
