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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.core.api.PositionView;
import io.nautilus.history.api.AccountRecord;
import io.nautilus.history.api.AlertRecord;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.BarRecord;
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.InstrumentRecord;
import io.nautilus.history.api.PositionSnapshot;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.internal.db.JdbcBatchSink;
import io.nautilus.history.internal.db.SchemaMigrator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcHistoryServiceTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private DataSource ds;
    private HistoryWriter writer;
    private JdbcHistoryService history;

    /**
     * Seq 1..40: a fill each second from T0, alternating accounts ACC1/ACC2 and, in pairs, instruments BTC/ETH, fee
     * 20 - (seq - 1) (charges, then rebates);
     * seq 41: a reject of ACC1 on BTC.
     */
    @BeforeEach
    void write() {
        ds = HistoryDatabase.embedded(dir);
        writer = new HistoryWriter(ds, new JdbcBatchSink(), SchemaMigrator.current(), WriterSettings.DEFAULTS,
                CoreLink.of(SCALES, 4, () -> null), "H2 test");
        writer.start();
        for (int i = 0; i < 40; i++) {
            long seq = i + 1;
            AccountId account = i % 2 == 0 ? ACC1 : ACC2;
            InstrumentId instrument = i / 2 % 2 == 0 ? BTC : ETH;
            writer.onCommandResult(result(seq, fill(seq, 1, seq, account, instrument, Side.BUY, 10_000 + i,
                    1_000 + i, 1_000 + i, 0, 10_000 + i, Liquidity.TAKER, T0 + i * SECOND, 20 - i)));
        }
        writer.onCommandResult(result(41, rejected(41, 1, 77, ACC1, BTC, RejectReason.PRICE_OUTSIDE_BAND, "band",
                T0 + 40 * SECOND)));
        history = new JdbcHistoryService(ds, writer);
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.status().writtenSeq() == 41);
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    @Test
    void fillsComeNewestFirstWithExactValuesUpToTheLimit() {
        List<FillEvent> fills = history.fills(HistoryQuery.all().withLimit(3));

        assertThat(fills).extracting(FillEvent::coreSeq).containsExactly(40L, 39L, 38L);
        FillEvent newest = fills.get(0);
        assertThat(newest).isEqualTo(new FillEvent(40, execId(40, 1), 40, 1_040, ACC2, null, ETH, Side.BUY, 10_039,
                1_039, -1, -1, Liquidity.TAKER, Reports.SIM, instant(T0 + 39 * SECOND), -19));
        assertThat(newest.priceDecimal()).isNull();
        assertThat(newest.feeDecimal()).as("scale unknown").isNull();
        FillEvent btc = fills.get(2);
        assertThat(btc.instrument()).isEqualTo(BTC);
        assertThat(btc.priceDecimal()).isEqualTo(new BigDecimal("100.37"));
        assertThat(btc.quantityDecimal()).isEqualTo(new BigDecimal("1.037"));
        assertThat(btc.time()).isEqualTo(Instant.parse("2026-01-02T03:04:42.123456789Z"));
        assertThat(btc.fee()).isEqualTo(-17);
        assertThat(btc.feeDecimal()).isEqualTo(new BigDecimal("-0.17"));
    }

    @Test
    void aFillWrittenBeforeFeesWereRecordedHasAnUnknownFee() throws SQLException {
        Sql.execute(ds, "UPDATE fills SET fee = NULL WHERE core_seq = 1");

        List<FillEvent> fills = history.fills(HistoryQuery.all().withRange(null, instant(T0 + 2 * SECOND)));

        assertThat(fills).extracting(FillEvent::coreSeq, FillEvent::fee)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 19L),
                        org.assertj.core.groups.Tuple.tuple(1L, FixedPoint.NULL));
        assertThat(fills.get(1).feeDecimal()).isNull();
        assertThat(fills.get(0).feeDecimal()).isEqualTo(new BigDecimal("0.19"));
    }

    @Test
    void fillsFilterByAccountInstrumentAndTimeRange() {
        assertThat(history.fills(HistoryQuery.all().withAccount(ACC1).withLimit(1_000)))
                .hasSize(20).allSatisfy(f -> assertThat(f.account()).isEqualTo(ACC1));
        assertThat(history.fills(HistoryQuery.all().withAccount(ACC1).withInstrument(ETH).withLimit(1_000)))
                .extracting(FillEvent::coreSeq).containsExactly(39L, 35L, 31L, 27L, 23L, 19L, 15L, 11L, 7L, 3L);
        assertThat(history.fills(HistoryQuery.all().withRange(instant(T0 + 10 * SECOND), instant(T0 + 13 * SECOND))))
                .as("from inclusive, to exclusive").extracting(FillEvent::coreSeq).containsExactly(13L, 12L, 11L);
        assertThat(history.fills(HistoryQuery.all().withRange(instant(T0 + 10 * SECOND), null).withLimit(1_000)))
                .hasSize(30);
        assertThat(history.fills(HistoryQuery.all().withRange(null, instant(T0)))).isEmpty();
        assertThat(history.fills(HistoryQuery.all().withAccount(AccountId.of("NOBODY")))).isEmpty();
    }

    @Test
    void ordersHoldEveryReportWithReasons() {
        List<OrderEvent> orders = history.orders(HistoryQuery.all().withAccount(ACC1).withInstrument(BTC)
                .withLimit(2));

        assertThat(orders).hasSize(2);
        OrderEvent reject = orders.get(0);
        assertThat(reject.coreSeq()).isEqualTo(41);
        assertThat(reject.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(reject.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(reject.rejectReason()).isEqualTo(RejectReason.PRICE_OUTSIDE_BAND);
        assertThat(reject.text()).isEqualTo("band");
        assertThat(reject.lastPrice()).isEqualTo(FixedPoint.NULL);
        assertThat(reject.averagePrice()).isEqualTo(FixedPoint.NULL);
        assertThat(reject.orderType()).isNull();
        assertThat(reject.eventTime()).isEqualTo(instant(T0 + 40 * SECOND));
        OrderEvent fill = orders.get(1);
        assertThat(fill.coreSeq()).isEqualTo(37);
        assertThat(fill.execType()).isEqualTo(ExecType.FILL);
        assertThat(fill.lastPrice()).isEqualTo(10_036);
        assertThat(fill.lastQuantity()).isEqualTo(1_036);
        assertThat(fill.cumulativeQuantity()).isEqualTo(1_036);
        assertThat(fill.priceScale()).isEqualTo(2);
        assertThat(fill.quantityScale()).isEqualTo(3);
        assertThat(history.orders(HistoryQuery.all().withLimit(1_000))).hasSize(41);
    }

    @Test
    void anOrderWithoutFillsHasNoPrices() {
        writer.onCommandResult(result(42, accepted(42, 1, 99, ACC2, BTC, Side.SELL, 4_000, T0 + 50 * SECOND)));
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.status().writtenSeq() == 42);

        OrderEvent accepted = history.orders(HistoryQuery.all().withLimit(1)).get(0);
        assertThat(accepted.execType()).isEqualTo(ExecType.NEW);
        assertThat(accepted.leavesQuantity()).isEqualTo(4_000);
        assertThat(accepted.lastPrice()).isEqualTo(FixedPoint.NULL);
        assertThat(accepted.strategy()).isEqualTo(Reports.MM);
        assertThat(accepted.venue()).isNull();
    }

    @Test
    void anUnreachableDatabaseIsOneClearError() throws SQLException {
        FlakyDataSource flaky = new FlakyDataSource(ds);
        flaky.down();

        assertThatThrownBy(() -> new JdbcHistoryService(flaky, writer).fills(HistoryQuery.all()))
                .isInstanceOf(HistoryUnavailableException.class)
                .hasMessage("cannot read fills from the history database: database is down (test)");
    }

    @Test
    void positionSnapshotsFilterByAccountInstrumentAndTime() {
        PositionView btc1 = new PositionView(ACC1, BTC, 2_000, 10_050, 10_100, 500, 100, 7, 3_000, 1_000);
        PositionView eth2 = new PositionView(ACC2, ETH, -1_000, 300, 290, 0, 10, 1, 0, 1_000);
        writer.offerPositions(T0, List.of(btc1, eth2));
        writer.offerPositions(T0 + SECOND, List.of(btc1));
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.status().queued() == 0
                && history.positions(HistoryQuery.all()).size() == 3);

        List<PositionSnapshot> all = history.positions(HistoryQuery.all());
        assertThat(all).extracting(PositionSnapshot::time)
                .containsExactly(instant(T0 + SECOND), instant(T0), instant(T0));
        assertThat(all.get(0)).isEqualTo(new PositionSnapshot(instant(T0 + SECOND), 41, ACC1, BTC, 2_000, 10_050,
                10_100, 500, 100, 7, 2, 3));
        assertThat(all.get(0).netPnl()).isEqualTo(593);
        assertThat(history.positions(HistoryQuery.all().withAccount(ACC2))).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualTo(-1_000))
                .satisfies(p -> assertThat(p.priceScale()).isEqualTo(-1));
        assertThat(history.positions(HistoryQuery.all().withInstrument(BTC))).hasSize(2);
        assertThat(history.positions(HistoryQuery.all().withRange(instant(T0), instant(T0 + 1)))).hasSize(2);
        assertThat(history.positions(HistoryQuery.all().withLimit(1))).hasSize(1);
    }

    @Test
    void barsAreKeptOncePerInstrumentIntervalAndStartAndFilterByInstrumentAndStart() {
        Bar first = new Bar(BTC, T0, T0 + 60 * SECOND, 10_000, 10_100, 9_900, 10_050, 5_000, 12);
        Bar again = new Bar(BTC, T0, T0 + 60 * SECOND, 10_000, 10_200, 9_900, 10_150, 6_000, 13);
        Bar next = new Bar(BTC, T0 + 60 * SECOND, T0 + 120 * SECOND, 10_150, 10_150, 10_150, 10_150, 1_000, 1);
        Bar eth = new Bar(ETH, T0, T0 + 60 * SECOND, 300, 300, 300, 300, 1, 1);
        writer.offerBar("time:1m", first);
        writer.offerBar("ticks:100", first);
        await().atMost(Duration.ofSeconds(10)).until(() -> history.bars(HistoryQuery.all()).size() == 2);
        writer.offerBar("time:1m", again);
        writer.offerBar("time:1m", next);
        writer.offerBar("time:1m", eth);
        await().atMost(Duration.ofSeconds(10)).until(() -> history.bars(HistoryQuery.all()).size() == 4);

        assertThat(history.bars(HistoryQuery.all().withInstrument(BTC))).extracting(BarRecord::bar)
                .containsExactly(next, first, again);
        assertThat(history.bars(HistoryQuery.all().withInstrument(BTC).withRange(instant(T0),
                instant(T0 + 60 * SECOND)))).extracting(BarRecord::bar).containsExactly(first, again);
        assertThat(history.bars(HistoryQuery.all().withInstrument(ETH))).singleElement()
                .isEqualTo(new BarRecord(eth, -1, -1, "time:1m"));
        assertThat(history.bars(HistoryQuery.all().withInstrument(BTC).withLimit(1)).get(0))
                .isEqualTo(new BarRecord(next, 2, 3, "time:1m"));
        assertThat(history.bars(HistoryQuery.all().withInstrument(BTC))).extracting(BarRecord::spec)
                .as("each bar says which setting cut it").containsExactlyInAnyOrder("time:1m", "time:1m", "ticks:100");
    }

    @Test
    void alertsComeNewestFirstWithTheirIdsAndFilterByTime() {
        Alert venue = new Alert("venue-down:CME", Severity.CRITICAL, "venues", "CME logged out", T0,
                Map.of(Alert.VENUE, "CME", "note", "quote\" back\\slash line\nbreak \u00fc"));
        Alert risk = new Alert("risk:ACC1", Severity.WARNING, "risk", "ACC1 near its limit", T0 + SECOND);
        assertThat(history.recordAlert(venue)).isTrue();
        assertThat(history.recordAlert(risk)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> history.alerts(HistoryQuery.all()).size() == 2);

        List<AlertRecord> alerts = history.alerts(HistoryQuery.all());
        assertThat(alerts).extracting(AlertRecord::alert).containsExactly(risk, venue);
        assertThat(alerts.get(1).alert().labels()).as("labels read back")
                .containsExactly(Map.entry("note", "quote\" back\\slash line\nbreak \u00fc"),
                        Map.entry(Alert.VENUE, "CME"));
        assertThat(alerts.get(0).alert().labels()).isEmpty();
        assertThat(alerts.get(0).id()).isGreaterThan(alerts.get(1).id());
        assertThat(history.alerts(HistoryQuery.all().withRange(instant(T0), instant(T0 + 1))))
                .extracting(AlertRecord::alert).containsExactly(venue);
        assertThat(history.alerts(HistoryQuery.all().withAccount(AccountId.of("NOBODY")))).as("no account filter")
                .hasSize(2);
    }

    @Test
    void notificationRecordsComeNewestFirstWithTheStoresIdsAndFilterByTime() {
        NotificationRecord attempt = new NotificationRecord(0, T0, "DELIVERY", 7, "venue-down:CME", "ops-email",
                "email", 1, "RETRYABLE_FAILURE", "connection refused", "");
        NotificationRecord delivered = new NotificationRecord(0, T0 + SECOND, "DELIVERY", 7, "venue-down:CME",
                "ops-email", "email", 2, "DELIVERED", "<msg-1@nautilus>", "");
        NotificationRecord ack = new NotificationRecord(0, T0 + 2 * SECOND, "ACKNOWLEDGED", 7, "venue-down:CME", "",
                "", 0, "", "looking", "karaf");
        NotificationRecord sameTime = new NotificationRecord(0, T0 + 2 * SECOND, "SILENCED", 0, "", "", "", 0, "",
                "venue=\"CME\" for 2h", "karaf");
        for (NotificationRecord r : List.of(attempt, delivered, ack, sameTime)) {
            assertThat(history.recordNotification(r)).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> history.notifications(HistoryQuery.all()).size() == 4);

        List<NotificationRecord> records = history.notifications(HistoryQuery.all());
        assertThat(records).extracting(NotificationRecord::event)
                .as("newest first, the later id first at the same time")
                .containsExactly("SILENCED", "ACKNOWLEDGED", "DELIVERY", "DELIVERY");
        assertThat(records).extracting(NotificationRecord::id).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive());
        assertThat(records.get(2)).isEqualTo(new NotificationRecord(records.get(2).id(), T0 + SECOND, "DELIVERY", 7,
                "venue-down:CME", "ops-email", "email", 2, "DELIVERED", "<msg-1@nautilus>", ""));
        assertThat(records.get(1).user()).isEqualTo("karaf");
        assertThat(history.notifications(HistoryQuery.all().withRange(instant(T0), instant(T0 + SECOND))))
                .extracting(NotificationRecord::outcome).containsExactly("RETRYABLE_FAILURE");
        assertThat(history.notifications(HistoryQuery.all().withLimit(1))).extracting(NotificationRecord::event)
                .containsExactly("SILENCED");
        assertThat(history.notifications(HistoryQuery.all().withAccount(AccountId.of("NOBODY"))))
                .as("no account filter").hasSize(4);
    }

    @Test
    void longNotificationTextIsCutToItsColumn() {
        NotificationRecord big = new NotificationRecord(0, T0, "DEAD_LETTER", 1, "k".repeat(300), "r".repeat(150),
                "c".repeat(40), 3, "PERMANENT_FAILURE", "d".repeat(5_000), "u".repeat(150));
        assertThat(history.recordNotification(big)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> history.notifications(HistoryQuery.all()).size() == 1);

        NotificationRecord read = history.notifications(HistoryQuery.all()).get(0);
        assertThat(read.alertKey()).hasSize(200);
        assertThat(read.receiver()).hasSize(100);
        assertThat(read.channel()).hasSize(32);
        assertThat(read.detail()).hasSize(2_000);
        assertThat(read.user()).hasSize(100);
        assertThat(read.attempt()).isEqualTo(3);
    }

    @Test
    void everyVersionOfInstrumentsAndAccountsIsKeptOldestFirst() {
        Instrument v1 = new Instrument(InstrumentId.of("SOL-USD"), "SOL-USD", Reports.SIM, 5, 10, 10, 3, 2, "USD");
        Instrument v2 = new Instrument(InstrumentId.of("SOL-USD"), "SOL-USD", Reports.SIM, 1, 10, 10, 3, 2, "USD");
        AccountView acc = new AccountView(ACC1, "none", CoreTradingState.ACTIVE);
        writer.onInstrumentDefined(50, T0, v1);
        writer.onAccountDefined(51, T0 + 1, acc, 5_000_000);
        writer.onInstrumentDefined(52, T0 + 2, v2);
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.status().writtenSeq() == 52);

        assertThat(history.instruments()).containsExactly(new InstrumentRecord(50, instant(T0), v1),
                new InstrumentRecord(52, instant(T0 + 2), v2));
        assertThat(history.accounts()).containsExactly(new AccountRecord(51, instant(T0 + 1), ACC1, "none",
                5_000_000, 4));
    }

    @Test
    void aBacktestRunIsInsertedThenUpdatedByItsIdAndFilteredByStart() {
        Instant start = Instant.parse("2026-12-06T00:00:00Z");
        BacktestRun running = new BacktestRun("bt-1", "momentum", Map.of("fast", "5", "slow", "20"),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), start, null, "RUNNING",
                Map.of());
        history.recordBacktestRun(running);
        history.recordBacktestRun(new BacktestRun("bt-0", "mm", Map.of(), null, null, start.minusSeconds(60), null,
                "FAILED", Map.of("error", "no data \"x\"\n")));
        assertThat(history.backtestRuns(HistoryQuery.all())).extracting(BacktestRun::runId)
                .containsExactly("bt-1", "bt-0");

        BacktestRun done = new BacktestRun("bt-1", "momentum", Map.of("fast", "5", "slow", "20"),
                running.dataFrom(), running.dataTo(), start, start.plusSeconds(90), "DONE",
                Map.of("netPnl", "1234.50", "fills", "87"));
        history.recordBacktestRun(done);

        assertThat(history.backtestRuns(HistoryQuery.all())).containsExactly(done, new BacktestRun("bt-0", "mm",
                Map.of(), null, null, start.minusSeconds(60), null, "FAILED", Map.of("error", "no data \"x\"\n")));
        assertThat(history.backtestRuns(HistoryQuery.all().withRange(start, null))).containsExactly(done);
        assertThatThrownBy(() -> history.recordBacktestRun(new BacktestRun("x".repeat(101), "mm", Map.of(), null,
                null, start, null, "DONE", Map.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 1 to 100 characters");
        assertThat(history.backtestRuns(HistoryQuery.all())).hasSize(2);
    }

    @Test
    void theStatusComesFromTheWriter() {
        HistoryStatus status = history.status();
        assertThat(status.writtenSeq()).isEqualTo(41);
        assertThat(status.rowsWritten()).isEqualTo(81);
        assertThat(status.state()).isEqualTo("RUNNING");
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }
}
