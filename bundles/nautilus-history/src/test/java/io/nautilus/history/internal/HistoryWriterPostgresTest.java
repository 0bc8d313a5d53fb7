package io.nautilus.history.internal;

import static io.nautilus.history.internal.Reports.ACC1;
import static io.nautilus.history.internal.Reports.ACC2;
import static io.nautilus.history.internal.Reports.BTC;
import static io.nautilus.history.internal.Reports.ETH;
import static io.nautilus.history.internal.Reports.SCALES;
import static io.nautilus.history.internal.Reports.T0;
import static io.nautilus.history.internal.Reports.accepted;
import static io.nautilus.history.internal.Reports.execId;
import static io.nautilus.history.internal.Reports.fill;
import static io.nautilus.history.internal.Reports.rejected;
import static io.nautilus.history.internal.Reports.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.nautilus.api.Side;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.core.api.CommandResult;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.internal.db.Databases;
import io.nautilus.history.internal.db.PgCopySink;
import io.nautilus.history.internal.db.PostgresCluster;
import io.nautilus.history.internal.db.SchemaMigrator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The history writer against a real PostgreSQL through the pooled data source the store uses. */
class HistoryWriterPostgresTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    private static final WriterSettings FAST = new WriterSettings(10_000, 64, Duration.ofMillis(10),
            Duration.ofMillis(200), Duration.ofSeconds(5));

    private String database;
    private Databases.Database db;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void freshDatabase(TestInfo test) throws SQLException {
        database = "w_" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        database = database.substring(0, Math.min(database.length(), 60));
        PG.createDatabase(database);
        db = Databases.postgres(PG.url(database), PostgresCluster.USER, PG.password(), 2);
        closing.add(db);
        SchemaMigrator.current().migrate(db.dataSource());
    }

    @AfterEach
    void close() throws Exception {
        PG.start();
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private final ListJournal journal = new ListJournal();

    private HistoryWriter writer(DataSource ds) {
        HistoryWriter w = new HistoryWriter(ds, new PgCopySink(), SchemaMigrator.current(), FAST,
                CoreLink.of(SCALES, 4, () -> journal), "PostgreSQL test");
        closing.add(w);
        return w;
    }

    /** The core publishing: journaled first, then handed to the store. */
    private void publish(HistoryWriter w, CommandResult r) {
        journal.onCommandResult(r);
        w.onCommandResult(r);
    }

    private static CommandResult buyFill(long seq) {
        return result(seq, fill(seq, 1, seq, ACC1, BTC, Side.BUY, 10_000 + seq, 1_000, 1_000, 0, 10_000 + seq,
                Liquidity.TAKER, T0 + seq));
    }

    @Test
    void alertLabelsAndNotificationRecordsGoThroughCopyAndReadBack() {
        HistoryWriter w = writer(db.dataSource());
        w.start();
        JdbcHistoryService history = new JdbcHistoryService(db.dataSource(), w);
        Alert alert = new Alert("venue-down:CME", Severity.CRITICAL, "venues", "CME logged out", T0,
                Map.of(Alert.VENUE, "CME", Alert.ACCOUNT, "tab\there \\ \"q\" \u00fc"));
        NotificationRecord delivered = new NotificationRecord(0, T0 + 5, "DELIVERY", 3, "venue-down:CME", "ops",
                "webhook", 2, "DELIVERED", "HTTP 200\nok", "");
        NotificationRecord ack = new NotificationRecord(0, T0 + 9, "ACKNOWLEDGED", 3, "venue-down:CME", "", "", 0,
                "", "on it", "karaf");
        assertThat(w.offerAlert(alert)).isTrue();
        assertThat(w.offerNotification(delivered)).isTrue();
        assertThat(w.offerNotification(ack)).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> history.notifications(HistoryQuery.all()).size() == 2
                && history.alerts(HistoryQuery.all()).size() == 1);
        assertThat(history.alerts(HistoryQuery.all()).get(0).alert()).isEqualTo(alert);
        List<NotificationRecord> records = history.notifications(HistoryQuery.all());
        assertThat(records.get(0)).isEqualTo(new NotificationRecord(records.get(0).id(), T0 + 9, "ACKNOWLEDGED", 3,
                "venue-down:CME", "", "", 0, "", "on it", "karaf"));
        assertThat(records.get(1)).isEqualTo(new NotificationRecord(records.get(1).id(), T0 + 5, "DELIVERY", 3,
                "venue-down:CME", "ops", "webhook", 2, "DELIVERED", "HTTP 200\nok", ""));
        assertThat(records.get(0).id()).isGreaterThan(records.get(1).id());
        assertThat(history.notifications(HistoryQuery.all().withRange(null, Instant.ofEpochSecond(0, T0 + 9))))
                .containsExactly(records.get(1));
    }

    @Test
    void writesABurstWithExactValues() throws SQLException {
        HistoryWriter w = writer(db.dataSource());
        w.start();
        publish(w, result(1, accepted(1, 1, 7, ACC1, BTC, Side.BUY, 5_000, T0)));
        publish(w, result(2, fill(2, 1, 7, ACC1, BTC, Side.BUY, 10_050, 2_000, 2_000, 3_000, 10_050,
                        Liquidity.TAKER, T0 + 10),
                fill(2, 2, 9, ACC2, BTC, Side.SELL, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0, 10_050,
                        Liquidity.MAKER, T0 + 10)));
        publish(w, result(3, rejected(3, 1, 55, ACC2, ETH, RejectReason.RISK_LIMIT,
                "risk limit\t(maxOrderQty: 'limit' 10)\nüñï \\ done", T0 + 30)));

        await().atMost(Duration.ofSeconds(20)).until(() -> w.status().writtenSeq() == 3);

        DataSource ds = db.dataSource();
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(4);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM fills")).isEqualTo(2);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT core_seq, exec_id, account, side, price, qty, price_scale,"
                     + " qty_scale, liquidity, venue, fill_time_nanos, fill_time FROM fills ORDER BY exec_id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("core_seq")).isEqualTo(2);
            assertThat(rs.getLong("exec_id")).isEqualTo(execId(2, 1));
            assertThat(rs.getString("account")).isEqualTo("ACC1");
            assertThat(rs.getLong("price")).isEqualTo(10_050);
            assertThat(rs.getLong("qty")).isEqualTo(2_000);
            assertThat(rs.getInt("price_scale")).isEqualTo(2);
            assertThat(rs.getInt("qty_scale")).isEqualTo(3);
            assertThat(rs.getString("venue")).isEqualTo("SIM");
            assertThat(rs.getLong("fill_time_nanos")).isEqualTo(T0 + 10);
            assertThat(rs.getObject("fill_time", OffsetDateTime.class).toInstant())
                    .isEqualTo(Instant.parse("2026-01-02T03:04:05.123457Z"));
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("price")).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getLong("qty")).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getString("liquidity")).isEqualTo("MAKER");
        }
        assertThat(Sql.rows(ds, "SELECT reject_reason, report_text, last_price, price_scale FROM orders"
                + " WHERE exec_type = 'REJECTED'")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("reject_reason", "RISK_LIMIT")
                .containsEntry("report_text", "risk limit\t(maxOrderQty: 'limit' 10)\nüñï \\ done")
                .containsEntry("last_price", null).containsEntry("price_scale", null));
        assertThat(Sql.rows(ds, "SELECT core_seq, exec_id, behind_from_seq FROM store_progress")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("core_seq", 3L).containsEntry("exec_id", execId(3, 1))
                        .containsEntry("behind_from_seq", null));
        assertThat(w.status().errors()).isZero();
    }

    @Test
    void aDatabaseStoppedMidBurstAndStartedAgainLosesAndDuplicatesNothing() throws SQLException {
        HistoryWriter w = writer(db.dataSource());
        w.start();
        for (long seq = 1; seq <= 500; seq++) {
            publish(w, buyFill(seq));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> w.status().writtenSeq() >= 100);

        PG.stop();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (long seq = 501; seq <= 12_000; seq++) {
                publish(w, buyFill(seq));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> w.status().errors() >= 1);
        HistoryStatus down = w.status();
        assertThat(down.writtenSeq()).isLessThan(12_000);
        assertThat(down.dropped()).as("the hand-off of 10,000 overflowed while the database was down").isPositive();
        assertThat(down.lastError()).isNotNull().doesNotContain("\n");

        PG.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> w.status().writtenSeq() == 12_000
                && w.status().behindFromSeq() == HistoryWriter.NOT_BEHIND);

        DataSource ds = db.dataSource();
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(12_000);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM fills")).isEqualTo(12_000);
        assertThat(Sql.count(ds, "SELECT COUNT(DISTINCT core_seq) FROM fills")).isEqualTo(12_000);
        assertThat(Sql.count(ds, "SELECT MIN(core_seq) FROM fills")).isEqualTo(1);
        assertThat(Sql.count(ds, "SELECT MAX(core_seq) FROM fills")).isEqualTo(12_000);
        assertThat(Sql.count(ds, "SELECT SUM(price) FROM fills")).isEqualTo(12_000 * 10_000L + 12_000L * 12_001 / 2);
        assertThat(Sql.rows(ds, "SELECT core_seq, behind_from_seq FROM store_progress")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("core_seq", 12_000L)
                        .containsEntry("behind_from_seq", null));
        assertThat(w.status().catchUps()).isPositive();
    }

    @Test
    void aWrongPasswordIsOneClearErrorLineAndTheProducerGoesOn() {
        Databases.Database wrong = Databases.postgres(PG.url(database), PostgresCluster.USER, "not-the-password", 1);
        closing.add(wrong);
        HistoryWriter w = writer(wrong.dataSource());
        w.start();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (long seq = 1; seq <= 100; seq++) {
                publish(w, result(seq, accepted(seq, 1, seq, ACC1, BTC, Side.BUY, 1_000, T0 + seq)));
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> w.status().errors() >= 1);
        HistoryStatus status = w.status();
        assertThat(status.lastError()).isEqualTo("history database PostgreSQL 127.0.0.1:" + PG.port() + "/"
                + database + " as nautilus: FATAL: password authentication failed for user \"nautilus\"");
        assertThat(status.state()).isEqualTo("RETRYING");
        assertThat(status.writtenSeq()).isZero();
        assertThat(status.rowsWritten()).isZero();
        assertThat(status.dropped()).isZero();
        assertThat(status.coreSeq()).isEqualTo(100);
    }
}
