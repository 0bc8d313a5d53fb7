package io.nautilus.history.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.history.api.AccountRecord;
import io.nautilus.history.api.AlertRecord;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.BarRecord;
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.api.InstrumentRecord;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.api.PositionSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * {@link HistoryService} over the history database with plain JDBC: one connection per query, filters as bound
 * parameters, times compared as exact nanoseconds since the epoch. Alerts, notification records and the status go
 * through the {@link HistoryWriter}; a store the writer disabled (schema refused) or has not opened yet answers
 * queries with a {@link HistoryUnavailableException} saying why.
 */
public final class JdbcHistoryService implements HistoryService {

    private static final String ORDER_COLUMNS = "core_seq, exec_id, order_id, client_order_id, orig_client_order_id,"
            + " account, strategy, instrument, venue, side, order_type, time_in_force, exec_type, status,"
            + " reject_reason, cancel_reason, report_text, last_qty, last_price, cum_qty, leaves_qty, avg_price,"
            + " price_scale, qty_scale, liquidity, event_time_nanos";
    private static final String FILL_COLUMNS = "core_seq, exec_id, order_id, client_order_id, account, strategy,"
            + " instrument, side, price, qty, price_scale, qty_scale, liquidity, venue, fill_time_nanos, fee";
    private static final String POSITION_COLUMNS = "snapshot_time_nanos, core_seq, account, instrument, qty,"
            + " avg_price, mark_price, realised_pnl, unrealised_pnl, fees, price_scale, qty_scale";
    private static final String BAR_COLUMNS = "instrument, start_nanos, end_nanos, open_price, high_price, low_price,"
            + " close_price, volume, trade_count, price_scale, qty_scale, bar_interval";
    private static final String ALERT_COLUMNS = "id, alert_key, severity, source, alert_text, alert_time_nanos,"
            + " labels";
    private static final String NOTIFICATION_COLUMNS = "id, event_time_nanos, event, alert_id, alert_key, receiver,"
            + " channel, attempt, outcome, detail, user_name";
    private static final String RUN_COLUMNS = "run_id, strategy, parameters, data_from_nanos, data_to_nanos,"
            + " started_at_nanos, finished_at_nanos, status, results";
    private static final String UPDATE_RUN = "UPDATE backtest_runs SET strategy = ?, parameters = ?,"
            + " data_from_nanos = ?, data_from = ?, data_to_nanos = ?, data_to = ?, started_at_nanos = ?,"
            + " started_at = ?, finished_at_nanos = ?, finished_at = ?, status = ?, results = ?, updated_at = ?"
            + " WHERE run_id = ?";
    private static final String INSERT_RUN = "INSERT INTO backtest_runs (strategy, parameters, data_from_nanos,"
            + " data_from, data_to_nanos, data_to, started_at_nanos, started_at, finished_at_nanos, finished_at,"
            + " status, results, updated_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int RUN_ID_MAX = 100;
    private static final int RUN_STRATEGY_MAX = 200;
    private static final int RUN_STATUS_MAX = 24;

    private final DataSource dataSource;
    private final HistoryWriter writer;

    /**
     * Creates the service.
     *
     * @param dataSource the history database
     * @param writer     the store's writer (schema, alerts, status)
     */
    public JdbcHistoryService(DataSource dataSource, HistoryWriter writer) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public List<OrderEvent> orders(HistoryQuery query) {
        List<OrderEvent> out = new ArrayList<>();
        query("orders", ORDER_COLUMNS, "event_time_nanos", true, true, query,
                "event_time_nanos DESC, core_seq DESC, exec_id DESC", rs -> out.add(order(rs)));
        return out;
    }

    @Override
    public List<FillEvent> fills(HistoryQuery query) {
        List<FillEvent> out = new ArrayList<>();
        query("fills", FILL_COLUMNS, "fill_time_nanos", true, true, query,
                "fill_time_nanos DESC, core_seq DESC, exec_id DESC", rs -> out.add(fill(rs)));
        return out;
    }

    @Override
    public List<PositionSnapshot> positions(HistoryQuery query) {
        List<PositionSnapshot> out = new ArrayList<>();
        query("position_snapshots", POSITION_COLUMNS, "snapshot_time_nanos", true, true, query,
                "snapshot_time_nanos DESC, account, instrument", rs -> out.add(new PositionSnapshot(
                        instant(rs.getLong(1)), rs.getLong(2), AccountId.of(rs.getString(3)),
                        InstrumentId.of(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10), scale(rs, 11), scale(rs, 12))));
        return out;
    }

    @Override
    public List<BarRecord> bars(HistoryQuery query) {
        List<BarRecord> out = new ArrayList<>();
        query("bars", BAR_COLUMNS, "start_nanos", false, true, query, "start_nanos DESC, instrument, bar_interval",
                rs -> out.add(new BarRecord(new Bar(InstrumentId.of(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)),
                        scale(rs, 10), scale(rs, 11), rs.getString(12))));
        return out;
    }

    @Override
    public List<AlertRecord> alerts(HistoryQuery query) {
        List<AlertRecord> out = new ArrayList<>();
        query("alerts", ALERT_COLUMNS, "alert_time_nanos", false, false, query, "alert_time_nanos DESC, id DESC",
                rs -> out.add(new AlertRecord(rs.getLong(1), new Alert(rs.getString(2),
                        Severity.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getLong(6),
                        StringMapJson.read(rs.getString(7))))));
        return out;
    }

    @Override
    public List<NotificationRecord> notifications(HistoryQuery query) {
        List<NotificationRecord> out = new ArrayList<>();
        query("notification_log", NOTIFICATION_COLUMNS, "event_time_nanos", false, false, query,
                "event_time_nanos DESC, id DESC", rs -> out.add(new NotificationRecord(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11))));
        return out;
    }

    @Override
    public List<InstrumentRecord> instruments() {
        List<InstrumentRecord> out = new ArrayList<>();
        select("instruments", "SELECT core_seq, defined_at_nanos, instrument, symbol, venue, tick_size, lot_size,"
                + " min_qty, price_scale, qty_scale, currency FROM instruments ORDER BY core_seq, instrument",
                List.of(), rs -> out.add(new InstrumentRecord(rs.getLong(1), instant(rs.getLong(2)),
                        new Instrument(InstrumentId.of(rs.getString(3)), rs.getString(4), VenueId.of(rs.getString(5)),
                                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getInt(9), rs.getInt(10),
                                rs.getString(11)))));
        return out;
    }

    @Override
    public List<AccountRecord> accounts() {
        List<AccountRecord> out = new ArrayList<>();
        select("accounts", "SELECT core_seq, defined_at_nanos, account, self_trade_prevention, capital,"
                + " capital_scale FROM accounts ORDER BY core_seq, account", List.of(),
                rs -> out.add(new AccountRecord(rs.getLong(1), instant(rs.getLong(2)), AccountId.of(rs.getString(3)),
                        rs.getString(4), rs.getLong(5), scale(rs, 6))));
        return out;
    }

    @Override
    public List<BacktestRun> backtestRuns(HistoryQuery query) {
        List<BacktestRun> out = new ArrayList<>();
        query("backtest_runs", RUN_COLUMNS, "started_at_nanos", false, false, query,
                "started_at_nanos DESC, run_id DESC", rs -> out.add(new BacktestRun(rs.getString(1), rs.getString(2),
                        StringMapJson.read(rs.getString(3)), optionalInstant(rs, 4), optionalInstant(rs, 5),
                        instant(rs.getLong(6)), optionalInstant(rs, 7), rs.getString(8),
                        StringMapJson.read(rs.getString(9)))));
        return out;
    }

    @Override
    public boolean recordAlert(Alert alert) {
        return writer.offerAlert(alert);
    }

    @Override
    public boolean recordNotification(NotificationRecord record) {
        return writer.offerNotification(record);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the run id (at most 100 characters), strategy (200) or status (24) is too
     *                                  long or blank; nothing is written
     */
    @Override
    public void recordBacktestRun(BacktestRun run) {
        Objects.requireNonNull(run, "run");
        check("run id", run.runId(), RUN_ID_MAX);
        check("strategy", run.strategy(), RUN_STRATEGY_MAX);
        check("status", run.status(), RUN_STATUS_MAX);
        usable("backtest_runs");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (bindRun(c, UPDATE_RUN, run) == 0) {
                    bindRun(c, INSERT_RUN, run);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryUnavailableException("cannot write backtest run " + run.runId()
                    + " to the history database: " + HistoryWriter.oneLine(e), e);
        }
    }

    @Override
    public HistoryStatus status() {
        return writer.status();
    }

    private static void check(String what, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException("backtest " + what + " '" + value + "' must be 1 to " + max
                    + " characters");
        }
    }

    private static int bindRun(Connection c, String sql, BacktestRun run) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, run.strategy());
            p.setString(2, StringMapJson.write(run.parameters()));
            setTime(p, 3, run.dataFrom());
            setTime(p, 5, run.dataTo());
            setTime(p, 7, run.startedAt());
            setTime(p, 9, run.finishedAt());
            p.setString(11, run.status());
            p.setString(12, StringMapJson.write(run.results()));
            p.setObject(13, OffsetDateTime.now(ZoneOffset.UTC));
            p.setString(14, run.runId());
            return p.executeUpdate();
        }
    }

    private static void setTime(PreparedStatement p, int index, Instant time) throws SQLException {
        if (time == null) {
            p.setNull(index, Types.BIGINT);
            p.setNull(index + 1, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            p.setLong(index, nanos(time));
            p.setObject(index + 1, time.atOffset(ZoneOffset.UTC));
        }
    }

    private void usable(String table) {
        String reason = writer.disabledReason();
        if (reason != null) {
            throw new HistoryUnavailableException("cannot use " + table + ": the history store is DISABLED: "
                    + reason, null);
        }
        if (!writer.ready()) {
            String last = writer.status().lastError();
            throw new HistoryUnavailableException("cannot use " + table + ": the history store has not opened its"
                    + " database yet" + (last == null ? "" : " (" + last + ")"), null);
        }
    }

    private void query(String table, String columns, String timeColumn, boolean byAccount, boolean byInstrument,
                       HistoryQuery q, String orderBy, RowReader reader) {
        Objects.requireNonNull(q, "query");
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(table)
                .append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (byAccount && q.account() != null) {
            sql.append(" AND account = ?");
            args.add(q.account().value());
        }
        if (byInstrument && q.instrument() != null) {
            sql.append(" AND instrument = ?");
            args.add(q.instrument().value());
        }
        if (q.from() != null) {
            sql.append(" AND ").append(timeColumn).append(" >= ?");
            args.add(nanos(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND ").append(timeColumn).append(" < ?");
            args.add(nanos(q.to()));
        }
        sql.append(" ORDER BY ").append(orderBy).append(" LIMIT ?");
        args.add(q.limit());
        select(table, sql.toString(), args, reader);
    }

    private void select(String table, String sql, List<Object> args, RowReader reader) {
        usable(table);
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                p.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new HistoryUnavailableException("cannot read " + table + " from the history database: "
                    + HistoryWriter.oneLine(e), e);
        }
    }

    private static Instant optionalInstant(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : instant(value);
    }

    /**
     * @param instant a UTC instant
     * @return nanoseconds since the epoch, saturated at the range of a long
     */
    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static OrderEvent order(ResultSet rs) throws SQLException {
        return new OrderEvent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                AccountId.of(rs.getString(6)), strategy(rs.getString(7)), InstrumentId.of(rs.getString(8)),
                venue(rs.getString(9)), Side.valueOf(rs.getString(10)), orderType(rs.getString(11)),
                timeInForce(rs.getString(12)), ExecType.valueOf(rs.getString(13)),
                OrderStatus.valueOf(rs.getString(14)), RejectReason.valueOf(rs.getString(15)),
                CancelReason.valueOf(rs.getString(16)), rs.getString(17), rs.getLong(18), price(rs, 19),
                rs.getLong(20), rs.getLong(21), price(rs, 22), scale(rs, 23), scale(rs, 24),
                Liquidity.valueOf(rs.getString(25)), instant(rs.getLong(26)));
    }

    private static FillEvent fill(ResultSet rs) throws SQLException {
        return new FillEvent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                AccountId.of(rs.getString(5)), strategy(rs.getString(6)), InstrumentId.of(rs.getString(7)),
                Side.valueOf(rs.getString(8)), rs.getLong(9), rs.getLong(10), scale(rs, 11), scale(rs, 12),
                Liquidity.valueOf(rs.getString(13)), venue(rs.getString(14)), instant(rs.getLong(15)), price(rs, 16));
    }

    private static long price(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? FixedPoint.NULL : value;
    }

    private static int scale(ResultSet rs, int index) throws SQLException {
        int value = rs.getInt(index);
        return rs.wasNull() ? OrderEvent.UNKNOWN_SCALE : value;
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static StrategyId strategy(String value) {
        return value == null ? null : StrategyId.of(value);
    }

    private static VenueId venue(String value) {
        return value == null ? null : VenueId.of(value);
    }

    private static OrderType orderType(String value) {
        return value == null ? null : OrderType.valueOf(value);
    }

    private static TimeInForce timeInForce(String value) {
        return value == null ? null : TimeInForce.valueOf(value);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
