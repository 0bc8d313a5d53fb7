package io.nautilus.shell.internal;

import static io.nautilus.shell.internal.FakeTradingCore.ACC_1;
import static io.nautilus.shell.internal.FakeTradingCore.ACC_2;
import static io.nautilus.shell.internal.FakeTradingCore.BTC;
import static io.nautilus.shell.internal.FakeTradingCore.ES;
import static io.nautilus.shell.internal.FakeTradingCore.EURUSD;
import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.PositionView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.jupiter.api.Test;

class TablesTest {

    private final FakeTradingCore core = new FakeTradingCore();
    private final Scales scales = new Scales(core::instrument);

    static String printed(ShellTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void orderRowFormatsPricesAndQuantitiesAtTheInstrumentsScales() {
        long expiry = Choices.epochNanos(Instant.parse("2026-11-25T16:30:00Z"));
        OrderView order = new OrderView(42, 7, ACC_1, BTC.id(), Side.BUY, OrderType.LIMIT, TimeInForce.GTD, 10_125, 0,
                10_000, 7_500, 2_500, 1_000, OrderFlags.POST_ONLY, expiry, true);
        assertThat(OrderTable.row(order, scales)).containsExactly("42", "7", "ACC-1", "BTC-USD.COINBASE", "BUY",
                "LIMIT", "GTD", "101.25", "-", "1.0000", "0.7500", "0.2500", "0.1000", "POST_ONLY",
                "2026-11-25T16:30:00Z", "working");
    }

    @Test
    void stopOrderWaitingForItsTriggerSaysSo() {
        OrderView stop = new OrderView(43, 0, ACC_1, ES.id(), Side.SELL, OrderType.STOP, TimeInForce.GTC, 0, 499_975,
                3, 3, 0, 0, OrderFlags.NONE, 0, false);
        assertThat(OrderTable.row(stop, scales)).containsExactly("43", "-", "ACC-1", "ESZ4.CME", "SELL", "STOP",
                "GTC", "-", "4999.75", "3", "3", "0", "-", "-", "-", "waiting");
    }

    @Test
    void emptyOrderTableSaysSo() {
        assertThat(printed(OrderTable.table(List.of(), scales))).contains("no working orders");
    }

    @Test
    void bookPutsBidsAndAsksSideBySideAndBlanksTheShorterSide() {
        BookView book = core.book(BTC.id(), 10);
        assertThat(BookTable.rows(book, BTC)).containsExactly(
                List.of("2", "1.5000", "100.00", "100.25", "0.5000", "1"),
                List.of("", "", "", "100.50", "2.0000", "3"));
        assertThat(BookTable.lastTrade(book, BTC)).isEqualTo("Last trade: 0.2500 @ 100.10");
        assertThat(BookTable.lastTrade(new BookView(BTC.id(), List.of(), List.of(), 0, 0), BTC))
                .isEqualTo("Last trade: none");
        assertThat(printed(BookTable.table(book, BTC))).contains("Bid qty").contains("100.25");
    }

    @Test
    void positionRowShowsSignedPositionAndMoneyAtThePriceScale() {
        PositionView short1 = new PositionView(ACC_1, ES.id(), -3, 500_025, 499_950, 12_500, 22_500, 700, 2, 5);
        assertThat(PositionTable.row(short1, scales)).containsExactly("ACC-1", "ESZ4.CME", "-3", "5000.25",
                "4999.50", "125.00", "225.00", "7.00", "343.00", "2", "5");
        PositionView flat = new PositionView(ACC_1, BTC.id(), 0, 0, 0, -150, 0, 0, 10_000, 10_000);
        assertThat(PositionTable.row(flat, scales).subList(2, 6)).containsExactly("0.0000", "-", "-", "-1.50");
    }

    @Test
    void pnlUsesTheScaleAndCurrencyTheAccountsInstrumentsShare() {
        List<PositionView> positions = List.of(
                new PositionView(ACC_1, ES.id(), 1, 500_000, 500_100, 0, 100, 0, 1, 0),
                new PositionView(ACC_1, BTC.id(), 1, 10_000, 10_100, 0, 100, 0, 1, 0));
        AccountPnl pnl = new AccountPnl(ACC_1, 12_345, 200, 45, 1_000_000, 2, 3);
        assertThat(PnlTable.row(pnl, positions, scales)).containsExactly("ACC-1", "USD", "123.45", "2.00", "0.45",
                "125.00", "10000.00", "2", "3");
    }

    @Test
    void pnlOfAnAccountWithMixedPriceScalesIsInRawUnits() {
        List<PositionView> positions = List.of(
                new PositionView(ACC_2, ES.id(), 1, 500_000, 500_100, 0, 100, 0, 1, 0),
                new PositionView(ACC_2, EURUSD.id(), 1, 110_000, 110_010, 0, 10, 0, 1, 0));
        List<List<String>> rows = PnlTable.rows(List.of(new AccountPnl(ACC_2, 0, 110, 0, 5, 2, 0)), positions,
                scales);
        assertThat(rows.get(0)).containsExactly("ACC-2", PnlTable.RAW, "0", "110", "0", "110", "5", "2", "0");
        assertThat(PnlTable.anyRaw(rows)).isTrue();
    }

    @Test
    void pnlOfAnAccountWithoutPositionsHasNoCurrency() {
        AccountPnl pnl = new AccountPnl(ACC_2, 0, 0, 0, 0, 0, 1);
        assertThat(PnlTable.row(pnl, List.of(), scales).subList(0, 3)).containsExactly("ACC-2", "-", "0");
    }

    @Test
    void riskTablesListLimitsAndStates() {
        assertThat(printed(RiskTables.limits(core.riskLimits()))).contains("default").contains("maxOrderQty")
                .contains("1000000");
        assertThat(printed(RiskTables.states(core.tradingStates()))).contains("global").contains("account ACC-2")
                .contains("HALTED");
        assertThat(printed(RiskTables.limits(List.of()))).contains("no risk limits configured");
    }

    @Test
    void riskAccountsTableShowsCapitalEquityLeverageAndConcentration() {
        String table = printed(RiskTables.accounts(core.accountRisk()));
        assertThat(table).contains("ACC-1").contains("1000000.00").contains("990000.00").contains("2500000.00")
                .contains("2.5254").contains("BTC-USD").contains("0.8000");
        assertThat(table.lines().filter(l -> l.startsWith("ACC-2")).findFirst().orElseThrow())
                .contains("-5.00").contains("- (equity <= 0)");
    }

    @Test
    void journalReportSummarisesFilesSizesAndThePipeline() {
        assertThat(JournalReport.rows(core.journalInfo(), core.pipelineInfo())).contains(
                List.of("Last seq", "1300"),
                List.of("Segments", "2 files (journal-1 .. journal-2), 1.5 MiB"),
                List.of("Snapshots", "1 file (snapshot-1234), newest includes seq 1234"),
                List.of("Pipeline", "wait=yielding ring=1024 threads=1 pinned=no"));
        assertThat(JournalReport.bytes(0)).isEqualTo("0 B");
        assertThat(JournalReport.bytes(1023)).isEqualTo("1023 B");
        assertThat(JournalReport.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(JournalReport.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    }
}
