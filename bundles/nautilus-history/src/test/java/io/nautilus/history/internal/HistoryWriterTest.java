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
import static io.nautilus.history.internal.Reports.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.internal.db.JdbcBatchSink;
import io.nautilus.history.internal.db.NewerSchema;
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
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private DataSource ds;
    private final ListJournal journal = new ListJournal();
    private final List<HistoryWriter> writers = new ArrayList<>();

    @BeforeEach
    void open() {
        ds = HistoryDatabase.embedded(dir);
    }

    @AfterEach
    void stop() {
        writers.forEach(HistoryWriter::close);
    }

    private HistoryWriter writer(DataSource dataSource, WriterSettings settings, ListJournal withJournal) {
        HistoryWriter w = new HistoryWriter(dataSource, new JdbcBatchSink(), SchemaMigrator.current(), settings,
                CoreLink.of(SCALES, 4, () -> withJournal), "H2 test");
        writers.add(w);
        return w;
    }

    /** The core publishing: journaled first, then handed to the store. */
    private void publish(HistoryWriter w, CommandResult r) {
        journal.onCommandResult(r);
        w.onCommandResult(r);
    }

    /** Order 7 buys 5.000 BTC: accepted, partly filled against a maker, filled; a reject; order 8 canceled. */
    private static List<CommandResult> burst() {
        return List.of(
                result(1, accepted(1, 1, 7, ACC1, BTC, Side.BUY, 5_000, T0)),
                result(2, fill(2, 1, 7, ACC1, BTC, Side.BUY, 10_050, 2_000, 2_000, 3_000, 10_050, Liquidity.TAKER,
                                T0 + 10, 41),
                        fill(2, 2, 9, ACC2, BTC, Side.SELL, 10_050, 2_000, 2_000, 0, 10_050, Liquidity.MAKER,
                                T0 + 10, -21)),
                result(3, fill(3, 1, 7, ACC1, BTC, Side.BUY, 10_075, 3_000, 5_000, 0, 10_065, Liquidity.TAKER,
                        T0 + 20)),
                result(4, rejected(4, 1, 55, ACC2, ETH, RejectReason.RISK_LIMIT, "risk limit (maxOrderQty: limit 10)",
                        T0 + 30)),
                result(5, canceled(5, 1, 8, ACC1, ETH, 0, io.nautilus.api.instrument.FixedPoint.NULL, T0 + 40)));
    }

    private static CommandResult acceptedAt(long seq) {
        return result(seq, accepted(seq, 1, seq, ACC1, BTC, Side.BUY, 1_000, T0 + seq));
    }

    @Test
    void writesABurstAsOrderAndFillRowsWithExactValues() throws SQLException {
        HistoryWriter w = writer(ds, FAST, null);
        w.start();
        burst().forEach(w::onCommandResult);

        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 5);

        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(6);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM fills")).isEqualTo(3);
        List<Map<String, Object>> fills = Sql.rows(ds, "SELECT core_seq, exec_id, order_id, client_order_id, account,"
                + " strategy, instrument, side, price, qty, price_scale, qty_scale, liquidity, venue, fill_time_nanos,"
                + " fill_time, fee FROM fills ORDER BY exec_id");
        assertThat(fills.get(0)).containsEntry("core_seq", 2L).containsEntry("exec_id", execId(2, 1))
                .containsEntry("order_id", 7L).containsEntry("client_order_id", 1_007L)
                .containsEntry("account", "ACC1").containsEntry("instrument", "BTC-USD").containsEntry("side", "BUY")
                .containsEntry("price", 10_050L).containsEntry("qty", 2_000L)
                .containsEntry("price_scale", 2).containsEntry("qty_scale", 3)
                .containsEntry("liquidity", "TAKER").containsEntry("venue", "SIM")
                .containsEntry("fill_time_nanos", T0 + 10).containsEntry("fee", 41L);
        assertThat(((OffsetDateTime) fills.get(0).get("fill_time")).toInstant())
                .isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_457_000, ZoneOffset.UTC).toInstant());
        assertThat(fills.get(1)).containsEntry("core_seq", 2L).containsEntry("account", "ACC2")
                .containsEntry("side", "SELL").containsEntry("liquidity", "MAKER").containsEntry("fee", -21L);
        assertThat(fills.get(2)).containsEntry("core_seq", 3L).containsEntry("price", 10_075L)
                .containsEntry("qty", 3_000L).containsEntry("fee", 0L);

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
    }

    @Test
    void theStatusCountsWhatWasHandedAndWritten() {
        HistoryWriter w = writer(ds, FAST, null);
        assertThat(w.status().state()).isEqualTo("STOPPED");
        w.start();
        burst().forEach(w::onCommandResult);
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 5);

        HistoryStatus status = w.status();
        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(status.database()).isEqualTo("H2 test");
        assertThat(status.schemaVersion()).isEqualTo(SchemaMigrator.CURRENT.size());
        assertThat(status.coreSeq()).isEqualTo(5);
        assertThat(status.lagSeq()).isZero();
        assertThat(status.lagMillis()).isZero();
        assertThat(status.behindFromSeq()).isZero();
        assertThat(status.queued()).isZero();
        assertThat(status.rowsWritten()).isEqualTo(9);
        assertThat(status.dropped()).isZero();
        assertThat(status.catchUps()).isZero();
        assertThat(status.errors()).isZero();
        assertThat(status.lastError()).isNull();
        assertThat(status.lastErrorAt()).isNull();
        w.close();
        assertThat(w.status().state()).isEqualTo("STOPPED");
    }

    @Test
    void aRestartWritesNoSeqTwice() throws SQLException {
        HistoryWriter first = writer(ds, FAST, null);
        first.start();
        burst().forEach(first::onCommandResult);
        await().atMost(WAIT).until(() -> first.status().writtenSeq() == 5);
        first.close();

        DataSource reopened = HistoryDatabase.embedded(dir);
        HistoryWriter second = writer(reopened, FAST, null);
        second.start();
        burst().forEach(second::onCommandResult);
        second.onCommandResult(result(6, fill(6, 1, 10, ACC2, BTC, Side.SELL, 10_100, 1_000, 1_000, 0, 10_100,
                Liquidity.TAKER, T0 + 50)));

        await().atMost(WAIT).until(() -> second.status().writtenSeq() == 6);
        assertThat(second.status().rowsWritten()).isEqualTo(2);
        assertThat(Sql.count(reopened, "SELECT COUNT(*) FROM orders")).isEqualTo(7);
        assertThat(Sql.count(reopened, "SELECT COUNT(*) FROM fills")).isEqualTo(4);
        assertThat(Sql.count(reopened, "SELECT COUNT(DISTINCT exec_id) FROM orders")).isEqualTo(7);
        assertThat(Sql.count(reopened, "SELECT core_seq FROM store_progress")).isEqualTo(6);
    }

    @Test
    void definitionsAndResultsOfOneSeqAreWrittenOnceEvenAcrossBatchesAndRestarts() throws SQLException {
        Instrument sol = new Instrument(InstrumentId.of("SOL-USD"), "SOL-USD", VenueId.of("SIM"), 5, 10, 10, 3, 2,
                "USD");
        AccountView acc3 = new AccountView(AccountId.of("ACC3"), "cancel-resting", CoreTradingState.ACTIVE);
        HistoryWriter first = writer(ds, FAST, null);
        first.start();
        first.onInstrumentDefined(3, T0, sol);
        await().atMost(WAIT).until(() -> first.status().writtenSeq() == 3);
        first.onAccountDefined(3, T0, acc3, 1_000_000);
        first.onCommandResult(result(3, fill(3, 1, 1, ACC1, InstrumentId.of("SOL-USD"), Side.BUY, 12_345, 150, 150,
                0, 12_345, Liquidity.TAKER, T0 + 1)));
        await().atMost(WAIT).until(() -> Sql.count(ds, "SELECT COUNT(*) FROM fills") == 1);
        first.close();

        HistoryWriter second = writer(HistoryDatabase.embedded(dir), FAST, null);
        second.start();
        second.onInstrumentDefined(3, T0, sol);
        second.onAccountDefined(3, T0, acc3, 1_000_000);
        second.onCommandResult(result(3, fill(3, 1, 1, ACC1, InstrumentId.of("SOL-USD"), Side.BUY, 12_345, 150,
                150, 0, 12_345, Liquidity.TAKER, T0 + 1)));
        second.onCommandResult(acceptedAt(4));
        await().atMost(WAIT).until(() -> second.status().writtenSeq() == 4);

        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM instruments")).isEqualTo(1);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM accounts")).isEqualTo(1);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM fills")).isEqualTo(1);
        assertThat(Sql.rows(ds, "SELECT price_scale, qty_scale FROM fills").get(0))
                .as("the scales of the instrument as defined at its seq").containsEntry("price_scale", 3)
                .containsEntry("qty_scale", 2);
        assertThat(Sql.rows(ds, "SELECT account, self_trade_prevention, capital, capital_scale FROM accounts").get(0))
                .containsEntry("account", "ACC3").containsEntry("self_trade_prevention", "cancel-resting")
                .containsEntry("capital", 1_000_000L).containsEntry("capital_scale", 4);
    }

    @Test
    void theStartCatchesUpFromTheJournalAndHoldsIt() throws SQLException {
        Instrument btc = new Instrument(BTC, "BTC-USD", VenueId.of("SIM"), 1, 1, 1, 2, 3, "USD");
        journal.onInstrumentDefined(1, T0, btc);
        for (long seq = 2; seq <= 10; seq++) {
            journal.onCommandResult(acceptedAt(seq));
        }
        HistoryWriter w = writer(ds, FAST, journal);
        w.start();

        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 10);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(9);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM instruments")).isEqualTo(1);
        assertThat(w.status().catchUps()).isEqualTo(1);
        // the hold follows a commit once it is surely on disk (HOLD_DELAY_NANOS later)
        await().atMost(WAIT).until(() -> Long.valueOf(10).equals(journal.heldAt(HistoryWriter.HOLDER)));

        publish(w, acceptedAt(11));
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 11);
        await().atMost(WAIT).until(() -> Long.valueOf(11).equals(journal.heldAt(HistoryWriter.HOLDER)));
        assertThat(Sql.count(ds, "SELECT COUNT(DISTINCT core_seq) FROM orders")).isEqualTo(10);
    }

    @Test
    void resultsDroppedFromAFullQueueAreCaughtUpFromTheJournalExactlyOnce() throws SQLException {
        HistoryWriter w = writer(ds, new WriterSettings(4, 3, Duration.ofMillis(10), Duration.ofMillis(40),
                Duration.ofSeconds(5)), journal);
        List<Boolean> taken = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (long seq = 1; seq <= 20; seq++) {
                CommandResult r = acceptedAt(seq);
                journal.onCommandResult(r);
                taken.add(w.status().queued() < 4);
                w.onCommandResult(r);
            }
        });
        assertThat(taken).containsExactly(true, true, true, true, false, false, false, false, false, false, false,
                false, false, false, false, false, false, false, false, false);
        assertThat(w.status().dropped()).isEqualTo(16);
        assertThat(w.status().behindFromSeq()).isEqualTo(5);

        w.start();
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 20 && w.status().behindFromSeq() == 0);

        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(20);
        assertThat(Sql.count(ds, "SELECT COUNT(DISTINCT core_seq) FROM orders")).isEqualTo(20);
        assertThat(Sql.rows(ds, "SELECT behind_from_seq FROM store_progress").get(0))
                .containsEntry("behind_from_seq", null);
        assertThat(w.status().catchUps()).isGreaterThanOrEqualTo(1);
        for (long seq = 21; seq <= 25; seq++) {
            publish(w, acceptedAt(seq));
        }
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 25);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(25);
    }

    @Test
    void dropsWithoutAJournalAreRecordedAsAGap() throws SQLException {
        HistoryWriter w = writer(ds, new WriterSettings(2, 16, Duration.ofMillis(10), Duration.ofMillis(40),
                Duration.ofSeconds(5)), null);
        for (long seq = 1; seq <= 5; seq++) {
            w.onCommandResult(acceptedAt(seq));
        }
        w.start();
        await().atMost(WAIT).until(() -> Sql.count(ds, "SELECT COUNT(*) FROM journal_gaps") == 1);
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 5);

        assertThat(Sql.rows(ds, "SELECT from_seq, to_seq FROM journal_gaps").get(0))
                .containsEntry("from_seq", 3L).containsEntry("to_seq", 5L);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(2);
        w.onCommandResult(acceptedAt(6));
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 6);
        assertThat(w.status().behindFromSeq()).isZero();
    }

    @Test
    void seqsTheJournalNoLongerHoldsAreRecordedOnceAndTheStoreCarriesOn() throws SQLException {
        for (long seq = 1; seq <= 10; seq++) {
            journal.onCommandResult(acceptedAt(seq));
        }
        journal.truncateBefore(6);
        HistoryWriter w = writer(ds, FAST, journal);
        w.start();

        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 10);
        assertThat(Sql.rows(ds, "SELECT from_seq, to_seq, reason FROM journal_gaps")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("from_seq", 1L).containsEntry("to_seq", 5L)
                        .containsEntry("reason", "the core's journal no longer holds them"));
        assertThat(Sql.rows(ds, "SELECT core_seq FROM orders ORDER BY core_seq")).extracting(r -> r.get("core_seq"))
                .containsExactly(6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void aDatabaseDownAtStartIsRetriedAndNothingIsLost() throws SQLException {
        FlakyDataSource flaky = new FlakyDataSource(ds);
        flaky.down();
        HistoryWriter w = writer(flaky, FAST, journal);
        w.start();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (long seq = 1; seq <= 30; seq++) {
                publish(w, acceptedAt(seq));
            }
        });
        await().atMost(WAIT).until(() -> w.status().errors() >= 2);
        assertThat(w.status().state()).isEqualTo("RETRYING");
        assertThat(w.status().lastError()).contains("database is down (test)");
        assertThat(w.status().lastErrorAt()).isNotNull();
        assertThat(w.status().lagSeq()).isEqualTo(30);

        flaky.up();
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 30);
        assertThat(w.status().state()).isEqualTo("RUNNING");
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(30);
    }

    @Test
    void aDatabaseDownMidBurstNeverBlocksTheCoreAndTheStoreCatchesUpWhenBack() throws SQLException {
        FlakyDataSource flaky = new FlakyDataSource(ds);
        HistoryWriter w = writer(flaky, new WriterSettings(8, 4, Duration.ofMillis(10), Duration.ofMillis(40),
                Duration.ofSeconds(5)), journal);
        w.start();
        for (long seq = 1; seq <= 20; seq++) {
            publish(w, acceptedAt(seq));
        }
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 20);

        flaky.down();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (long seq = 21; seq <= 100; seq++) {
                publish(w, result(seq, fill(seq, 1, seq, ACC1, BTC, Side.BUY, 10_000 + seq, 1_000, 1_000, 0,
                        10_000 + seq, Liquidity.TAKER, T0 + seq)));
            }
        });
        await().atMost(WAIT).until(() -> w.status().errors() >= 2);
        assertThat(w.status().dropped()).as("the small queue overflowed while the database was down").isPositive();
        assertThat(w.status().behindFromSeq()).isPositive();

        flaky.up();
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 100 && w.status().behindFromSeq() == 0);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(100);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM fills")).isEqualTo(80);
        assertThat(Sql.count(ds, "SELECT SUM(price) FROM fills")).isEqualTo(80 * 10_000L + (21 + 100) * 80 / 2);
    }

    @Test
    void commitsTheDatabaseLostAreCaughtUpFromTheJournalWhenItComesBack() throws SQLException {
        FlakyDataSource flaky = new FlakyDataSource(ds);
        HistoryWriter w = writer(flaky, FAST, journal);
        w.start();
        for (long seq = 1; seq <= 10; seq++) {
            publish(w, acceptedAt(seq));
        }
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 10);

        flaky.down();
        Sql.execute(ds, "DELETE FROM orders WHERE core_seq > 6");
        Sql.execute(ds, "UPDATE store_progress SET core_seq = 6, exec_id = " + execId(6, 1));
        publish(w, acceptedAt(11));
        await().atMost(WAIT).until(() -> w.status().errors() >= 1);

        flaky.up();
        await().atMost(WAIT).until(() -> w.status().writtenSeq() == 11 && w.status().state().equals("RUNNING"));
        assertThat(Sql.rows(ds, "SELECT core_seq FROM orders ORDER BY core_seq")).extracting(r -> r.get("core_seq"))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(w.status().catchUps()).isPositive();
    }

    @Test
    void aLockHeldByAnotherConnectionIsRetriedUntilReleased() throws Exception {
        SchemaMigrator.current().migrate(ds);
        DataSource other = HistoryDatabase.embedded(dir);
        try (java.sql.Connection lock = other.getConnection()) {
            lock.setAutoCommit(false);
            try (java.sql.Statement s = lock.createStatement()) {
                s.executeUpdate("UPDATE store_progress SET updated_at = CURRENT_TIMESTAMP");
            }
            HistoryWriter w = writer(ds, FAST, null);
            w.start();
            w.onCommandResult(acceptedAt(1));
            await().atMost(WAIT).until(() -> w.status().errors() >= 1);
            assertThat(w.status().writtenSeq()).isZero();
            lock.rollback();
            await().atMost(WAIT).until(() -> w.status().writtenSeq() == 1);
        }
    }

    @Test
    void aSchemaTheCodeRefusesDisablesTheStoreNamingTheVersion() throws SQLException {
        int known = SchemaMigrator.CURRENT.size();
        NewerSchema.migrator().migrate(ds);
        HistoryWriter w = writer(ds, FAST, journal);
        w.start();

        await().atMost(WAIT).until(() -> "DISABLED".equals(w.status().state()));
        HistoryStatus status = w.status();
        assertThat(status.lastError()).isEqualTo("the history database's schema version " + (known + 1)
                + " is newer than this code knows (" + known + "); use a newer Nautilus or another database");
        assertThat(status.schemaVersion()).isEqualTo(known + 1);
        assertThat(w.disabledReason()).contains("schema version " + (known + 1));
        w.onCommandResult(acceptedAt(1));
        assertThat(w.status().queued()).as("a disabled store takes nothing").isZero();
        assertThat(w.offerAlert(new io.nautilus.api.alert.Alert("k", io.nautilus.api.alert.Severity.INFO, "test",
                "text", T0))).isFalse();
        assertThat(w.offerNotification(new io.nautilus.history.api.NotificationRecord(0, T0, "DELIVERY", 1, "k",
                "ops", "email", 1, "DELIVERED", "", ""))).isFalse();
        assertThatThrownBy(() -> new JdbcHistoryService(ds, w).notifications(HistoryQuery.all()))
                .isInstanceOf(HistoryUnavailableException.class).hasMessageContaining("the history store is DISABLED");
        assertThatThrownBy(() -> new JdbcHistoryService(ds, w).fills(HistoryQuery.all()))
                .isInstanceOf(HistoryUnavailableException.class)
                .hasMessageContaining("the history store is DISABLED")
                .hasMessageContaining("schema version " + (known + 1));
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isZero();
    }
}
