package io.nautilus.history.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.history.internal.HistoryDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

    @TempDir
    Path dir;

    @Test
    void appliesEveryMigrationOnceAndNothingOnReopen() throws SQLException {
        DataSource ds = HistoryDatabase.embedded(dir);
        SchemaMigrator migrator = SchemaMigrator.current();

        assertThat(migrator.latestVersion()).isEqualTo(5);
        assertThat(migrator.migrate(ds)).containsExactly(1, 2, 3, 4, 5);
        assertThat(migrator.migrate(ds)).isEmpty();

        DataSource reopened = HistoryDatabase.embedded(dir);
        assertThat(SchemaMigrator.current().migrate(reopened)).isEmpty();
        try (Connection c = reopened.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT version, description, checksum, applied_at FROM schema_version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("orders fills progress");
                assertThat(rs.getString(3)).hasSize(64).isEqualTo(migration(1).checksum());
                assertThat(rs.getObject(4, OffsetDateTime.class)).isNotNull();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getString(2)).isEqualTo("positions bars definitions alerts backtests");
                assertThat(rs.getString(3)).isEqualTo(migration(2).checksum());
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo("fill fee");
                assertThat(rs.getString(3)).isEqualTo(migration(3).checksum());
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(4);
                assertThat(rs.getString(2)).isEqualTo("indexes for the queries");
                assertThat(rs.getString(3)).isEqualTo(migration(4).checksum());
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(5);
                assertThat(rs.getString(2)).isEqualTo("alert labels notification log");
                assertThat(rs.getString(3)).isEqualTo(migration(5).checksum());
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT stream, core_seq, exec_id, behind_from_seq FROM store_progress")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("core-results");
                assertThat(rs.getLong(2)).isZero();
                assertThat(rs.getLong(3)).isZero();
                assertThat(rs.getObject(4)).isNull();
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders, fills, position_snapshots, bars,"
                    + " instruments, accounts, alerts, backtest_runs, journal_gaps, notification_log")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    @Test
    void aChangedChecksumOfAnAppliedMigrationIsRefusedNamingTheVersion() throws SQLException {
        DataSource ds = HistoryDatabase.embedded(dir);
        SchemaMigrator.current().migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE schema_version SET checksum = 'tampered' WHERE version = 1");
        }

        assertThatThrownBy(() -> SchemaMigrator.current().migrate(ds))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("schema migration V1 (orders fills progress)")
                .hasMessageContaining("checksum tampered")
                .hasMessageContaining(migration(1).checksum());
    }

    @Test
    void aSchemaNewerThanTheCodeIsRefusedNamingTheVersion() throws SQLException {
        DataSource ds = HistoryDatabase.embedded(dir);
        SchemaMigrator newer = NewerSchema.migrator();
        int known = SchemaMigrator.CURRENT.size();
        assertThat(newer.migrate(ds)).hasSize(known + 1);

        assertThatThrownBy(() -> SchemaMigrator.current().migrate(ds))
                .isInstanceOf(SchemaException.class)
                .hasMessage("the history database's schema version " + (known + 1) + " is newer than this code knows ("
                        + known + "); use a newer Nautilus or another database");
        assertThat(newer.migrate(ds)).isEmpty();
    }

    @Test
    void theFillFeeColumnIsAddedToAVersion2DatabaseLeavingEarlierFillsWithoutFee() throws SQLException {
        DataSource ds = HistoryDatabase.embedded(dir);
        SchemaMigrator.load(getClass().getClassLoader(), SchemaMigrator.CURRENT.subList(0, 2)).migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO fills (core_seq, exec_id, order_id, client_order_id, account, instrument,"
                    + " side, price, qty, liquidity, fill_time_nanos, fill_time) VALUES (1, 65537, 7, 1007, 'A', 'X',"
                    + " 'BUY', 100, 2, 'TAKER', 0, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')");
        }

        assertThat(SchemaMigrator.current().migrate(ds)).containsExactly(3, 4, 5);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(fee) FROM fills")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).as("the fill written before V3 has no fee").isZero();
        }
    }

    @Test
    void alertsRecordedBeforeVersion5GetEmptyLabelsAndTheNotificationLogIsAdded() throws SQLException {
        DataSource ds = HistoryDatabase.embedded(dir);
        SchemaMigrator.load(getClass().getClassLoader(), SchemaMigrator.CURRENT.subList(0, 4)).migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO alerts (alert_key, severity, source, alert_text, alert_time_nanos,"
                    + " alert_time) VALUES ('k', 'INFO', 'core', 'old', 0,"
                    + " TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')");
        }

        assertThat(SchemaMigrator.current().migrate(ds)).containsExactly(5);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT labels FROM alerts")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("{}");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM notification_log")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    @Test
    void aNewerMigrationIsAppliedOnTopOfAnOlderDatabase() throws SQLException {
        DataSource ds = HistoryDatabase.embedded(dir);
        SchemaMigrator.current().migrate(ds);

        assertThat(NewerSchema.migrator().migrate(ds)).containsExactly(SchemaMigrator.CURRENT.size() + 1);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(" + NewerSchema.COLUMN + ") FROM fills")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void badMigrationNamesAndGapsAreRefused() {
        assertThatThrownBy(() -> Migration.of("V1_missing_underscore.sql", "SELECT 1;"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("V1_missing_underscore.sql");
        assertThatThrownBy(() -> new SchemaMigrator(List.of(Migration.of("V2__later.sql", "SELECT 1;"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("V2");
        assertThatThrownBy(() -> SchemaMigrator.load(getClass().getClassLoader(), List.of("db/none/V1__x.sql")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db/none/V1__x.sql");
    }

    @Test
    void statementsSplitAtLineEndSemicolonsWithoutComments() {
        Migration m = Migration.of("V3__two_statements.sql",
                "-- a comment; with a semicolon;\nCREATE TABLE a (x INT);\n\nINSERT INTO a\n  VALUES (1);\n");

        assertThat(m.version()).isEqualTo(3);
        assertThat(m.description()).isEqualTo("two statements");
        assertThat(m.statements()).containsExactly("CREATE TABLE a (x INT)", "INSERT INTO a\nVALUES (1)");
    }

    @Test
    void theChecksumIgnoresLineEndsButNotContent() {
        String unix = "CREATE TABLE a (x INT);\nINSERT INTO a VALUES (1);\n";

        assertThat(Migration.of("V1__a.sql", unix.replace("\n", "\r\n")).checksum())
                .isEqualTo(Migration.of("V1__a.sql", unix).checksum());
        assertThat(Migration.of("V1__a.sql", unix.replace("(1)", "(2)")).checksum())
                .isNotEqualTo(Migration.of("V1__a.sql", unix).checksum());
    }

    private static Migration migration(int version) {
        String resource = SchemaMigrator.CURRENT.get(version - 1);
        return Migration.of(resource.substring(resource.lastIndexOf('/') + 1), read(resource));
    }

    private static String read(String resource) {
        try (var in = SchemaMigratorTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
