package io.nautilus.history.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schema migrations and the TimescaleDB step on a real PostgreSQL (Debian's, which has no TimescaleDB). */
class PostgresSchemaTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    private DataSource ds;

    @BeforeEach
    void freshDatabase(TestInfo test) throws SQLException {
        String name = "t_" + test.getTestMethod().orElseThrow().getName().toLowerCase(java.util.Locale.ROOT);
        PG.createDatabase(name.substring(0, Math.min(name.length(), 60)));
        ds = PG.dataSource(name.substring(0, Math.min(name.length(), 60)));
    }

    @Test
    void appliesEveryMigrationOnAFreshDatabaseAndNothingOnARerun() throws SQLException {
        SchemaMigrator migrator = SchemaMigrator.current();
        List<Integer> all = new java.util.ArrayList<>();
        for (int v = 1; v <= migrator.latestVersion(); v++) {
            all.add(v);
        }

        assertThat(migrator.migrate(ds)).isEqualTo(all);
        assertThat(SchemaMigrator.current().migrate(ds)).isEmpty();

        assertThat(rows("SELECT version FROM schema_version ORDER BY version")).hasSize(all.size());
        assertThat(rows("SELECT stream, core_seq, exec_id FROM store_progress"))
                .containsExactly(List.of("core-results", 0L, 0L));
        assertThat(rows("SELECT COUNT(*) FROM orders, fills")).containsExactly(List.of(0L));
        assertThat(rows("SELECT data_type FROM information_schema.columns WHERE table_name = 'fills'"
                + " AND column_name IN ('price', 'qty', 'fill_time') ORDER BY column_name"))
                .containsExactly(List.of("timestamp with time zone"), List.of("bigint"), List.of("bigint"));
    }

    @Test
    void aChangedChecksumIsRefusedNamingTheVersion() throws SQLException {
        SchemaMigrator.current().migrate(ds);
        execute("UPDATE schema_version SET checksum = 'tampered' WHERE version = 1");

        assertThatThrownBy(() -> SchemaMigrator.current().migrate(ds))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("schema migration V1 (orders fills progress) applied to the history database"
                        + " has checksum tampered but this code's script has ");
    }

    @Test
    void aNewerSchemaIsRefusedNamingTheVersion() throws SQLException {
        SchemaMigrator newer = NewerSchema.migrator();
        SchemaMigrator current = SchemaMigrator.current();
        int known = SchemaMigrator.CURRENT.size();
        assertThat(newer.migrate(ds)).hasSize(known + 1).last().isEqualTo(known + 1);

        assertThatThrownBy(() -> current.migrate(ds))
                .isInstanceOf(SchemaException.class)
                .hasMessage("the history database's schema version " + (known + 1) + " is newer than this code knows ("
                        + known + ");"
                        + " use a newer Nautilus or another database");
    }

    @Test
    void aFailingMigrationLeavesNothingBehindOnPostgres() throws SQLException {
        SchemaMigrator broken = new SchemaMigrator(List.of(Migration.of("V1__broken.sql",
                "CREATE TABLE half (x INT);\nCREATE TABLE half (x INT);\n")));

        assertThatThrownBy(() -> broken.migrate(ds))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("schema migration V1 (broken) failed: ");
        assertThat(rows("SELECT to_regclass('half') IS NULL")).containsExactly(List.of(true));
        assertThat(rows("SELECT COUNT(*) FROM schema_version")).containsExactly(List.of(0L));
    }

    @Test
    void withoutTimescaleTheTablesStayPlainAndTheLogSaysSo() throws SQLException {
        SchemaMigrator.current().migrate(ds);

        Timescale.Result result = Timescale.apply(ds, Timescale.HISTORY);

        assertThat(result.version()).isNull();
        assertThat(result.hypertables()).isEmpty();
        assertThat(result.summary()).isEqualTo("TimescaleDB not available: plain tables");
        try (Connection c = ds.getConnection()) {
            assertThat(Timescale.constraints(c, "fills"))
                    .containsExactly(Map.entry("fills_pk", new Timescale.Constraint(true, List.of("core_seq", "exec_id"))));
        }
    }

    @Test
    void anEmbeddedDatabaseIsLeftAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws SQLException {
        DataSource h2 = io.nautilus.history.internal.HistoryDatabase.embedded(dir);
        SchemaMigrator.current().migrate(h2);

        Timescale.Result result = Timescale.apply(h2, Timescale.HISTORY);

        assertThat(result.version()).isNull();
        assertThat(result.summary()).isEqualTo("TimescaleDB not enabled (not a PostgreSQL database: H2): plain tables");
    }

    @Test
    void theHypertableStatementsPutTheTimeColumnIntoEveryKeyThatLacksIt() throws SQLException {
        SchemaMigrator.current().migrate(ds);
        execute("ALTER TABLE fills ADD CONSTRAINT fills_exec UNIQUE (exec_id)");
        Map<String, Timescale.Constraint> keys;
        try (Connection c = ds.getConnection()) {
            keys = Timescale.constraints(c, "fills");
        }

        List<String> sql = Timescale.statements(new Timescale.Hypertable("fills", "fill_time", "1 day"), keys);

        assertThat(sql).containsExactly(
                "ALTER TABLE fills DROP CONSTRAINT fills_pk",
                "ALTER TABLE fills ADD CONSTRAINT fills_pk PRIMARY KEY (core_seq, exec_id, fill_time)",
                "ALTER TABLE fills DROP CONSTRAINT fills_exec",
                "ALTER TABLE fills ADD CONSTRAINT fills_exec UNIQUE (exec_id, fill_time)",
                "SELECT create_hypertable('fills', 'fill_time', chunk_time_interval => INTERVAL '1 day',"
                        + " migrate_data => true, if_not_exists => true)");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String alter : sql.subList(0, 4)) {
                s.execute(alter);
            }
            assertThat(Timescale.constraints(c, "fills")).containsEntry("fills_pk",
                    new Timescale.Constraint(true, List.of("core_seq", "exec_id", "fill_time")));
            c.rollback();
        }
        Map<String, Timescale.Constraint> withTime = new LinkedHashMap<>();
        withTime.put("bars_pk", new Timescale.Constraint(true, List.of("instrument", "start_time")));
        assertThat(Timescale.statements(new Timescale.Hypertable("bars", "start_time", "1 week"), withTime))
                .containsExactly("SELECT create_hypertable('bars', 'start_time', chunk_time_interval =>"
                        + " INTERVAL '1 week', migrate_data => true, if_not_exists => true)");
    }

    @Test
    void summariesNameTheTablesAndWhyOthersStayPlain() {
        assertThat(new Timescale.Result("2.17.2", List.of("fills", "bars", "position_snapshots"), Map.of()).summary())
                .isEqualTo("TimescaleDB 2.17.2: fills, bars, position_snapshots are hypertables");
        assertThat(new Timescale.Result("2.17.2", List.of("fills"), Map.of("bars", "no such table")).summary())
                .isEqualTo("TimescaleDB 2.17.2: fills is a hypertable; bars stays plain: no such table");
        assertThat(new Timescale.Result(null, List.of(), Map.of("timescaledb", "permission denied")).summary())
                .isEqualTo("TimescaleDB not enabled (permission denied): plain tables");
        assertThatThrownBy(() -> new Timescale.Hypertable("fills", "fill_time", "1 day; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunk interval");
        assertThatThrownBy(() -> new Timescale.Hypertable("Fills", null, "1 day"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'Fills' is not a lower-case SQL identifier");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> out = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new java.util.ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
