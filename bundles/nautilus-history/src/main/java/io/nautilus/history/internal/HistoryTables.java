package io.nautilus.history.internal;

import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.PositionView;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.internal.db.RowSink.Column;
import io.nautilus.history.internal.db.RowSink.Table;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables the writer fills and how one value becomes one row of each (column order = value order).
 */
final class HistoryTables {

    static final Table ORDERS = table("orders", "core_seq:L", "exec_id:L", "order_id:L", "client_order_id:L",
            "orig_client_order_id:L", "account:S", "strategy:S", "instrument:S", "venue:S", "side:S",
            "order_type:S", "time_in_force:S", "exec_type:S", "status:S", "reject_reason:S", "cancel_reason:S",
            "report_text:S", "last_qty:L", "last_price:L", "cum_qty:L", "leaves_qty:L", "avg_price:L",
            "price_scale:I", "qty_scale:I", "liquidity:S", "event_time_nanos:L", "event_time:T");

    static final Table FILLS = table("fills", "core_seq:L", "exec_id:L", "order_id:L", "client_order_id:L",
            "account:S", "strategy:S", "instrument:S", "side:S", "price:L", "qty:L", "price_scale:I", "qty_scale:I",
            "liquidity:S", "venue:S", "fill_time_nanos:L", "fill_time:T", "fee:L");

    static final Table INSTRUMENTS = table("instruments", "core_seq:L", "instrument:S", "defined_at_nanos:L",
            "defined_at:T", "symbol:S", "venue:S", "tick_size:L", "lot_size:L", "min_qty:L", "price_scale:I",
            "qty_scale:I", "currency:S");

    static final Table ACCOUNTS = table("accounts", "core_seq:L", "account:S", "defined_at_nanos:L", "defined_at:T",
            "self_trade_prevention:S", "capital:L", "capital_scale:I");

    static final Table BARS = table("bars", "instrument:S", "bar_interval:S", "start_nanos:L", "end_nanos:L",
            "start_time:T", "end_time:T", "open_price:L", "high_price:L", "low_price:L", "close_price:L",
            "volume:L", "trade_count:L", "price_scale:I", "qty_scale:I");

    static final Table POSITIONS = table("position_snapshots", "snapshot_time_nanos:L", "snapshot_time:T",
            "core_seq:L", "account:S", "instrument:S", "qty:L", "avg_price:L", "mark_price:L", "realised_pnl:L",
            "unrealised_pnl:L", "fees:L", "bought_qty:L", "sold_qty:L", "price_scale:I", "qty_scale:I");

    static final Table ALERTS = table("alerts", "alert_key:S", "severity:S", "source:S", "alert_text:S",
            "alert_time_nanos:L", "alert_time:T", "labels:S");

    static final Table NOTIFICATIONS = table("notification_log", "event:S", "alert_id:L", "alert_key:S",
            "receiver:S", "channel:S", "attempt:N", "outcome:S", "detail:S", "user_name:S", "event_time_nanos:L",
            "event_time:T");

    static final int REPORT_TEXT_MAX = 1000;
    static final int ALERT_KEY_MAX = 200;
    static final int ALERT_SOURCE_MAX = 100;
    static final int ALERT_TEXT_MAX = 4000;
    static final int EVENT_MAX = 24;
    static final int RECEIVER_MAX = 100;
    static final int CHANNEL_MAX = 32;
    static final int OUTCOME_MAX = 24;
    static final int DETAIL_MAX = 2000;
    static final int USER_MAX = 100;

    private HistoryTables() {
    }

    private static Table table(String name, String... columns) {
        List<Column> list = new ArrayList<>(columns.length);
        for (String c : columns) {
            int colon = c.indexOf(':');
            int type = switch (c.charAt(colon + 1)) {
                case 'L' -> Types.BIGINT;
                case 'I' -> Types.SMALLINT;
                case 'N' -> Types.INTEGER;
                case 'S' -> Types.VARCHAR;
                case 'T' -> Types.TIMESTAMP_WITH_TIMEZONE;
                default -> throw new IllegalArgumentException(c);
            };
            list.add(new Column(c.substring(0, colon), type));
        }
        return new Table(name, list);
    }

    static Object[] order(long seq, ExecutionReport r, int priceScale, int quantityScale) {
        return new Object[] {seq, r.execId(), r.orderId(), r.clientOrderId(), r.origClientOrderId(),
            r.account().value(), strategy(r.strategy()), r.instrument().value(), venue(r.venue()), r.side().name(),
            null, null, r.execType().name(), r.status().name(), r.rejectReason().name(), r.cancelReason().name(),
            truncate(r.text(), REPORT_TEXT_MAX), r.lastQuantity(), price(r.lastPrice()), r.cumulativeQuantity(),
            r.leavesQuantity(), price(r.averagePrice()), scale(priceScale), scale(quantityScale),
            r.liquidity().name(), r.transactTimeNanos(), utc(r.transactTimeNanos())};
    }

    static Object[] fill(long seq, ExecutionReport r, int priceScale, int quantityScale) {
        return new Object[] {seq, r.execId(), r.orderId(), r.clientOrderId(), r.account().value(),
            strategy(r.strategy()), r.instrument().value(), r.side().name(), r.lastPrice(), r.lastQuantity(),
            scale(priceScale), scale(quantityScale), r.liquidity().name(), venue(r.venue()), r.transactTimeNanos(),
            utc(r.transactTimeNanos()), r.fee()};
    }

    static Object[] instrument(long seq, long nanos, Instrument i) {
        return new Object[] {seq, i.id().value(), nanos, utc(nanos), i.symbol(), i.venue().value(), i.tickSize(),
            i.lotSize(), i.minQuantity(), i.priceScale(), i.quantityScale(), i.currency()};
    }

    static Object[] account(long seq, long nanos, AccountView a, long capital, int capitalScale) {
        return new Object[] {seq, a.account().value(), nanos, utc(nanos), a.selfTradePrevention(), capital,
            scale(capitalScale)};
    }

    static Object[] bar(String interval, Bar b, int priceScale, int quantityScale) {
        return new Object[] {b.instrument().value(), interval, b.startNanos(), b.endNanos(), utc(b.startNanos()),
            utc(b.endNanos()), b.open(), b.high(), b.low(), b.close(), b.volume(), b.tradeCount(), scale(priceScale),
            scale(quantityScale)};
    }

    static Object[] position(long nanos, long seq, PositionView p, int priceScale, int quantityScale) {
        return new Object[] {nanos, utc(nanos), seq, p.account().value(), p.instrument().value(), p.quantity(),
            p.averagePrice(), p.markPrice(), p.realisedPnl(), p.unrealisedPnl(), p.fees(), p.boughtQuantity(),
            p.soldQuantity(), scale(priceScale), scale(quantityScale)};
    }

    static Object[] alert(Alert a) {
        return new Object[] {truncate(a.key(), ALERT_KEY_MAX), a.severity().name(),
            truncate(a.source(), ALERT_SOURCE_MAX), truncate(a.text(), ALERT_TEXT_MAX), a.timestampNanos(),
            utc(a.timestampNanos()), StringMapJson.write(a.labels())};
    }

    static Object[] notification(NotificationRecord n) {
        return new Object[] {truncate(n.event(), EVENT_MAX), n.alertId(), truncate(n.alertKey(), ALERT_KEY_MAX),
            truncate(n.receiver(), RECEIVER_MAX), truncate(n.channel(), CHANNEL_MAX), n.attempt(),
            truncate(n.outcome(), OUTCOME_MAX), truncate(n.detail(), DETAIL_MAX), truncate(n.user(), USER_MAX),
            n.timestampNanos(), utc(n.timestampNanos())};
    }

    private static Long price(long value) {
        return value == FixedPoint.NULL ? null : value;
    }

    private static Integer scale(int value) {
        return value == OrderEvent.UNKNOWN_SCALE ? null : value;
    }

    private static String strategy(StrategyId id) {
        return id == null ? null : id.value();
    }

    private static String venue(VenueId id) {
        return id == null ? null : id.value();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * @param nanos nanoseconds since the epoch
     * @return the same instant as a UTC date-time
     */
    static OffsetDateTime utc(long nanos) {
        return instant(nanos).atOffset(ZoneOffset.UTC);
    }

    /**
     * @param nanos nanoseconds since the epoch
     * @return the instant
     */
    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
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
}
