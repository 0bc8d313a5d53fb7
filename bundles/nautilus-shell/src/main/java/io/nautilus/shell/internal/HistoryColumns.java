package io.nautilus.shell.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.history.api.AccountRecord;
import io.nautilus.history.api.AlertRecord;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.BarRecord;
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.InstrumentRecord;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.api.PositionSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The columns of one kind of history row, shared by the {@code nautilus:history} table and its {@code --csv}
 * export: the CSV header (a contract, documented in docs/operator-guide.md; absent for columns only the table
 * has), the table title (absent for columns only the export has) and the value.
 *
 * <p>Values print as: times UTC ISO-8601 ({@link Instant#toString()}); prices and quantities as exact plain decimals
 * at the scale the store kept them with; a value whose scale the store did not know in raw fixed-point units (the
 * CSV's scale column is then empty, the table adds {@code (raw)}); absent values empty in CSV, {@code -} in the
 * table; line breaks in text become spaces in the table.
 *
 * @param <T> the row type
 */
final class HistoryColumns<T> {

    /** A fixed-point value with the scale it was stored at, {@link OrderEvent#UNKNOWN_SCALE} if not known. */
    record Decimal(long units, int scale) {
    }

    /** A scale column: empty when the store did not know the scale. */
    record Scale(int scale) {
    }

    private record Column<T>(String header, String title, boolean right, Function<T, Object> value) {
    }

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private final List<Column<T>> columns = new ArrayList<>();

    private HistoryColumns() {
    }

    private HistoryColumns<T> table(String header, String title, Function<T, Object> value) {
        columns.add(new Column<>(header, title, false, value));
        return this;
    }

    private HistoryColumns<T> number(String header, String title, Function<T, Object> value) {
        columns.add(new Column<>(header, title, true, value));
        return this;
    }

    private HistoryColumns<T> shown(String title, Function<T, Object> value) {
        columns.add(new Column<>(null, title, false, value));
        return this;
    }

    private HistoryColumns<T> shownNumber(String title, Function<T, Object> value) {
        columns.add(new Column<>(null, title, true, value));
        return this;
    }

    private HistoryColumns<T> csv(String header, Function<T, Object> value) {
        columns.add(new Column<>(header, null, false, value));
        return this;
    }

    /** @return the CSV header fields, in order */
    List<String> headers() {
        List<String> headers = new ArrayList<>(columns.size());
        for (Column<T> column : columns) {
            if (column.header() != null) {
                headers.add(column.header());
            }
        }
        return headers;
    }

    /**
     * One row's CSV fields.
     *
     * @param row the row
     * @return its fields in header order; absent values are empty strings
     */
    List<String> csvFields(T row) {
        List<String> fields = new ArrayList<>(columns.size());
        for (Column<T> column : columns) {
            if (column.header() != null) {
                fields.add(text(column.value().apply(row), true));
            }
        }
        return fields;
    }

    /**
     * The table of rows, in the order given.
     *
     * @param rows the rows
     * @return the table with the columns that have a title
     */
    ShellTable table(List<T> rows) {
        ShellTable table = new ShellTable();
        List<Column<T>> shown = new ArrayList<>();
        for (Column<T> column : columns) {
            if (column.title() != null) {
                shown.add(column);
                var col = table.column(column.title());
                if (column.right()) {
                    col.alignRight();
                }
            }
        }
        for (T row : rows) {
            Object[] cells = new Object[shown.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = text(shown.get(i).value().apply(row), false);
            }
            table.addRow().addContent(cells);
        }
        return table;
    }

    /**
     * A value as CSV field or table cell text.
     *
     * @param value a String, number, enum, Instant, {@link Decimal}, {@link Scale} or null
     * @param csv   true for a CSV field (absent: empty), false for a table cell (absent: {@code -})
     * @return the text
     */
    static String text(Object value, boolean csv) {
        String absent = csv ? "" : "-";
        if (value == null) {
            return absent;
        }
        if (value instanceof Decimal d) {
            if (d.units() == FixedPoint.NULL) {
                return absent;
            }
            if (d.scale() == OrderEvent.UNKNOWN_SCALE) {
                return csv ? Long.toString(d.units()) : d.units() + " (raw)";
            }
            return FixedPoint.format(d.units(), d.scale());
        }
        if (value instanceof Scale s) {
            return s.scale() == OrderEvent.UNKNOWN_SCALE ? absent : Integer.toString(s.scale());
        }
        String text = value.toString();
        return csv ? text : LINE_BREAK.matcher(text).replaceAll(" ");
    }

    private static Instant nanos(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
    }

    /** A fill's fee at the price scale (negative: a rebate); absent for fills stored before fees were. */
    private static Decimal fee(FillEvent f) {
        return new Decimal(f.fee(), f.priceScale());
    }

    private static String blank(String text) {
        return text.isEmpty() ? null : text;
    }

    private static Object nonZero(long id) {
        return id == 0 ? null : id;
    }

    /** {@code k=v;k=v}, sorted by name; null for an empty map. */
    static String pairs(Map<String, String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            sb.append(sb.length() == 0 ? "" : ";").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /** The orders' state changes, one per execution report. */
    static final HistoryColumns<OrderEvent> ORDERS = new HistoryColumns<OrderEvent>()
            .table("event_time", "Time (UTC)", OrderEvent::eventTime)
            .number("core_seq", "Seq", OrderEvent::coreSeq)
            .csv("exec_id", OrderEvent::execId)
            .number("order_id", "Order", o -> nonZero(o.orderId()))
            .csv("client_order_id", o -> nonZero(o.clientOrderId()))
            .csv("orig_client_order_id", o -> nonZero(o.origClientOrderId()))
            .table("account", "Account", OrderEvent::account)
            .csv("strategy", OrderEvent::strategy)
            .table("instrument", "Instrument", OrderEvent::instrument)
            .table("venue", "Venue", OrderEvent::venue)
            .table("side", "Side", OrderEvent::side)
            .csv("order_type", OrderEvent::orderType)
            .csv("time_in_force", OrderEvent::timeInForce)
            .table("exec_type", "Exec", OrderEvent::execType)
            .table("status", "Status", OrderEvent::status)
            .csv("reject_reason", OrderEvent::rejectReason)
            .csv("cancel_reason", OrderEvent::cancelReason)
            .number("last_qty", "Last qty", o -> o.execType().isFill()
                    ? new Decimal(o.lastQuantity(), o.quantityScale()) : null)
            .number("last_price", "Last price", o -> new Decimal(o.lastPrice(), o.priceScale()))
            .number("cum_qty", "Cum qty", o -> new Decimal(o.cumulativeQuantity(), o.quantityScale()))
            .number("leaves_qty", "Leaves", o -> new Decimal(o.leavesQuantity(), o.quantityScale()))
            .number("avg_price", "Avg price", o -> new Decimal(o.averagePrice(), o.priceScale()))
            .csv("price_scale", o -> new Scale(o.priceScale()))
            .csv("qty_scale", o -> new Scale(o.quantityScale()))
            .csv("liquidity", OrderEvent::liquidity)
            .csv("report_text", OrderEvent::text)
            .shown("Reason", HistoryColumns::reason);

    /** The fills. */
    static final HistoryColumns<FillEvent> FILLS = new HistoryColumns<FillEvent>()
            .table("fill_time", "Time (UTC)", FillEvent::time)
            .number("core_seq", "Seq", FillEvent::coreSeq)
            .csv("exec_id", FillEvent::execId)
            .number("order_id", "Order", FillEvent::orderId)
            .csv("client_order_id", f -> nonZero(f.clientOrderId()))
            .table("account", "Account", FillEvent::account)
            .table("strategy", "Strategy", FillEvent::strategy)
            .table("instrument", "Instrument", FillEvent::instrument)
            .table("side", "Side", FillEvent::side)
            .number("price", "Price", f -> new Decimal(f.price(), f.priceScale()))
            .number("qty", "Quantity", f -> new Decimal(f.quantity(), f.quantityScale()))
            .shownNumber("Fee", HistoryColumns::fee)
            .csv("price_scale", f -> new Scale(f.priceScale()))
            .csv("qty_scale", f -> new Scale(f.quantityScale()))
            .table("liquidity", "Liquidity", FillEvent::liquidity)
            .table("venue", "Venue", FillEvent::venue)
            .csv("fee", HistoryColumns::fee);

    /** The position snapshots. */
    static final HistoryColumns<PositionSnapshot> POSITIONS = new HistoryColumns<PositionSnapshot>()
            .table("time", "Time (UTC)", PositionSnapshot::time)
            .number("core_seq", "Seq", PositionSnapshot::coreSeq)
            .table("account", "Account", PositionSnapshot::account)
            .table("instrument", "Instrument", PositionSnapshot::instrument)
            .number("qty", "Quantity", p -> new Decimal(p.quantity(), p.quantityScale()))
            .number("avg_price", "Avg price", p -> new Decimal(p.averagePrice(), p.priceScale()))
            .number("mark_price", "Mark", p -> new Decimal(p.markPrice(), p.priceScale()))
            .number("realised_pnl", "Realised", p -> new Decimal(p.realisedPnl(), p.priceScale()))
            .number("unrealised_pnl", "Unrealised", p -> new Decimal(p.unrealisedPnl(), p.priceScale()))
            .number("fees", "Fees", p -> new Decimal(p.fees(), p.priceScale()))
            .number("net_pnl", "Net P&L", p -> new Decimal(p.netPnl(), p.priceScale()))
            .csv("price_scale", p -> new Scale(p.priceScale()))
            .csv("qty_scale", p -> new Scale(p.quantityScale()));

    /** The completed bars. */
    static final HistoryColumns<BarRecord> BARS = new HistoryColumns<BarRecord>()
            .table("start_time", "Start (UTC)", b -> nanos(b.bar().startNanos()))
            .table("end_time", "End (UTC)", b -> nanos(b.bar().endNanos()))
            .table("instrument", "Instrument", b -> b.bar().instrument())
            .number("open", "Open", b -> new Decimal(b.bar().open(), b.priceScale()))
            .number("high", "High", b -> new Decimal(b.bar().high(), b.priceScale()))
            .number("low", "Low", b -> new Decimal(b.bar().low(), b.priceScale()))
            .number("close", "Close", b -> new Decimal(b.bar().close(), b.priceScale()))
            .number("volume", "Volume", b -> new Decimal(b.bar().volume(), b.quantityScale()))
            .number("trades", "Trades", b -> b.bar().tradeCount())
            .csv("price_scale", b -> new Scale(b.priceScale()))
            .csv("qty_scale", b -> new Scale(b.quantityScale()))
            .table("bar", "Bar", BarRecord::spec);

    /** The alerts. */
    static final HistoryColumns<AlertRecord> ALERTS = new HistoryColumns<AlertRecord>()
            .table("time", "Time (UTC)", a -> nanos(a.alert().timestampNanos()))
            .number("id", "Id", AlertRecord::id)
            .table("severity", "Severity", a -> a.alert().severity())
            .table("source", "Source", a -> a.alert().source())
            .table("key", "Key", a -> a.alert().key())
            .table("text", "Text", a -> a.alert().text())
            .table("labels", "Labels", a -> pairs(a.alert().labels()));

    /** What the notification engine did with incidents: delivery attempts, acknowledgements, silences, ... */
    static final HistoryColumns<NotificationRecord> NOTIFICATIONS = new HistoryColumns<NotificationRecord>()
            .table("time", "Time (UTC)", n -> nanos(n.timestampNanos()))
            .number("id", "Id", NotificationRecord::id)
            .table("event", "Event", NotificationRecord::event)
            .table("alert", "Alert", n -> n.alertId() == 0 ? null : "A" + n.alertId())
            .table("alert_key", "Key", n -> blank(n.alertKey()))
            .table("receiver", "Receiver", n -> blank(n.receiver()))
            .table("channel", "Channel", n -> blank(n.channel()))
            .number("attempt", "Attempt", n -> n.attempt() == 0 ? null : n.attempt())
            .table("outcome", "Outcome", n -> blank(n.outcome()))
            .table("user", "User", n -> blank(n.user()))
            .table("detail", "Detail", n -> blank(n.detail()));

    /** The instrument definitions, every version. */
    static final HistoryColumns<InstrumentRecord> INSTRUMENTS = new HistoryColumns<InstrumentRecord>()
            .table("defined_at", "Defined (UTC)", InstrumentRecord::definedAt)
            .number("core_seq", "Seq", InstrumentRecord::coreSeq)
            .table("instrument", "Instrument", r -> r.instrument().id())
            .table("symbol", "Symbol", r -> r.instrument().symbol())
            .table("venue", "Venue", r -> r.instrument().venue())
            .number("tick_size", "Tick", r -> price(r.instrument(), r.instrument().tickSize()))
            .number("lot_size", "Lot", r -> quantity(r.instrument(), r.instrument().lotSize()))
            .number("min_qty", "Min qty", r -> quantity(r.instrument(), r.instrument().minQuantity()))
            .number("price_scale", "Price scale", r -> r.instrument().priceScale())
            .number("qty_scale", "Qty scale", r -> r.instrument().quantityScale())
            .table("currency", "Currency", r -> r.instrument().currency());

    /** The account definitions, every version. */
    static final HistoryColumns<AccountRecord> ACCOUNTS = new HistoryColumns<AccountRecord>()
            .table("defined_at", "Defined (UTC)", AccountRecord::definedAt)
            .number("core_seq", "Seq", AccountRecord::coreSeq)
            .table("account", "Account", AccountRecord::account)
            .table("self_trade_prevention", "Self-trade prevention", AccountRecord::selfTradePrevention)
            .number("capital", "Capital", a -> new Decimal(a.capital(), a.capitalScale()))
            .csv("capital_scale", a -> new Scale(a.capitalScale()));

    /** The backtest runs. */
    static final HistoryColumns<BacktestRun> BACKTESTS = new HistoryColumns<BacktestRun>()
            .table("started_at", "Started (UTC)", BacktestRun::startedAt)
            .table("run_id", "Run", BacktestRun::runId)
            .table("strategy", "Strategy", BacktestRun::strategy)
            .table("status", "Status", BacktestRun::status)
            .table("finished_at", "Finished (UTC)", BacktestRun::finishedAt)
            .table("data_from", "Data from (UTC)", BacktestRun::dataFrom)
            .table("data_to", "Data to (UTC)", BacktestRun::dataTo)
            .csv("parameters", r -> pairs(r.parameters()))
            .table("results", "Results", r -> pairs(r.results()));

    private static Decimal price(Instrument instrument, long units) {
        return new Decimal(units, instrument.priceScale());
    }

    private static Decimal quantity(Instrument instrument, long units) {
        return new Decimal(units, instrument.quantityScale());
    }

    /** The table's reason: the reject or cancel reason, with the report's text. */
    private static String reason(OrderEvent o) {
        String code = o.rejectReason() != RejectReason.NONE ? o.rejectReason().name()
                : o.cancelReason() != CancelReason.NONE ? o.cancelReason().name() : null;
        if (code == null) {
            return o.text();
        }
        return o.text() == null || o.text().isBlank() ? code : code + ": " + o.text();
    }
}
