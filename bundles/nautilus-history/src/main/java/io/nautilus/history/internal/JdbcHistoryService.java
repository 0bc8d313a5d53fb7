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
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.api.OrderEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * {@link HistoryService} over the history database with plain JDBC: one connection per query, filters as bound
 * parameters, times compared as exact nanoseconds since the epoch.
 */
public final class JdbcHistoryService implements HistoryService {

    private static final String ORDER_COLUMNS = "core_seq, exec_id, order_id, client_order_id, orig_client_order_id,"
            + " account, strategy, instrument, venue, side, order_type, time_in_force, exec_type, status,"
            + " reject_reason, cancel_reason, report_text, last_qty, last_price, cum_qty, leaves_qty, avg_price,"
            + " price_scale, qty_scale, liquidity, event_time_nanos";
    private static final String FILL_COLUMNS = "core_seq, exec_id, order_id, client_order_id, account, strategy,"
            + " instrument, side, price, qty, price_scale, qty_scale, liquidity, venue, fill_time_nanos";

    private final DataSource dataSource;

    /**
     * Creates the service.
     *
     * @param dataSource the history database, migrated to the current schema
     */
    public JdbcHistoryService(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<OrderEvent> orders(HistoryQuery query) {
        List<OrderEvent> out = new ArrayList<>();
        query("orders", ORDER_COLUMNS, "event_time_nanos", query, rs -> out.add(order(rs)));
        return out;
    }

    @Override
    public List<FillEvent> fills(HistoryQuery query) {
        List<FillEvent> out = new ArrayList<>();
        query("fills", FILL_COLUMNS, "fill_time_nanos", query, rs -> out.add(fill(rs)));
        return out;
    }

    private void query(String table, String columns, String timeColumn, HistoryQuery q, RowReader reader) {
        Objects.requireNonNull(q, "query");
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(table)
                .append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.account() != null) {
            sql.append(" AND account = ?");
            args.add(q.account().value());
        }
        if (q.instrument() != null) {
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
        sql.append(" ORDER BY ").append(timeColumn).append(" DESC, core_seq DESC, exec_id DESC LIMIT ?");
        args.add(q.limit());
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement(sql.toString())) {
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
                    + e.getMessage(), e);
        }
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
                Liquidity.valueOf(rs.getString(13)), venue(rs.getString(14)), instant(rs.getLong(15)));
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
