package io.nautilus.shell.internal;

import static io.nautilus.shell.internal.FakeTradingCore.ACC_1;
import static io.nautilus.shell.internal.FakeTradingCore.ACC_2;
import static io.nautilus.shell.internal.FakeTradingCore.BTC;
import static io.nautilus.shell.internal.FakeTradingCore.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.history.api.AccountRecord;
import io.nautilus.history.api.AlertRecord;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.BarRecord;
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.InstrumentRecord;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.api.PositionSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nautilus:history} against an in-memory history store: tables, filters, CSV export, bad input. */
class HistoryCommandTest extends CoreCommandTest {

    private static final Instant T = Instant.parse("2026-12-06T09:30:00Z");
    private static final long T_NANOS = T.getEpochSecond() * 1_000_000_000L;

    private final InMemoryHistory store = new InMemoryHistory();

    @TempDir
    Path folder;

    private HistoryCommand history(String what) {
        HistoryCommand command = wired(new HistoryCommand());
        command.history = store;
        command.what = what;
        command.base = folder;
        return command;
    }

    private static FillEvent fill(long seq, Instant time) {
        return new FillEvent(seq, seq * 65_536 + 1, 42, 7, ACC_1, StrategyId.of("mm-demo"), BTC.id(), Side.BUY,
                3_000_050, 2_500, 2, 4, Liquidity.MAKER, null, time, -375);
    }

    /** A fill the store wrote without knowing the instrument's scales, before it recorded fees. */
    private static FillEvent fillOfUnknownScale() {
        return new FillEvent(14, 14 * 65_536 + 1, 43, 0, ACC_2, null, InstrumentId.of("OLD.X"), Side.SELL, 123, 5,
                OrderEvent.UNKNOWN_SCALE, OrderEvent.UNKNOWN_SCALE, Liquidity.TAKER, VenueId.of("XNAS"),
                T.plusSeconds(120));
    }

    private static OrderEvent rejected() {
        return new OrderEvent(13, 13 * 65_536 + 1, 0, 8, 0, ACC_2, null, BTC.id(), VenueId.of("XNAS"), Side.SELL,
                OrderType.LIMIT, TimeInForce.DAY, ExecType.REJECTED, OrderStatus.REJECTED, RejectReason.VENUE_REJECT,
                CancelReason.NONE, "venue says \"no\", try later\nline 2", 0, FixedPoint.NULL, 0, 0, FixedPoint.NULL,
                2, 4, Liquidity.NONE, T.plusSeconds(60));
    }

    private static OrderEvent partialFill() {
        return new OrderEvent(12, 12 * 65_536 + 1, 42, 7, 0, ACC_1, StrategyId.of("mm-demo"), BTC.id(), null,
                Side.BUY, null, null, ExecType.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED, RejectReason.NONE,
                CancelReason.NONE, null, 2_500, 3_000_050, 2_500, 7_500, 3_000_050, 2, 4, Liquidity.MAKER, T);
    }

    private String csv(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private List<Path> folderContents() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void fillsPrintNewestFirstWithExactDecimalsAndUtcTimes() throws Exception {
        store.fills.add(fill(12, T));
        store.fills.add(fillOfUnknownScale());
        history("fills").run(out);

        assertThat(output()).contains("Time (UTC)", "Seq", "Order", "Account", "Strategy", "Instrument", "Side",
                        "Price", "Quantity", "Fee", "Liquidity", "Venue")
                .contains("2026-12-06T09:30:00Z", "30000.50", "0.2500", "-3.75", "mm-demo", "BTC-USD.COINBASE",
                        "MAKER")
                .contains("2026-12-06T09:32:00Z", "123 (raw)", "5 (raw)", "XNAS")
                .doesNotContain("limit");
        assertThat(output().indexOf("09:32:00Z")).isLessThan(output().indexOf("09:30:00Z"));
    }

    @Test
    void filtersArePassedToTheStoreExactly() throws Exception {
        HistoryCommand fills = history("fills");
        fills.account = "ACC-1";
        fills.instrument = "BTC-USD.COINBASE";
        fills.from = "2026-12-06T09:30:00Z";
        fills.to = "2026-12-07";
        fills.limit = "25";
        fills.run(out);

        assertThat(store.asked).containsExactly(new HistoryQuery(ACC_1, BTC.id(), T,
                Instant.parse("2026-12-07T00:00:00Z"), 25));
        assertThat(output()).isEqualTo("no fills in the history store match\n");
    }

    @Test
    void everyQueryingSubCommandPassesItsFiltersExactly() throws Exception {
        for (String what : List.of("orders", "positions", "bars", "alerts", "notifications", "backtests")) {
            HistoryCommand command = history(what);
            if (!what.equals("alerts") && !what.equals("notifications") && !what.equals("backtests")) {
                command.instrument = "BTC-USD.COINBASE";
            }
            if (what.equals("orders") || what.equals("positions")) {
                command.account = "ACC-2";
            }
            command.from = "2026-12-06T09:30:00.000000001Z";
            command.to = "2026-12-06T10:00:00Z";
            command.limit = "1000000";
            command.run(out);
        }
        Instant from = T.plusNanos(1);
        Instant to = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(store.asked).containsExactly(
                new HistoryQuery(ACC_2, BTC.id(), from, to, 1_000_000),
                new HistoryQuery(ACC_2, BTC.id(), from, to, 1_000_000),
                new HistoryQuery(null, BTC.id(), from, to, 1_000_000),
                new HistoryQuery(null, null, from, to, 1_000_000),
                new HistoryQuery(null, null, from, to, 1_000_000),
                new HistoryQuery(null, null, from, to, 1_000_000));
    }

    @Test
    void optionsMayFollowWhat() throws Exception {
        Files.writeString(folder.resolve("fills.csv"), "old");
        store.fills.add(fill(12, T));
        HistoryCommand fills = history("fills");
        fills.from = "2026-12-06";
        fills.trailing = List.of("--account", "ACC-1", "--instrument=ESZ4", "--to", "2026-12-07T00:00:00Z",
                "--limit=5", "--csv", "fills.csv", "--force");
        fills.run(out);

        assertThat(store.asked).containsExactly(new HistoryQuery(ACC_1, ES.id(), Instant.parse("2026-12-06T00:00:00Z"),
                Instant.parse("2026-12-07T00:00:00Z"), 5));
        assertThat(csv(folder.resolve("fills.csv"))).startsWith("fill_time,");
    }

    @Test
    void wordsAfterWhatThatAreNotItsOptionsAreRefused() {
        assertTrailingRefused(List.of("--acount", "ACC-1"), "'--acount' is not an option of nautilus:history"
                + " (--account, --instrument, --from, --to, --limit, --csv, --force); nautilus:history --help lists"
                + " them");
        assertTrailingRefused(List.of("ACC-1"), "'ACC-1' is not an option of nautilus:history (--account,"
                + " --instrument, --from, --to, --limit, --csv, --force); nautilus:history --help lists them");
        assertTrailingRefused(List.of("--limit"), "--limit needs a value");
        assertTrailingRefused(List.of("--from", "2026-12-06"), "--from is given twice");
        assertTrailingRefused(List.of("--force=yes"), "--force takes no value");
        assertTrailingRefused(List.of("--csv", "a.csv", "--csv=b.csv"), "--csv is given twice");
    }

    private void assertTrailingRefused(List<String> words, String message) {
        HistoryCommand fills = history("fills");
        fills.from = "2026-12-05";
        fills.trailing = words;
        assertThatThrownBy(() -> fills.run(out)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(store.asked).isEmpty();
    }

    @Test
    void wordsAfterWhatCompleteToOptionsAccountsAndInstruments() {
        HistoryOptionCompleter completer = new HistoryOptionCompleter();
        completer.core = core;
        assertThat(complete(completer, "fills", "--")).containsExactlyInAnyOrderElementsOf(
                HistoryOptionCompleter.OPTIONS);
        assertThat(complete(completer, "--account", "")).containsExactlyInAnyOrder("ACC-1", "ACC-2");
        assertThat(complete(completer, "--instrument", "ES")).containsExactlyInAnyOrder("ESZ4", "ESZ4.CME");
        assertThat(complete(completer, "--from", "")).isEmpty();
        completer.core = null;
        assertThat(complete(completer, "--account", "")).isEmpty();
    }

    private static List<String> complete(HistoryOptionCompleter completer, String previous, String word) {
        List<String> candidates = new java.util.ArrayList<>();
        String[] words = {"nautilus:history", "fills", previous, word};
        completer.complete(null, new org.apache.karaf.shell.api.console.CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 3;
            }

            @Override
            public String getCursorArgument() {
                return word;
            }

            @Override
            public int getArgumentPosition() {
                return word.length();
            }

            @Override
            public String[] getArguments() {
                return words;
            }

            @Override
            public int getBufferPosition() {
                return getBuffer().length();
            }

            @Override
            public String getBuffer() {
                return String.join(" ", words);
            }
        }, candidates);
        return candidates.stream().map(String::trim).toList();
    }

    @Test
    void withoutOptionsTheQueryIsEverythingUpToOneHundred() throws Exception {
        history("orders").run(out);
        history(" Fills ").run(out);
        assertThat(store.asked).containsExactly(HistoryQuery.all(), HistoryQuery.all());
        assertThat(output()).isEqualTo("no order events in the history store match\nno fills in the history store"
                + " match\n");
    }

    @Test
    void aDateMeansItsMidnightUtcAndAnOffsetIsConvertedToUtc() {
        assertThat(HistoryCommand.time("--from", "2026-12-06")).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(HistoryCommand.time("--from", "2026-12-06T10:30:00+01:00")).isEqualTo(T);
        assertThat(HistoryCommand.time("--to", " 2026-12-06T09:30:00.5Z ")).isEqualTo(T.plusMillis(500));
    }

    @Test
    void anInstrumentSymbolIsResolvedThroughTheCoreAndAnIdTheCoreForgotIsKept() throws Exception {
        HistoryCommand bySymbol = history("fills");
        bySymbol.instrument = "ESZ4";
        bySymbol.run(out);
        HistoryCommand forgotten = history("fills");
        forgotten.instrument = "OLD.X";
        forgotten.run(out);
        HistoryCommand withoutCore = history("fills");
        withoutCore.core = null;
        withoutCore.instrument = "ESZ4";
        withoutCore.run(out);

        assertThat(store.asked).extracting(HistoryQuery::instrument)
                .containsExactly(ES.id(), InstrumentId.of("OLD.X"), InstrumentId.of("ESZ4"));
    }

    @Test
    void aFullPageSaysThereMayBeMore() throws Exception {
        store.fills.add(fill(12, T));
        store.fills.add(fill(13, T.plusSeconds(1)));
        store.fills.add(fill(14, T.plusSeconds(2)));
        HistoryCommand fills = history("fills");
        fills.limit = "2";
        fills.run(out);

        assertThat(output()).contains("2026-12-06T09:30:02Z", "2026-12-06T09:30:01Z")
                .doesNotContain("2026-12-06T09:30:00Z")
                .endsWith("(2 fills: the limit; there may be more, raise --limit or narrow --from/--to)\n");
    }

    @Test
    void ordersShowEachStateChangeWithItsReason() throws Exception {
        store.orders.add(partialFill());
        store.orders.add(rejected());
        history("orders").run(out);

        assertThat(output()).contains("Time (UTC)", "Exec", "Status", "Last qty", "Last price", "Cum qty", "Leaves",
                        "Avg price", "Reason")
                .contains("PARTIAL_FILL", "PARTIALLY_FILLED", "0.2500", "30000.50", "0.7500")
                .contains("REJECTED", "VENUE_REJECT: venue says \"no\", try later line 2");
    }

    @Test
    void positionsShowQuantityPricesAndPnlAtTheirScale() throws Exception {
        store.positions.add(new PositionSnapshot(T, 20, ACC_1, BTC.id(), -12_500, 3_000_050, 3_010_000, 1_000,
                -12_437, 150, 2, 4));
        history("positions").run(out);

        assertThat(output()).contains("Quantity", "Avg price", "Mark", "Realised", "Unrealised", "Fees", "Net P&L")
                .contains("-1.2500", "30000.50", "30100.00", "10.00", "-124.37", "1.50", "-115.87");
    }

    @Test
    void barsAlertsDefinitionsAndBacktestsPrintTheirRows() throws Exception {
        store.bars.add(new BarRecord(new Bar(BTC.id(), T_NANOS, T_NANOS + 60_000_000_000L, 3_000_000, 3_000_500,
                2_999_000, 3_000_250, 15_000, 3), 2, 4, "time:1m"));
        store.alerts.add(new AlertRecord(5, new Alert("venue-down:XNAS", Severity.CRITICAL, "venues",
                "XNAS is down", T_NANOS, Map.of(Alert.VENUE, "XNAS"))));
        store.recordNotification(new NotificationRecord(0, T_NANOS + 1_000_000_000L, "DELIVERY", 5,
                "venue-down:XNAS", "ops-email", "email", 2, "DELIVERED", "<m1@nautilus>", ""));
        store.recordNotification(new NotificationRecord(0, T_NANOS + 2_000_000_000L, "ACKNOWLEDGED", 5,
                "venue-down:XNAS", "", "", 0, "", "on it", "alice"));
        store.instruments.add(new InstrumentRecord(3, T, BTC));
        store.accounts.add(new AccountRecord(4, T, ACC_1, "cancel-resting", 100_000_000, 2));
        store.runs.add(new BacktestRun("bt-20261206-0001", "marketmaker", Map.of("orderSize", "1"), T,
                T.plusSeconds(3600), T.plusSeconds(7200), null, "RUNNING", Map.of("fills", "12", "netPnl", "3.5")));

        history("bars").run(out);
        assertThat(output()).contains("2026-12-06T09:30:00Z", "2026-12-06T09:31:00Z", "30000.00", "30005.00",
                "29990.00", "30002.50", "1.5000", "3", "Bar", "time:1m");
        history("alerts").run(out);
        assertThat(output()).contains("CRITICAL", "venues", "venue-down:XNAS", "XNAS is down", "venue=XNAS");
        int before = output().length();
        history("notifications").run(out);
        String records = output().substring(before);
        assertThat(records).contains("Event", "Alert", "Receiver", "Attempt", "Outcome", "User", "Detail")
                .contains("2026-12-06T09:30:01Z", "DELIVERY", "A5", "ops-email", "email", "DELIVERED", "<m1@nautilus>")
                .contains("2026-12-06T09:30:02Z", "ACKNOWLEDGED", "alice", "on it");
        assertThat(records.indexOf("ACKNOWLEDGED")).as("newest first").isLessThan(records.indexOf("DELIVERY"));
        history("instruments").run(out);
        assertThat(output()).contains("BTC-USD.COINBASE", "BTC-USD", "COINBASE", "0.01", "0.0001", "USD");
        history("accounts").run(out);
        assertThat(output()).contains("ACC-1", "cancel-resting", "1000000.00");
        history("backtests").run(out);
        assertThat(output()).contains("bt-20261206-0001", "marketmaker", "RUNNING", "fills=12;netPnl=3.5");
    }

    @Test
    void definitionsAreFilteredByKeyAndTimeAndCutAtTheLimit() throws Exception {
        store.accounts.add(new AccountRecord(4, T, ACC_1, "cancel-resting", 100, 2));
        store.accounts.add(new AccountRecord(5, T.plusSeconds(1), ACC_2, "none", 200, 2));
        store.accounts.add(new AccountRecord(6, T.plusSeconds(2), ACC_1, "cancel-resting", 300, 2));
        store.accounts.add(new AccountRecord(7, T.plusSeconds(3), ACC_1, "cancel-resting", 400, 2));
        HistoryCommand accounts = history("accounts");
        accounts.account = "ACC-1";
        accounts.from = "2026-12-06T09:30:01Z";
        accounts.limit = "1";
        accounts.run(out);

        assertThat(output()).contains("3.00").doesNotContain("1.00").doesNotContain("2.00").doesNotContain("4.00")
                .contains("(1 account definitions: the limit");
    }

    @Test
    void statusShowsEveryFigure() throws Exception {
        store.status = new HistoryStatus("RETRYING", "H2 data/nautilus/history", 3, 1_200, 1_150, 50, 840, 1_151, 7,
                98_765, 2, 1, 4, "connection refused", Instant.parse("2026-12-06T09:29:59Z"));
        history("status").run(out);

        assertThat(output().lines().map(String::strip).toList()).containsExactly(
                "State           | RETRYING",
                "Database        | H2 data/nautilus/history",
                "Schema version  | 3",
                "Core seq        | 1200",
                "Written seq     | 1150",
                "Lag             | 50 seqs, 840 ms",
                "Behind from seq | 1151",
                "Queued          | 7",
                "Rows written    | 98765",
                "Dropped         | 2",
                "Catch-ups       | 1",
                "Errors          | 4",
                "Last error      | connection refused (at 2026-12-06T09:29:59Z)");
    }

    @Test
    void statusWithoutLagOrErrorsSaysNone() {
        HistoryStatus idle = new HistoryStatus("RUNNING", "H2 data/nautilus/history", 1, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, null, null);
        assertThat(HistoryCommand.statusRows(idle)).contains(List.of("Behind from seq", "none"),
                List.of("Last error", "none"), List.of("Lag", "0 seqs, 0 ms"));
    }

    @Test
    void fillsCsvIsExactWithHeaderScalesAndEmptyAbsentValues() throws Exception {
        store.fills.add(fill(12, T.plusNanos(123_456_789)));
        store.fills.add(fillOfUnknownScale());
        HistoryCommand fills = history("fills");
        fills.csv = "fills.csv";
        fills.run(out);

        Path file = folder.resolve("fills.csv");
        assertThat(csv(file)).isEqualTo(
                "fill_time,core_seq,exec_id,order_id,client_order_id,account,strategy,instrument,side,price,qty,"
                        + "price_scale,qty_scale,liquidity,venue,fee\r\n"
                        + "2026-12-06T09:32:00Z,14,917505,43,,ACC-2,,OLD.X,SELL,123,5,,,TAKER,XNAS,\r\n"
                        + "2026-12-06T09:30:00.123456789Z,12,786433,42,7,ACC-1,mm-demo,BTC-USD.COINBASE,BUY,"
                        + "30000.50,0.2500,2,4,MAKER,,-3.75\r\n");
        assertThat(output()).isEqualTo("2 rows written to " + file + "\n");
        assertThat(folderContents()).containsExactly(file);
    }

    @Test
    void ordersCsvQuotesTextWithCommasQuotesAndLineBreaks() throws Exception {
        store.orders.add(rejected());
        store.orders.add(partialFill());
        HistoryCommand orders = history("orders");
        orders.csv = folder.resolve("orders.csv").toString();
        orders.run(out);

        assertThat(csv(folder.resolve("orders.csv"))).isEqualTo(
                "event_time,core_seq,exec_id,order_id,client_order_id,orig_client_order_id,account,strategy,"
                        + "instrument,venue,side,order_type,time_in_force,exec_type,status,reject_reason,"
                        + "cancel_reason,last_qty,last_price,cum_qty,leaves_qty,avg_price,price_scale,qty_scale,"
                        + "liquidity,report_text\r\n"
                        + "2026-12-06T09:31:00Z,13,851969,,8,,ACC-2,,BTC-USD.COINBASE,XNAS,SELL,LIMIT,DAY,REJECTED,"
                        + "REJECTED,VENUE_REJECT,NONE,,,0.0000,0.0000,,2,4,NONE,"
                        + "\"venue says \"\"no\"\", try later\nline 2\"\r\n"
                        + "2026-12-06T09:30:00Z,12,786433,42,7,,ACC-1,mm-demo,BTC-USD.COINBASE,,BUY,,,PARTIAL_FILL,"
                        + "PARTIALLY_FILLED,NONE,NONE,0.2500,30000.50,0.2500,0.7500,30000.50,2,4,MAKER,\r\n");
        assertThat(output()).isEqualTo("2 rows written to " + folder.resolve("orders.csv") + "\n");
    }

    @Test
    void everyExportHasItsDocumentedHeader() {
        assertThat(String.join(",", HistoryColumns.POSITIONS.headers())).isEqualTo("time,core_seq,account,"
                + "instrument,qty,avg_price,mark_price,realised_pnl,unrealised_pnl,fees,net_pnl,price_scale,qty_scale");
        assertThat(String.join(",", HistoryColumns.BARS.headers())).isEqualTo("start_time,end_time,instrument,"
                + "open,high,low,close,volume,trades,price_scale,qty_scale,bar");
        assertThat(String.join(",", HistoryColumns.ALERTS.headers()))
                .isEqualTo("time,id,severity,source,key,text,labels");
        assertThat(String.join(",", HistoryColumns.NOTIFICATIONS.headers())).isEqualTo("time,id,event,alert,"
                + "alert_key,receiver,channel,attempt,outcome,user,detail");
        assertThat(String.join(",", HistoryColumns.INSTRUMENTS.headers())).isEqualTo("defined_at,core_seq,"
                + "instrument,symbol,venue,tick_size,lot_size,min_qty,price_scale,qty_scale,currency");
        assertThat(String.join(",", HistoryColumns.ACCOUNTS.headers())).isEqualTo("defined_at,core_seq,account,"
                + "self_trade_prevention,capital,capital_scale");
        assertThat(String.join(",", HistoryColumns.BACKTESTS.headers())).isEqualTo("started_at,run_id,strategy,"
                + "status,finished_at,data_from,data_to,parameters,results");
    }

    @Test
    void theOperatorGuideDocumentsEveryExportsHeader() throws IOException {
        String guide = Files.readString(Path.of("../../docs/operator-guide.md"), StandardCharsets.UTF_8);
        Map<String, HistoryColumns<?>> exports = Map.of("orders", HistoryColumns.ORDERS, "fills", HistoryColumns.FILLS,
                "positions", HistoryColumns.POSITIONS, "bars", HistoryColumns.BARS, "alerts", HistoryColumns.ALERTS,
                "notifications", HistoryColumns.NOTIFICATIONS, "instruments", HistoryColumns.INSTRUMENTS, "accounts", HistoryColumns.ACCOUNTS, "backtests",
                HistoryColumns.BACKTESTS);
        exports.forEach((what, columns) -> assertThat(guide).as(what)
                .contains("| `" + what + "` | `" + String.join(",", columns.headers()) + "` |"));
    }

    @Test
    void alertsAndBacktestsCsvKeepTextExactly() throws Exception {
        store.alerts.add(new AlertRecord(5, new Alert("risk:ACC-1", Severity.WARNING, "risk",
                "leverage 9.5, limit 10", T_NANOS)));
        store.runs.add(new BacktestRun("bt-1", "marketmaker", Map.of("b", "2", "a", "x,y"), null, null, T, null,
                "RUNNING", Map.of()));
        HistoryCommand alerts = history("alerts");
        alerts.csv = "alerts.csv";
        alerts.run(out);
        HistoryCommand runs = history("backtests");
        runs.csv = "runs.csv";
        runs.run(out);

        assertThat(csv(folder.resolve("alerts.csv"))).isEqualTo("time,id,severity,source,key,text,labels\r\n"
                + "2026-12-06T09:30:00Z,5,WARNING,risk,risk:ACC-1,\"leverage 9.5, limit 10\",\r\n");
        assertThat(csv(folder.resolve("runs.csv"))).isEqualTo("started_at,run_id,strategy,status,finished_at,"
                + "data_from,data_to,parameters,results\r\n"
                + "2026-12-06T09:30:00Z,bt-1,marketmaker,RUNNING,,,,\"a=x,y;b=2\",\r\n");
    }

    @Test
    void anEmptyExportHasTheHeaderOnly() throws Exception {
        HistoryCommand bars = history("bars");
        bars.csv = "bars.csv";
        bars.run(out);
        assertThat(csv(folder.resolve("bars.csv"))).isEqualTo("start_time,end_time,instrument,open,high,low,close,"
                + "volume,trades,price_scale,qty_scale,bar\r\n");
        assertThat(output()).isEqualTo("0 rows written to " + folder.resolve("bars.csv") + "\n");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        Path file = folder.resolve("fills.csv");
        Files.writeString(file, "keep me");
        store.fills.add(fill(12, T));
        HistoryCommand fills = history("fills");
        fills.csv = "fills.csv";

        assertThatThrownBy(() -> fills.run(out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--csv " + file + " exists; add --force to replace it");
        assertThat(csv(file)).isEqualTo("keep me");
        assertThat(store.asked).isEmpty();

        fills.force = true;
        fills.run(out);
        assertThat(csv(file)).startsWith("fill_time,").contains("30000.50");
        assertThat(folderContents()).containsExactly(file);
    }

    @Test
    void anUnusableCsvPathIsRefusedBeforeTheStoreIsAsked() throws Exception {
        Files.createDirectory(folder.resolve("sub"));
        HistoryCommand missing = history("fills");
        missing.csv = "nowhere/fills.csv";
        HistoryCommand directory = history("fills");
        directory.csv = "sub";

        assertThatThrownBy(() -> missing.run(out)).hasMessage("--csv " + folder.resolve("nowhere/fills.csv")
                + ": folder " + folder.resolve("nowhere") + " does not exist");
        assertThatThrownBy(() -> directory.run(out)).hasMessage("--csv " + folder.resolve("sub")
                + " is a folder; give a file name");
        assertThat(store.asked).isEmpty();
        assertThat(folderContents()).containsExactly(folder.resolve("sub"));
    }

    @Test
    void aFileAsFolderIsRefused() throws Exception {
        Path plain = Files.writeString(folder.resolve("plain.txt"), "x");
        HistoryCommand fills = history("fills");
        fills.csv = "plain.txt/fills.csv";
        assertThatThrownBy(() -> fills.run(out)).hasMessage("--csv " + plain.resolve("fills.csv") + ": " + plain
                + " is not a folder");
        assertThat(store.asked).isEmpty();
    }

    @Test
    void aFileThatAppearsDuringTheExportIsKeptAndTheTemporaryFileRemoved() throws Exception {
        Path file = Files.writeString(folder.resolve("late.csv"), "someone else's");
        assertThatThrownBy(() -> CsvFile.write(file, List.of("a"), List.of("1"), List::of, false))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class)
                .hasMessage(file + " appeared while the export was written; add --force to replace it");
        assertThat(csv(file)).isEqualTo("someone else's");
        assertThat(folderContents()).containsExactly(file);
    }

    @Test
    void anUnwritableFolderIsRefused() throws Exception {
        Path locked = Files.createDirectory(folder.resolve("locked"));
        assertThat(locked.toFile().setWritable(false)).isTrue();
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "running as root");
            HistoryCommand fills = history("fills");
            fills.csv = "locked/fills.csv";
            assertThatThrownBy(() -> fills.run(out)).hasMessage("--csv " + locked.resolve("fills.csv")
                    + ": folder " + locked + " is not writable");
            assertThat(store.asked).isEmpty();
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void badFiltersFailWithOneLineAndAskNothing() {
        assertBad(c -> c.from = "2026-12-07", c -> c.to = "2026-12-06",
                "--from 2026-12-07T00:00:00Z is after --to 2026-12-06T00:00:00Z");
        assertBad(c -> c.from = "yesterday", c -> { },
                "--from 'yesterday' is not a UTC ISO-8601 instant such as 2026-12-06T09:30:00Z nor a date such as"
                        + " 2026-12-06");
        assertBad(c -> c.to = "2026-13-01", c -> { },
                "--to '2026-13-01' is not a UTC ISO-8601 instant such as 2026-12-06T09:30:00Z nor a date such as"
                        + " 2026-12-06");
        assertBad(c -> c.limit = "0", c -> { }, "--limit '0' is not a whole number from 1 to 1000000");
        assertBad(c -> c.limit = "1000001", c -> { }, "--limit '1000001' is not a whole number from 1 to 1000000");
        assertBad(c -> c.limit = "ten", c -> { }, "--limit 'ten' is not a whole number from 1 to 1000000");
        assertBad(c -> c.account = "ACC 1", c -> { },
                "--account 'ACC 1' is not an account id (1 to 64 letters, digits or . _ - : /)");
        assertBad(c -> c.instrument = "BTC USD", c -> { }, "--instrument 'BTC USD' is not an instrument id (1 to 64"
                + " letters, digits or . _ - : /) nor the symbol of one instrument of the trading core");
        assertBad(c -> c.force = true, c -> { }, "--force goes only with --csv FILE");
    }

    private void assertBad(java.util.function.Consumer<HistoryCommand> first,
                           java.util.function.Consumer<HistoryCommand> second, String message) {
        HistoryCommand fills = history("fills");
        fills.csv = "out.csv";
        first.accept(fills);
        second.accept(fills);
        if (fills.force) {
            fills.csv = null;
        }
        assertThatThrownBy(() -> fills.run(out)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(store.asked).isEmpty();
        assertThat(folder.resolve("out.csv")).doesNotExist();
    }

    @Test
    void filtersThatDoNotApplyAndUnknownSubCommandsAreRefused() {
        HistoryCommand alerts = history("alerts");
        alerts.instrument = "BTC-USD.COINBASE";
        assertThatThrownBy(() -> alerts.run(out)).hasMessage("--instrument does not apply to nautilus:history alerts");
        HistoryCommand bars = history("bars");
        bars.account = "ACC-1";
        assertThatThrownBy(() -> bars.run(out)).hasMessage("--account does not apply to nautilus:history bars");
        HistoryCommand status = history("status");
        status.csv = "status.csv";
        assertThatThrownBy(() -> status.run(out)).hasMessage("--csv does not apply to nautilus:history status");
        assertThatThrownBy(() -> history("trades").run(out)).hasMessage("unknown history 'trades'; use one of"
                + " orders, fills, positions, bars, alerts, notifications, instruments, accounts, backtests, status");
        assertThat(store.asked).isEmpty();
    }

    @Test
    void withoutTheStoreTheCommandSaysItIsNotRunning() {
        for (String what : HistoryCommand.WHAT) {
            HistoryCommand command = history(what);
            command.history = null;
            assertThatThrownBy(() -> command.run(out)).isInstanceOf(CommandException.class)
                    .hasMessage("nautilus: the history store is not running");
        }
    }

    @Test
    void aStoreThatCannotAnswerGivesOneLineAndWritesNothing() {
        store.failure = "cannot read fills: connection refused (jdbc:postgresql://db:5432/nautilus)";
        HistoryCommand fills = history("fills");
        fills.csv = "fills.csv";
        assertThatThrownBy(() -> fills.run(out)).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: the history store cannot answer: cannot read fills: connection refused"
                        + " (jdbc:postgresql://db:5432/nautilus)");
        assertThatThrownBy(() -> history("status").run(out)).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("nautilus: the history store cannot answer: ");
        assertThat(folder.resolve("fills.csv")).doesNotExist();
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenNeeded() {
        assertThat(CsvFile.line(List.of("a", "", "b c", "x,y", "say \"hi\"", "two\r\nlines", "-1.50")))
                .isEqualTo("a,,b c,\"x,y\",\"say \"\"hi\"\"\",\"two\r\nlines\",-1.50\r\n");
    }
}
