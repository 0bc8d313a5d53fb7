package io.nautilus.history.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgCopySinkTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    private static final RowSink.Table TABLE = new RowSink.Table("copy_probe", List.of(
            new RowSink.Column("id", Types.BIGINT),
            new RowSink.Column("n", Types.BIGINT),
            new RowSink.Column("small", Types.SMALLINT),
            new RowSink.Column("txt", Types.VARCHAR),
            new RowSink.Column("flag", Types.BOOLEAN),
            new RowSink.Column("at", Types.TIMESTAMP_WITH_TIMEZONE)));

    private static final String[] TEXTS = {
        "plain", "", "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N", "\\.", "quote's \"double\"",
        "ünïcødé €uro 日本語 😀", "trailing backslash\\", "form\ffeed\u000bvtab\bbs", "comma, semicolon; pipe|",
    };

    private DataSource ds;

    @BeforeEach
    void table() throws SQLException {
        ds = PG.dataSource();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS copy_probe");
            s.execute("CREATE TABLE copy_probe (id BIGINT PRIMARY KEY, n BIGINT, small SMALLINT, txt VARCHAR(200),"
                    + " flag BOOLEAN, at TIMESTAMP(6) WITH TIME ZONE)");
        }
    }

    @Test
    void writesExactValuesWithNullsEscapesExtremesAndUtcMicroseconds() throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_789, ZoneOffset.ofHours(2));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.length; i++) {
            rows.add(new Object[] {(long) i, (long) i * 1_000, i, TEXTS[i], i % 2 == 0, at.plusSeconds(i)});
        }
        rows.add(new Object[] {100L, Long.MAX_VALUE, Short.MAX_VALUE, null, null, null});
        rows.add(new Object[] {101L, Long.MIN_VALUE, Short.MIN_VALUE, "x", true,
            OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)});
        rows.add(new Object[] {102L, 0L, (short) 0, "rounds up into the next second", false,
            Instant.parse("2026-12-31T23:59:59.999999600Z")});

        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            new PgCopySink().write(c, TABLE, rows);
            c.commit();
        }

        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, n, small, txt, flag, at FROM copy_probe ORDER BY id")) {
            for (int i = 0; i < TEXTS.length; i++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(i);
                assertThat(rs.getLong(2)).isEqualTo(i * 1_000L);
                assertThat(rs.getInt(3)).isEqualTo(i);
                assertThat(rs.getString(4)).as("text %d", i).isEqualTo(TEXTS[i]);
                assertThat(rs.getBoolean(5)).isEqualTo(i % 2 == 0);
                assertThat(rs.getObject(6, OffsetDateTime.class).toInstant())
                        .isEqualTo(Instant.parse("2026-01-02T01:04:05.123457Z").plusSeconds(i));
            }
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(2)).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getShort(3)).isEqualTo(Short.MAX_VALUE);
            assertThat(rs.getString(4)).isNull();
            assertThat(rs.getObject(5)).isNull();
            assertThat(rs.getObject(6)).isNull();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(2)).isEqualTo(Long.MIN_VALUE);
            assertThat(rs.getShort(3)).isEqualTo(Short.MIN_VALUE);
            assertThat(rs.getObject(6, OffsetDateTime.class).toInstant()).isEqualTo(Instant.EPOCH);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(6, OffsetDateTime.class).toInstant())
                    .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void writesTheSameTimestampAsABoundOffsetDateTime() throws SQLException {
        OffsetDateTime[] times = {
            OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_499, ZoneOffset.UTC),
            OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_500, ZoneOffset.UTC),
            OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 999_999_999, ZoneOffset.ofHours(-5)),
        };
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < times.length; i++) {
                rows.add(new Object[] {(long) i, null, null, null, null, times[i]});
            }
            new PgCopySink().write(c, TABLE, rows);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO copy_probe (id, at) VALUES (?, ?)")) {
                for (int i = 0; i < times.length; i++) {
                    p.setLong(1, 10 + i);
                    p.setObject(2, times[i]);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM copy_probe a JOIN copy_probe b"
                     + " ON b.id = a.id + 10 AND b.at = a.at")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(times.length);
        }
    }

    @Test
    void copiesInsideTheCallersTransactionAndARollbackLeavesNothing() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            new PgCopySink().write(c, TABLE, List.<Object[]>of(new Object[] {1L, 1L, 1, "a", true, null}));
            assertThat(count(c)).as("seen inside the transaction").isEqualTo(1);
            c.rollback();
            assertThat(count(c)).isZero();
        }
    }

    @Test
    void aRefusedCopyThrowsAndTheConnectionCanRollBackAndGoOn() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            PgCopySink sink = new PgCopySink();
            List<Object[]> duplicate = List.of(new Object[] {1L, 1L, 1, "a", true, null},
                    new Object[] {1L, 2L, 2, "b", false, null});
            assertThatThrownBy(() -> sink.write(c, TABLE, duplicate))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("copy_probe_pkey");
            c.rollback();

            List<Object[]> tooWide = List.<Object[]>of(new Object[] {1L, 1L, 1, "a", true, null, "extra"});
            assertThatThrownBy(() -> sink.write(c, TABLE, tooWide))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a row for copy_probe has 7 values for 6 columns");
            c.rollback();

            List<Object[]> withNul = List.<Object[]>of(new Object[] {1L, 1L, 1, "a\u0000b", true, null});
            assertThatThrownBy(() -> sink.write(c, TABLE, withNul))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column txt of copy_probe holds a NUL character, which PostgreSQL text cannot store");
            c.rollback();

            sink.write(c, TABLE, List.<Object[]>of(new Object[] {3L, 3L, 3, "ok", true, null}));
            c.commit();
            assertThat(count(c)).isEqualTo(1);
        }
    }

    @Test
    void writesALargeBatchAcrossSeveralFlushes() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        String wide = "w".repeat(190);
        for (long i = 0; i < 20_000; i++) {
            rows.add(new Object[] {i, i * 3, (int) (i % 100), wide, i % 2 == 0,
                Instant.ofEpochSecond(1_700_000_000L + i)});
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            new PgCopySink().write(c, TABLE, rows);
            c.commit();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(n), MIN(length(txt)), MAX(at) FROM copy_probe")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(20_000);
                assertThat(rs.getLong(2)).isEqualTo(3L * 19_999 * 20_000 / 2);
                assertThat(rs.getInt(3)).isEqualTo(190);
                assertThat(rs.getObject(4, OffsetDateTime.class).toInstant())
                        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L + 19_999));
            }
        }
    }

    @Test
    void fillsTheStoresFillsTableInOneTransactionWithItsProgressRow() throws SQLException {
        DataSource store = PG.dataSource(db("copy_store"));
        SchemaMigrator.current().migrate(store);
        RowSink.Table fills = new RowSink.Table("fills", List.of(
                new RowSink.Column("core_seq", Types.BIGINT), new RowSink.Column("exec_id", Types.BIGINT),
                new RowSink.Column("order_id", Types.BIGINT), new RowSink.Column("client_order_id", Types.BIGINT),
                new RowSink.Column("account", Types.VARCHAR), new RowSink.Column("strategy", Types.VARCHAR),
                new RowSink.Column("instrument", Types.VARCHAR), new RowSink.Column("side", Types.VARCHAR),
                new RowSink.Column("price", Types.BIGINT), new RowSink.Column("qty", Types.BIGINT),
                new RowSink.Column("price_scale", Types.SMALLINT), new RowSink.Column("qty_scale", Types.SMALLINT),
                new RowSink.Column("liquidity", Types.VARCHAR), new RowSink.Column("venue", Types.VARCHAR),
                new RowSink.Column("fill_time_nanos", Types.BIGINT),
                new RowSink.Column("fill_time", Types.TIMESTAMP_WITH_TIMEZONE)));
        long nanos = 1_767_323_045_123_456_789L;
        OffsetDateTime time = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L)
                .atOffset(ZoneOffset.UTC);
        List<Object[]> rows = List.of(
                new Object[] {2L, 131_073L, 7L, 1_007L, "ACC1", "mm", "BTC-USD", "BUY", 10_050L, 2_000L, 2, 3,
                    "TAKER", "SIM", nanos, time},
                new Object[] {2L, 131_074L, 9L, 1_009L, "ACC2", null, "ETH-USD", "SELL", -5L, Long.MAX_VALUE, null,
                    null, "MAKER", null, nanos + 1, time});

        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            new PgCopySink().write(c, fills, rows);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE store_progress SET core_seq = 2, exec_id = 131074");
            }
            c.commit();
        }

        try (Connection c = store.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT f.strategy, f.price, f.qty, f.price_scale, f.venue, f.fill_time,"
                     + " p.exec_id FROM fills f CROSS JOIN store_progress p ORDER BY f.exec_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("mm");
            assertThat(rs.getLong(2)).isEqualTo(10_050);
            assertThat(rs.getInt(4)).isEqualTo(2);
            assertThat(rs.getObject(6, OffsetDateTime.class).toInstant())
                    .isEqualTo(Instant.parse("2026-01-02T03:04:05.123457Z"));
            assertThat(rs.getLong(7)).isEqualTo(131_074);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isNull();
            assertThat(rs.getLong(2)).isEqualTo(-5);
            assertThat(rs.getLong(3)).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getObject(4)).isNull();
            assertThat(rs.getString(5)).isNull();
            assertThat(rs.next()).isFalse();
        }
    }

    private static String db(String name) throws SQLException {
        PG.createDatabase(name);
        return name;
    }

    @Test
    void theCopyStatementNamesTheColumnsAndRefusesOddIdentifiers() {
        assertThat(PgCopySink.copySql(TABLE)).isEqualTo("COPY copy_probe (id, n, small, txt, flag, at) FROM STDIN");
        RowSink.Table odd = new RowSink.Table("fills; DROP TABLE fills", List.of(new RowSink.Column("x", Types.BIGINT)));
        assertThatThrownBy(() -> PgCopySink.copySql(odd))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'fills; DROP TABLE fills' is not a plain SQL identifier");
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM copy_probe")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
