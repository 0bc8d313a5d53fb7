package io.nautilus.history.internal;

import static io.nautilus.history.internal.Reports.ACC1;
import static io.nautilus.history.internal.Reports.ACC2;
import static io.nautilus.history.internal.Reports.BTC;
import static io.nautilus.history.internal.Reports.ETH;
import static io.nautilus.history.internal.Reports.SCALES;
import static io.nautilus.history.internal.Reports.T0;
import static io.nautilus.history.internal.Reports.accepted;
import static io.nautilus.history.internal.Reports.canceled;
import static io.nautilus.history.internal.Reports.execId;
import static io.nautilus.history.internal.Reports.fill;
import static io.nautilus.history.internal.Reports.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.nautilus.api.Side;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.RejectReason;
import io.nautilus.history.internal.db.SchemaMigrator;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWriterTest {

    private static final WriterSettings FAST = new WriterSettings(1_000, 16, Duration.ofMillis(10),
            Duration.ofMillis(40), Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private DataSource ds;
    private final List<HistoryWriter> writers = new ArrayList<>();

    @BeforeEach
    void migrate() throws SQLException {
        ds = HistoryDatabase.embedded(dir);
        SchemaMigrator.current().migrate(ds);
    }

    @AfterEach
    void stop() {
        writers.forEach(HistoryWriter::close);
    }

    private HistoryWriter writer(DataSource dataSource, WriterSettings settings) {
        HistoryWriter w = new HistoryWriter(dataSource, SCALES, settings);
        writers.add(w);
        return w;
    }

    /** Order 7 buys 5.000 BTC: accepted, partly filled against a maker, filled; a reject; order 8 canceled. */
    private static List<ExecutionReport> burst() {
        return List.of(
                accepted(1, 1, 7, ACC1, BTC, Side.BUY, 5_000, T0),
                fill(2, 1, 7, ACC1, BTC, Side.BUY, 10_050, 2_000, 2_000, 3_000, 10_050, Liquidity.TAKER, T0 + 10),
                fill(2, 2, 9, ACC2, BTC, Side.SELL, 10_050, 2_000, 2_000, 0, 10_050, Liquidity.MAKER, T0 + 10),
                fill(3, 1, 7, ACC1, BTC, Side.BUY, 10_075, 3_000, 5_000, 0, 10_065, Liquidity.TAKER, T0 + 20),
                rejected(4, 1, 55, ACC2, ETH, RejectReason.RISK_LIMIT, "risk limit (maxOrderQty: limit 10)", T0 + 30),
                canceled(5, 1, 8, ACC1, ETH, 0, io.nautilus.api.instrument.FixedPoint.NULL, T0 + 40));
    }

    @Test
    void writesABurstAsOrderAndFillRowsWithExactValues() throws SQLException {
        HistoryWriter w = writer(ds, FAST);
        w.start();
        burst().forEach(w::onExecutionReport);

        await().atMost(Duration.ofSeconds(10)).until(() -> w.stats().writtenExecId() == execId(5, 1));

        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(6);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM fills")).isEqualTo(3);
        List<Map<String, Object>> fills = Sql.rows(ds, "SELECT core_seq, exec_id, order_id, client_order_id, account,"
                + " strategy, instrument, side, price, qty, price_scale, qty_scale, liquidity, venue, fill_time_nanos,"
                + " fill_time FROM fills ORDER BY exec_id");
        assertThat(fills.get(0)).containsEntry("core_seq", 2L).containsEntry("exec_id", execId(2, 1))
                .containsEntry("order_id", 7L).containsEntry("client_order_id", 1_007L)
                .containsEntry("account", "ACC1").containsEntry("instrument", "BTC-USD").containsEntry("side", "BUY")
                .containsEntry("price", 10_050L).containsEntry("qty", 2_000L)
                .containsEntry("price_scale", 2).containsEntry("qty_scale", 3)
                .containsEntry("liquidity", "TAKER").containsEntry("venue", "SIM")
                .containsEntry("fill_time_nanos", T0 + 10);
        assertThat(((OffsetDateTime) fills.get(0).get("fill_time")).toInstant())
                .isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_457_000, ZoneOffset.UTC).toInstant());
        assertThat(fills.get(1)).containsEntry("core_seq", 2L).containsEntry("account", "ACC2")
                .containsEntry("side", "SELL").containsEntry("liquidity", "MAKER");
        assertThat(fills.get(2)).containsEntry("core_seq", 3L).containsEntry("price", 10_075L)
                .containsEntry("qty", 3_000L);

        List<Map<String, Object>> orders = Sql.rows(ds, "SELECT core_seq, exec_type, status, reject_reason,"
                + " cancel_reason, report_text, last_qty, last_price, cum_qty, leaves_qty, avg_price, strategy,"
                + " orig_client_order_id, price_scale, qty_scale, event_time_nanos FROM orders ORDER BY exec_id");
        assertThat(orders.get(0)).containsEntry("exec_type", "NEW").containsEntry("status", "NEW")
                .containsEntry("last_qty", 0L).containsEntry("last_price", null).containsEntry("leaves_qty", 5_000L)
                .containsEntry("avg_price", null).containsEntry("strategy", "mm")
                .containsEntry("event_time_nanos", T0);
        assertThat(orders.get(3)).containsEntry("exec_type", "FILL").containsEntry("status", "FILLED")
                .containsEntry("cum_qty", 5_000L).containsEntry("leaves_qty", 0L).containsEntry("avg_price", 10_065L);
        assertThat(orders.get(4)).containsEntry("core_seq", 4L).containsEntry("exec_type", "REJECTED")
                .containsEntry("reject_reason", "RISK_LIMIT")
                .containsEntry("report_text", "risk limit (maxOrderQty: limit 10)")
                .containsEntry("price_scale", null).containsEntry("qty_scale", null);
        assertThat(orders.get(5)).containsEntry("exec_type", "CANCELED").containsEntry("cancel_reason", "USER")
                .containsEntry("orig_client_order_id", 1_008L);

        assertThat(Sql.rows(ds, "SELECT core_seq, exec_id, behind_from_seq FROM store_progress")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("core_seq", 5L).containsEntry("exec_id", execId(5, 1))
                        .containsEntry("behind_from_seq", null));
        HistoryWriter.Stats stats = w.stats();
        assertThat(stats.rowsWritten()).isEqualTo(9);
        assertThat(stats.batches()).isBetween(1L, 6L);
        assertThat(stats.writtenSeq()).isEqualTo(5);
        assertThat(stats.dropped()).isZero();
        assertThat(stats.errors()).isZero();
        assertThat(stats.lastError()).isNull();
        assertThat(stats.queueDepth()).isZero();
        assertThat(stats.behindFromSeq()).isEqualTo(HistoryWriter.NOT_BEHIND);
    }

    @Test
    void aRestartWritesNoReportTwice() throws SQLException {
        HistoryWriter first = writer(ds, FAST);
        first.start();
        burst().forEach(first::onExecutionReport);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.stats().writtenExecId() == execId(5, 1));
        first.close();

        DataSource reopened = HistoryDatabase.embedded(dir);
        HistoryWriter second = writer(reopened, FAST);
        second.start();
        burst().forEach(second::onExecutionReport);
        second.onExecutionReport(fill(6, 1, 10, ACC2, BTC, Side.SELL, 10_100, 1_000, 1_000, 0, 10_100,
                Liquidity.TAKER, T0 + 50));

        await().atMost(Duration.ofSeconds(10)).until(() -> second.stats().writtenExecId() == execId(6, 1));
        assertThat(second.stats().rowsWritten()).isEqualTo(2);
        assertThat(Sql.count(reopened, "SELECT COUNT(*) FROM orders")).isEqualTo(7);
        assertThat(Sql.count(reopened, "SELECT COUNT(*) FROM fills")).isEqualTo(4);
        assertThat(Sql.count(reopened, "SELECT COUNT(DISTINCT exec_id) FROM orders")).isEqualTo(7);
        assertThat(Sql.count(reopened, "SELECT core_seq FROM store_progress")).isEqualTo(6);
    }

    @Test
    void aFullQueueNeverBlocksCountsTheDropsAndRecordsTheGap() throws SQLException {
        HistoryWriter w = writer(ds, new WriterSettings(4, 16, Duration.ofMillis(10), Duration.ofMillis(40),
                Duration.ofSeconds(5)));
        List<Boolean> taken = new ArrayList<>();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (long seq = 1; seq <= 10; seq++) {
                taken.add(w.offer(seq, accepted(seq, 1, seq, ACC1, BTC, Side.BUY, 1_000, T0 + seq)));
            }
        });

        assertThat(taken).containsExactly(true, true, true, true, false, false, false, false, false, false);
        assertThat(w.stats().dropped()).isEqualTo(6);
        assertThat(w.stats().queueDepth()).isEqualTo(4);
        assertThat(w.stats().behindFromSeq()).isEqualTo(5);

        w.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> w.stats().writtenSeq() == 4);
        assertThat(Sql.rows(ds, "SELECT core_seq, behind_from_seq FROM store_progress").get(0))
                .containsEntry("core_seq", 4L).containsEntry("behind_from_seq", 5L);
        w.offer(11, accepted(11, 1, 11, ACC1, BTC, Side.BUY, 1_000, T0 + 11));
        await().atMost(Duration.ofSeconds(10)).until(() -> w.stats().writtenSeq() == 11);
        w.close();

        assertThat(Sql.rows(ds, "SELECT core_seq, behind_from_seq FROM store_progress").get(0))
                .as("a later batch keeps the first gap").containsEntry("behind_from_seq", 5L);
        HistoryWriter restarted = writer(HistoryDatabase.embedded(dir), FAST);
        restarted.start();
        restarted.offer(12, accepted(12, 1, 12, ACC1, BTC, Side.BUY, 1_000, T0 + 12));
        await().atMost(Duration.ofSeconds(10)).until(() -> restarted.stats().writtenSeq() == 12);
        assertThat(restarted.stats().behindFromSeq()).as("the persisted gap after a restart").isEqualTo(5);
    }

    @Test
    void aGapIsRecordedEvenWhenNothingFollowsTheDrops() throws SQLException {
        HistoryWriter w = writer(ds, new WriterSettings(1, 16, Duration.ofMillis(10), Duration.ofMillis(40),
                Duration.ofSeconds(5)));
        w.offer(1, accepted(1, 1, 1, ACC1, BTC, Side.BUY, 1_000, T0));
        w.offer(2, accepted(2, 1, 2, ACC1, BTC, Side.BUY, 1_000, T0));
        w.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> Sql.rows(ds, "SELECT behind_from_seq FROM store_progress")
                .get(0).get("behind_from_seq") != null);
        assertThat(Sql.rows(ds, "SELECT core_seq, behind_from_seq FROM store_progress").get(0))
                .containsEntry("core_seq", 1L).containsEntry("behind_from_seq", 2L);
    }

    @Test
    void aDatabaseDownMidBurstLeavesTheProducerAloneCountsTheErrorAndRetriesWhenBack() throws SQLException {
        FlakyDataSource flaky = new FlakyDataSource(ds);
        HistoryWriter w = writer(flaky, FAST);
        w.start();
        for (long seq = 1; seq <= 50; seq++) {
            w.onExecutionReport(accepted(seq, 1, seq, ACC1, BTC, Side.BUY, 1_000, T0 + seq));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> w.stats().writtenSeq() == 50);

        flaky.down();
        List<Boolean> taken = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (long seq = 51; seq <= 100; seq++) {
                taken.add(w.offer(seq, fill(seq, 1, seq, ACC1, BTC, Side.BUY, 10_000 + seq, 1_000, 1_000, 0,
                        10_000 + seq, Liquidity.TAKER, T0 + seq)));
            }
        });
        assertThat(taken).hasSize(50).containsOnly(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> w.stats().errors() >= 2);
        assertThat(w.stats().lastError()).contains("database is down (test)");
        assertThat(w.stats().writtenSeq()).isEqualTo(50);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(50);

        flaky.up();
        await().atMost(Duration.ofSeconds(10)).until(() -> w.stats().writtenSeq() == 100);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(100);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM fills")).isEqualTo(50);
        assertThat(Sql.count(ds, "SELECT SUM(price) FROM fills")).isEqualTo(50 * 10_000L + (51 + 100) * 50 / 2);
        assertThat(w.stats().dropped()).isZero();
        assertThat(w.stats().behindFromSeq()).isEqualTo(HistoryWriter.NOT_BEHIND);
    }

    @Test
    void aLockHeldByAnotherConnectionIsRetriedUntilReleased() throws Exception {
        DataSource other = HistoryDatabase.embedded(dir);
        try (java.sql.Connection lock = other.getConnection()) {
            lock.setAutoCommit(false);
            try (java.sql.Statement s = lock.createStatement()) {
                s.executeUpdate("UPDATE store_progress SET updated_at = CURRENT_TIMESTAMP");
            }
            HistoryWriter w = writer(ds, new WriterSettings(1_000, 16, Duration.ofMillis(10), Duration.ofMillis(40),
                    Duration.ofSeconds(5)));
            w.start();
            w.onExecutionReport(accepted(1, 1, 1, ACC1, BTC, Side.BUY, 1_000, T0));
            await().atMost(Duration.ofSeconds(15)).until(() -> w.stats().errors() >= 1);
            assertThat(w.stats().writtenSeq()).isZero();
            lock.rollback();
            await().atMost(Duration.ofSeconds(10)).until(() -> w.stats().writtenSeq() == 1);
        }
    }
}
