package io.nautilus.history.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema to the newest version this code knows by applying versioned SQL migrations in order,
 * and refuses a database it cannot trust.
 *
 * <p>Migrations are classpath resources {@code db/migration/V<n>__<description>.sql} (listed in {@link #CURRENT},
 * since a bundle's class loader cannot list a folder portably), written in SQL that both H2 and PostgreSQL accept.
 * Each applied migration leaves a row in {@code schema_version} (version, description, SHA-256 checksum, applied
 * time, UTC); a migration and its row are committed together (PostgreSQL runs the DDL in the same transaction, H2
 * commits DDL at once, so there a crash between the two is caught by the checksum check of the next start).
 *
 * <p>Why not Flyway: Flyway 10 and later has no OSGi headers and finds its database support through
 * {@link java.util.ServiceLoader}, which does not see other bundles' classes in OSGi; embedding it would mean
 * re-wrapping it and its plugins. The few things needed here (ordered scripts, a version table, checksums,
 * refusing a newer or changed schema) fit in this class.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** The migrations of the history store, oldest first. */
    public static final List<String> CURRENT = List.of("db/migration/V1__orders_fills_progress.sql",
            "db/migration/V2__positions_bars_definitions_alerts_backtests.sql", "db/migration/V3__fill_fee.sql",
            "db/migration/V4__indexes_for_the_queries.sql", "db/migration/V5__alert_labels_notification_log.sql");

    private static final String TABLE = "schema_version";

    private final List<Migration> migrations;

    /**
     * Creates a migrator over given migrations.
     *
     * @param migrations the migrations, any order; versions must be 1, 2, ... without gaps
     * @throws IllegalArgumentException if versions repeat or leave a gap
     */
    public SchemaMigrator(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(Migration::version));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration versions must be 1, 2, ... without gaps; found V"
                        + sorted.get(i).version() + " at position " + (i + 1));
            }
        }
        this.migrations = List.copyOf(sorted);
    }

    /**
     * Loads migrations from the classpath.
     *
     * @param loader    the class loader that holds them
     * @param resources resource paths ending in {@code V<n>__<description>.sql}
     * @return a migrator over them
     * @throws IllegalStateException if a resource is missing or unreadable
     */
    public static SchemaMigrator load(ClassLoader loader, List<String> resources) {
        List<Migration> list = new ArrayList<>();
        for (String resource : resources) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema migration " + resource + " is missing from the bundle");
                }
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                list.add(Migration.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read schema migration " + resource + ": " + e.getMessage(), e);
            }
        }
        return new SchemaMigrator(list);
    }

    /**
     * The history store's own migrations, {@link #CURRENT}.
     *
     * @return a migrator over them
     */
    public static SchemaMigrator current() {
        return load(SchemaMigrator.class.getClassLoader(), CURRENT);
    }

    /**
     * The newest schema version this migrator knows.
     *
     * @return the highest migration version, 0 if there are none
     */
    public int latestVersion() {
        return migrations.size();
    }

    /**
     * Checks the database's applied migrations and applies the missing ones in order.
     *
     * @param dataSource the database
     * @return the versions applied now, oldest first; empty if the schema was already current
     * @throws SchemaException if the database's schema is newer than this code knows or an applied migration's
     *                         checksum or description differs from this code's; the message names the version
     * @throws SQLException    if the database cannot be reached or a script fails
     */
    public List<Integer> migrate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ensureTable(c);
                Map<Integer, String[]> applied = applied(c);
                verify(applied);
                List<Integer> done = new ArrayList<>();
                for (Migration m : migrations) {
                    if (!applied.containsKey(m.version())) {
                        apply(c, m);
                        done.add(m.version());
                    }
                }
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void verify(Map<Integer, String[]> applied) {
        for (Map.Entry<Integer, String[]> e : applied.entrySet()) {
            int version = e.getKey();
            if (version > latestVersion()) {
                throw new SchemaException("the history database's schema version " + version
                        + " is newer than this code knows (" + latestVersion()
                        + "); use a newer Nautilus or another database");
            }
            Migration m = migrations.get(version - 1);
            if (!m.checksum().equals(e.getValue()[1])) {
                throw new SchemaException("schema migration V" + version + " (" + m.description()
                        + ") applied to the history database has checksum " + e.getValue()[1]
                        + " but this code's script has " + m.checksum() + "; the schema was changed by hand or the"
                        + " script after it was applied");
            }
        }
        for (int v = 1; v <= applied.size(); v++) {
            if (!applied.containsKey(v)) {
                throw new SchemaException("schema version " + v + " is missing from the history database's "
                        + TABLE + " while later ones are applied");
            }
        }
    }

    private static void ensureTable(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (version INTEGER NOT NULL, description VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,"
                    + " CONSTRAINT schema_version_pk PRIMARY KEY (version))");
        }
        c.commit();
    }

    private static Map<Integer, String[]> applied(Connection c) throws SQLException {
        Map<Integer, String[]> applied = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, description, checksum FROM " + TABLE
                     + " ORDER BY version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return applied;
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("schema migration V" + m.version() + " (" + m.description()
                            + ") failed: " + e.getMessage(), e.getSQLState(), e);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + TABLE
                + " (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            p.setInt(1, m.version());
            p.setString(2, m.description());
            p.setString(3, m.checksum());
            p.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            p.executeUpdate();
        }
        c.commit();
        LOG.info("history database: applied schema migration V{} ({})", m.version(), m.description());
    }
}
