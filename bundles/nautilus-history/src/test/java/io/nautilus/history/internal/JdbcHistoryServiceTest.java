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
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.internal.db.SchemaMigrator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
     * Seq 1..40: a fill each second from T0, alternating accounts ACC1/ACC2 and, in pairs, instruments BTC/ETH;
     * seq 41: a reject of ACC1 on BTC.
     */
    @BeforeEach
    void write() throws SQLException {
        ds = HistoryDatabase.embedded(dir);
        SchemaMigrator.current().migrate(ds);
        writer = new HistoryWriter(ds, SCALES, WriterSettings.DEFAULTS);
        writer.start();
        for (int i = 0; i < 40; i++) {
            long seq = i + 1;
            AccountId account = i % 2 == 0 ? ACC1 : ACC2;
            InstrumentId instrument = i / 2 % 2 == 0 ? BTC : ETH;
            writer.onExecutionReport(fill(seq, 1, seq, account, instrument, Side.BUY, 10_000 + i, 1_000 + i,
                    1_000 + i, 0, 10_000 + i, Liquidity.TAKER, T0 + i * SECOND));
        }
        writer.onExecutionReport(rejected(41, 1, 77, ACC1, BTC, RejectReason.PRICE_OUTSIDE_BAND, "band",
                T0 + 40 * SECOND));
        history = new JdbcHistoryService(ds);
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.stats().writtenSeq() == 41);
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
                1_039, -1, -1, Liquidity.TAKER, Reports.SIM, instant(T0 + 39 * SECOND)));
        assertThat(newest.priceDecimal()).isNull();
        FillEvent btc = fills.get(2);
        assertThat(btc.instrument()).isEqualTo(BTC);
        assertThat(btc.priceDecimal()).isEqualTo(new BigDecimal("100.37"));
        assertThat(btc.quantityDecimal()).isEqualTo(new BigDecimal("1.037"));
        assertThat(btc.time()).isEqualTo(Instant.parse("2026-01-02T03:04:42.123456789Z"));
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
        writer.onExecutionReport(accepted(42, 1, 99, ACC2, BTC, Side.SELL, 4_000, T0 + 50 * SECOND));
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.stats().writtenSeq() == 42);

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

        assertThatThrownBy(() -> new JdbcHistoryService(flaky).fills(HistoryQuery.all()))
                .isInstanceOf(HistoryUnavailableException.class)
                .hasMessage("cannot read fills from the history database: database is down (test)");
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }
}
