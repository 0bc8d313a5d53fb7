package io.nautilus.backtest.engine;

import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.api.TradeRecord;
import io.nautilus.analytics.performance.Performance;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a backtest's files as it runs: {@code fills.csv} (one row per fill, in order), {@code orders.csv} (one row
 * per order once it is finished, in the order they finished; orders still open at the end last, in submission
 * order), {@code equity.csv} (one row per UTC day with data) and, at the end, {@code stats.json}. Nothing depends on
 * the wall clock except the last two fields of {@code stats.json}.
 */
final class Recorder implements Closeable, OrderLog {

    static final String FILLS_HEADER = "timestamp,orderId,instrument,side,price,qty,fee,liquidity";
    static final String EQUITY_HEADER = "date,equity";
    static final String ALERTS_HEADER = "timestamp,severity,key,text";
    static final String ALERTS_FILE = "alerts.csv";
    static final String ORDERS_HEADER = "orderId,clientOrderId,instrument,side,type,timeInForce,price,quantity,"
            + "filledQty,avgPrice,status,reason,submitted,finished";

    private static final class OrderRow {
        final NewOrder order;
        final long submitted;
        long orderId;
        OrderStatus status = OrderStatus.PENDING_NEW;
        long filled;
        long averagePrice = FixedPoint.NULL;
        long price;
        long quantity;
        String reason = "";
        long finished = -1;
        long requestedPrice = FixedPoint.NULL;

        OrderRow(NewOrder order, long submitted) {
            this.order = order;
            this.submitted = submitted;
            this.price = order.price();
            this.quantity = order.quantity();
        }
    }

    private final Path out;
    private final Map<InstrumentId, Instrument> instruments;
    private final int moneyScale;
    private final long capital;
    private final Writer fills;
    private final Writer orders;
    private final Writer equity;
    /** {@code alerts.csv}, opened at the strategy's first alert. */
    private Writer alerts;
    private final Map<Long, OrderRow> byClientId = new LinkedHashMap<>();
    private final Map<Long, OrderRow> byOrderId = new HashMap<>();
    private final Map<InstrumentId, long[]> positions = new HashMap<>();
    private final List<Long> equities = new ArrayList<>();
    private final List<LocalDate> days = new ArrayList<>();
    private final List<TradeRecord> trades = new ArrayList<>();
    private final StringBuilder line = new StringBuilder(256);
    private final IsoTime iso = new IsoTime();
    private long fillCount;
    private long orderCount;
    private long roundTrips;
    private PerformanceResult analysed;

    /**
     * Creates the three CSV files with their headers (replacing older ones).
     *
     * @param out         the folder, existing and writable
     * @param instruments the instruments, for their scales
     * @param moneyScale  scale of equity values
     * @param capital     starting equity, money scale
     */
    Recorder(Path out, List<Instrument> instruments, int moneyScale, long capital) throws IOException {
        this.out = out;
        this.instruments = new HashMap<>();
        for (Instrument i : instruments) {
            this.instruments.put(i.id(), i);
        }
        this.moneyScale = moneyScale;
        this.capital = capital;
        Writer f = null;
        Writer o = null;
        try {
            f = open("fills.csv", FILLS_HEADER);
            o = open("orders.csv", ORDERS_HEADER);
            this.equity = open("equity.csv", EQUITY_HEADER);
        } catch (IOException e) {
            closeQuietly(f);
            closeQuietly(o);
            throw e;
        }
        this.fills = f;
        this.orders = o;
    }

    private Writer open(String name, String header) throws IOException {
        Writer w = Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8);
        w.write(header);
        w.write('\n');
        return w;
    }

    @Override
    public void submitted(NewOrder order, long timeNanos) {
        byClientId.put(order.clientOrderId(), new OrderRow(order, timeNanos));
        orderCount++;
    }

    @Override
    public void replaceRequested(long clientOrderId, long price, long quantity) {
        OrderRow row = byClientId.get(clientOrderId);
        if (row != null) {
            row.requestedPrice = price;
        }
    }

    /** A report of one of the strategy's orders. */
    void onReport(ExecutionReport r) {
        OrderRow row = r.orderId() != 0 ? byOrderId.get(r.orderId()) : null;
        if (row == null) {
            row = byClientId.get(r.clientOrderId());
            if (row == null && r.origClientOrderId() != 0) {
                row = byClientId.get(r.origClientOrderId());
            }
            if (row == null) {
                return;
            }
            if (r.orderId() != 0) {
                row.orderId = r.orderId();
                byOrderId.put(r.orderId(), row);
            }
        }
        if (r.isFill()) {
            writeFill(r);
        }
        if (r.execType() == ExecType.REJECTED && r.origClientOrderId() != 0
                && !r.status().isFinished()) {
            row.reason = reason(r);
            row.requestedPrice = FixedPoint.NULL;
            return;
        }
        row.status = r.status();
        row.filled = r.cumulativeQuantity();
        row.averagePrice = r.averagePrice();
        if (r.execType() == ExecType.REPLACED) {
            row.quantity = r.leavesQuantity() + r.cumulativeQuantity();
            if (row.requestedPrice != FixedPoint.NULL) {
                row.price = row.requestedPrice;
            }
        }
        String reason = reason(r);
        if (!reason.isEmpty()) {
            row.reason = reason;
        }
        if (r.status().isFinished()) {
            row.finished = r.transactTimeNanos();
            writeOrder(row);
            byClientId.remove(row.order.clientOrderId());
            if (row.orderId != 0) {
                byOrderId.remove(row.orderId);
            }
        }
    }

    private static String reason(ExecutionReport r) {
        String text = r.text() == null ? "" : r.text();
        String code = r.rejectReason() != RejectReason.NONE ? r.rejectReason().name()
                : r.cancelReason() != CancelReason.NONE ? r.cancelReason().name() : "";
        if (code.isEmpty()) {
            return r.status().isFinished() ? text : "";
        }
        return text.isEmpty() ? code : code + ": " + text;
    }

    private void writeFill(ExecutionReport r) {
        Instrument i = instruments.get(r.instrument());
        line.setLength(0);
        iso.append(line, r.transactTimeNanos());
        line.append(',').append(r.orderId()).append(',')
                .append(r.instrument().value()).append(',')
                .append(r.side().name()).append(',')
                .append(FixedPoint.format(r.lastPrice(), i.priceScale())).append(',')
                .append(FixedPoint.format(r.lastQuantity(), i.quantityScale())).append(',')
                .append(FixedPoint.format(r.fee(), i.priceScale())).append(',')
                .append(r.liquidity().name()).append('\n');
        write(fills, line);
        fillCount++;
        trades.add(new TradeRecord(Instant.ofEpochSecond(0, r.transactTimeNanos()), r.instrument().value(),
                r.side().name(), FixedPoint.toBigDecimal(r.lastPrice(), i.priceScale()).doubleValue(),
                FixedPoint.toBigDecimal(r.lastQuantity(), i.quantityScale()).doubleValue(),
                FixedPoint.toBigDecimal(r.fee(), i.priceScale()).doubleValue()));
        long[] p = positions.computeIfAbsent(r.instrument(), k -> new long[1]);
        long before = p[0];
        p[0] += r.signedLastQuantity();
        if (before != 0 && (p[0] == 0 || Long.signum(p[0]) != Long.signum(before))) {
            roundTrips++;
        }
    }

    private void writeOrder(OrderRow row) {
        NewOrder o = row.order;
        Instrument i = instruments.get(o.instrument());
        line.setLength(0);
        line.append(row.orderId == 0 ? "" : Long.toString(row.orderId)).append(',')
                .append(o.clientOrderId()).append(',')
                .append(o.instrument().value()).append(',')
                .append(o.side().name()).append(',')
                .append(o.type().name()).append(',')
                .append(o.timeInForce().name()).append(',')
                .append(row.price == FixedPoint.NULL || !o.type().hasLimitPrice() ? ""
                        : FixedPoint.format(row.price, i.priceScale())).append(',')
                .append(FixedPoint.format(row.quantity, i.quantityScale())).append(',')
                .append(FixedPoint.format(row.filled, i.quantityScale())).append(',')
                .append(row.averagePrice == FixedPoint.NULL ? "" : FixedPoint.format(row.averagePrice,
                        i.priceScale())).append(',')
                .append(row.status.name()).append(',');
        csv(line, row.reason);
        line.append(',');
        iso.append(line, row.submitted);
        line.append(',');
        if (row.finished >= 0) {
            iso.append(line, row.finished);
        }
        line.append('\n');
        write(orders, line);
    }

    private static void csv(StringBuilder sb, String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            sb.append(value);
        } else {
            sb.append('"').append(value.replace("\"", "\"\"").replace('\n', ' ')).append('"');
        }
    }

    /**
     * A UTC day with data ended.
     *
     * @param day      the day
     * @param netPnl   the account's net P&amp;L with positions marked at the day's last prices, money scale
     */
    void onDayEnd(LocalDate day, long netPnl) {
        long value = capital + netPnl;
        equities.add(value);
        days.add(day);
        line.setLength(0);
        line.append(day).append(',').append(FixedPoint.format(value, moneyScale)).append('\n');
        write(equity, line);
    }

    /** The data ended: orders never finished get their rows, in submission order. */
    void finishOrders() {
        for (OrderRow row : byClientId.values()) {
            if (row.orderId == 0 && row.status == OrderStatus.PENDING_NEW && row.reason.isEmpty()) {
                row.reason = "the data ended before it reached the exchange";
            }
            writeOrder(row);
        }
        byClientId.clear();
        byOrderId.clear();
    }

    long fills() {
        return fillCount;
    }

    /** The analysis behind the last {@link #stats}, {@code null} before it or when no day had data. */
    PerformanceResult analysed() {
        return analysed;
    }

    /**
     * The performance statistics of the daily equity curve (the capital is the starting equity) and the fills.
     *
     * @param seed seed of the Monte Carlo VaR
     * @return the analysis, or {@code null} when no day had data
     */
    PerformanceResult performance(long seed) {
        if (equities.isEmpty()) {
            return null;
        }
        double[] curve = new double[equities.size()];
        for (int k = 0; k < curve.length; k++) {
            curve[k] = FixedPoint.toBigDecimal(equities.get(k), moneyScale).doubleValue();
        }
        double cap = FixedPoint.toBigDecimal(capital, moneyScale).doubleValue();
        return Performance.analyse(PerformanceInput.ofEquity(days, curve, cap).withTrades(trades).withSeed(seed));
    }

    /**
     * The figures of {@code stats.json} that do not depend on the wall clock, in the file's order: the metrics of
     * {@link Performance#analyse} (issue 12 keys, e.g. {@code maxDrawdown} negative) and their {@code undefined}
     * reasons, then the run's own figures, {@code events} last.
     *
     * @param events      events processed
     * @param netPnl      final net P&amp;L, money scale
     * @param fees        fees paid, money scale
     * @param seed        the seed
     * @param strategy    the factory name
     * @param parameters  the strategy's parameters
     */
    Map<String, Object> stats(long events, long netPnl, long fees, long seed, String strategy,
                              Map<String, String> parameters) {
        Map<String, Object> s = new LinkedHashMap<>();
        PerformanceResult performance = performance(seed);
        analysed = performance;
        if (performance == null) {
            Map<String, String> undefined = new LinkedHashMap<>();
            for (String key : Performance.METRIC_KEYS) {
                s.put(key, null);
                undefined.put(key, "no day of data");
            }
            s.put("undefined", undefined);
        } else {
            s.putAll(performance.metrics());
            s.put("undefined", performance.undefined());
        }
        int n = equities.size();
        s.put("totalReturn", n == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(equities.get(n - 1) - capital)
                .divide(BigDecimal.valueOf(capital), MathContext.DECIMAL64).stripTrailingZeros());
        s.put("trades", fillCount);
        s.put("fills", fillCount);
        s.put("orders", orderCount);
        s.put("roundTrips", roundTrips);
        s.put("capital", FixedPoint.toBigDecimal(capital, moneyScale));
        s.put("netPnl", FixedPoint.toBigDecimal(netPnl, moneyScale));
        s.put("fees", FixedPoint.toBigDecimal(fees, moneyScale));
        s.put("finalEquity", FixedPoint.toBigDecimal(capital + netPnl, moneyScale));
        s.put("days", (long) n);
        s.put("seed", seed);
        s.put("strategy", strategy);
        s.put("parameters", new LinkedHashMap<>(parameters));
        s.put("events", events);
        return s;
    }

    /**
     * Writes {@code stats.json}: the given figures, one per line, in their order.
     *
     * @param stats the figures
     */
    void writeStats(Map<String, Object> stats) throws IOException {
        StringBuilder sb = new StringBuilder("{\n");
        int n = 0;
        for (Map.Entry<String, Object> e : stats.entrySet()) {
            sb.append("  ").append(Json.string(e.getKey())).append(": ").append(Json.value(e.getValue()))
                    .append(++n < stats.size() ? ",\n" : "\n");
        }
        sb.append("}\n");
        Files.writeString(out.resolve("stats.json"), sb, StandardCharsets.UTF_8);
    }

    @Override
    public void alert(Severity severity, String key, String text, long timeNanos) {
        if (alerts == null) {
            try {
                alerts = open(ALERTS_FILE, ALERTS_HEADER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StringBuilder row = new StringBuilder(64 + text.length());
        iso.append(row, timeNanos);
        row.append(',').append(severity).append(',').append(csv(key)).append(',').append(csv(text)).append('\n');
        write(alerts, row);
    }

    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void write(Writer w, CharSequence text) {
        try {
            w.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Writer w : new Writer[] {fills, orders, equity, alerts}) {
            if (w == null) {
                continue;
            }
            try {
                w.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeQuietly(Writer w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
