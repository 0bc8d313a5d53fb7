package io.nautilus.web.rest;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
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
import io.nautilus.web.json.Wire;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebContext.Role;
import io.nautilus.web.server.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.osgi.service.component.annotations.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /api/v1/history/{orders|fills|positions|bars|alerts|notifications|instruments|accounts|backtests}}: what
 * the history store kept, newest first (definitions of instruments and accounts oldest first), with the filters of
 * {@code nautilus:history} ({@code account}, {@code instrument}, {@code from} inclusive, {@code to} exclusive,
 * {@code limit}); {@code GET /api/v1/history/status}: the store's state, lag, rows written and last error.
 */
@Component(service = WebModule.class)
public final class HistoryResource implements WebModule {

    static final String NOT_RUNNING = "the history store is not running";

    /** The kinds {@code /history/{kind}} serves. */
    static final List<String> KINDS = List.of("orders", "fills", "positions", "bars", "alerts", "notifications",
            "instruments", "accounts", "backtests", "status");

    /** The query parameters; {@code status} takes none. */
    static final List<String> PARAMETERS = List.of("account", "instrument", "from", "to", "limit");

    @Override
    public void mount(Router router, WebContext context) {
        Api api = new Api(router, context);
        api.get("/history/:kind", Role.VIEWER, ctx -> query(api, ctx));
    }

    private static Object query(Api api, RoutingContext ctx) {
        String kind = ctx.pathParam("kind");
        if (!KINDS.contains(kind)) {
            throw ApiException.notFound("unknown history '" + kind + "'; use one of " + String.join(", ", KINDS));
        }
        switch (kind) {
            case "bars", "instruments" -> refuse(ctx, kind, "account");
            case "alerts", "notifications", "backtests" -> {
                refuse(ctx, kind, "account");
                refuse(ctx, kind, "instrument");
            }
            case "accounts" -> refuse(ctx, kind, "instrument");
            case "status" -> PARAMETERS.forEach(parameter -> refuse(ctx, kind, parameter));
            default -> {
            }
        }
        HistoryQuery query = query(ctx);
        HistoryService store = api.service(HistoryService.class, NOT_RUNNING);
        try {
            return switch (kind) {
                case "status" -> json(store.status());
                case "instruments" -> definitions(store.instruments(), query, r -> r.instrument().id(),
                        query.instrument(), InstrumentRecord::definedAt).stream().map(HistoryResource::json).toList();
                case "accounts" -> definitions(store.accounts(), query, AccountRecord::account, query.account(),
                        AccountRecord::definedAt).stream().map(HistoryResource::json).toList();
                case "backtests" -> store.backtestRuns(query).stream().map(HistoryResource::json).toList();
                case "orders" -> store.orders(query).stream().map(HistoryResource::json).toList();
                case "fills" -> store.fills(query).stream().map(HistoryResource::json).toList();
                case "positions" -> store.positions(query).stream().map(HistoryResource::json).toList();
                case "bars" -> store.bars(query).stream().map(HistoryResource::json).toList();
                case "alerts" -> store.alerts(query).stream().map(HistoryResource::json).toList();
                default -> store.notifications(query).stream().map(HistoryResource::json).toList();
            };
        } catch (HistoryUnavailableException e) {
            throw ApiException.unavailable("the history store cannot answer: " + e.getMessage());
        }
    }

    /**
     * The definitions in the query's range, as {@code nautilus:history instruments|accounts} picks them: only the
     * wanted id when one is given, defined at or after {@code from} and before {@code to}, the first {@code limit}
     * (oldest first).
     */
    private static <T, K> List<T> definitions(List<T> all, HistoryQuery query, Function<T, K> key, K wanted,
                                              Function<T, Instant> time) {
        List<T> rows = new ArrayList<>();
        for (T r : all) {
            if (rows.size() < query.limit() && (wanted == null || wanted.equals(key.apply(r)))
                    && (query.from() == null || !time.apply(r).isBefore(query.from()))
                    && (query.to() == null || time.apply(r).isBefore(query.to()))) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static void refuse(RoutingContext ctx, String kind, String parameter) {
        if (Api.param(ctx, parameter).isPresent()) {
            throw ApiException.badRequest(parameter + " does not apply to history " + kind);
        }
    }

    /**
     * The filter a request's parameters say.
     *
     * @param ctx the request
     * @return the query
     * @throws ApiException 400 naming the parameter and value when one is malformed or out of range
     */
    static HistoryQuery query(RoutingContext ctx) {
        AccountId account = Api.param(ctx, "account").map(text -> {
            try {
                return AccountId.of(text);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("account '" + text + "' is not an account id (1 to 64 letters,"
                        + " digits or . _ - : /)");
            }
        }).orElse(null);
        InstrumentId instrument = Api.param(ctx, "instrument").map(text -> {
            try {
                return InstrumentId.of(text);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("instrument '" + text + "' is not an instrument id: " + e.getMessage());
            }
        }).orElse(null);
        Instant from = time(ctx, "from").orElse(null);
        Instant to = time(ctx, "to").orElse(null);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("from " + from + " is after to " + to);
        }
        int limit = Api.intParam(ctx, "limit", HistoryQuery.DEFAULT_LIMIT, 1, HistoryQuery.MAX_LIMIT);
        return new HistoryQuery(account, instrument, from, to, limit);
    }

    private static Optional<Instant> time(RoutingContext ctx, String name) {
        return Api.param(ctx, name).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw ApiException.badRequest(name + " '" + text + "' is not a UTC ISO-8601 instant such as"
                            + " 2026-12-06T09:30:00Z nor a date such as 2026-12-06");
                }
            }
        });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static Map<String, Object> json(OrderEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", Wire.time(e.eventTime()));
        out.put("coreSeq", e.coreSeq());
        out.put("execId", e.execId());
        out.put("orderId", e.orderId());
        out.put("clientOrderId", e.clientOrderId());
        out.put("origClientOrderId", e.origClientOrderId() == 0 ? null : e.origClientOrderId());
        out.put("account", text(e.account()));
        out.put("strategy", text(e.strategy()));
        out.put("instrument", text(e.instrument()));
        out.put("venue", text(e.venue()));
        out.put("side", text(e.side()));
        out.put("type", text(e.orderType()));
        out.put("timeInForce", text(e.timeInForce()));
        out.put("execType", text(e.execType()));
        out.put("status", text(e.status()));
        out.put("rejectReason", text(e.rejectReason()));
        out.put("cancelReason", text(e.cancelReason()));
        out.put("text", blankAsNull(e.text()));
        out.put("lastQuantity", Wire.nonZero(e.lastQuantity(), e.quantityScale()));
        out.put("lastPrice", Wire.nonZero(e.lastPrice(), e.priceScale()));
        out.put("cumulativeQuantity", Wire.decimal(e.cumulativeQuantity(), e.quantityScale()));
        out.put("leavesQuantity", Wire.decimal(e.leavesQuantity(), e.quantityScale()));
        out.put("averagePrice", Wire.nonZero(e.averagePrice(), e.priceScale()));
        out.put("liquidity", text(e.liquidity()));
        return out;
    }

    static Map<String, Object> json(FillEvent f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", Wire.time(f.time()));
        out.put("coreSeq", f.coreSeq());
        out.put("execId", f.execId());
        out.put("orderId", f.orderId());
        out.put("clientOrderId", f.clientOrderId());
        out.put("account", text(f.account()));
        out.put("strategy", text(f.strategy()));
        out.put("instrument", text(f.instrument()));
        out.put("side", text(f.side()));
        out.put("price", Wire.decimal(f.price(), f.priceScale()));
        out.put("quantity", Wire.decimal(f.quantity(), f.quantityScale()));
        out.put("fee", Wire.decimal(f.fee(), f.priceScale()));
        out.put("liquidity", text(f.liquidity()));
        out.put("venue", text(f.venue()));
        return out;
    }

    static Map<String, Object> json(PositionSnapshot p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", Wire.time(p.time()));
        out.put("coreSeq", p.coreSeq());
        out.put("account", text(p.account()));
        out.put("instrument", text(p.instrument()));
        out.put("quantity", Wire.decimal(p.quantity(), p.quantityScale()));
        out.put("averagePrice", Wire.nonZero(p.averagePrice(), p.priceScale()));
        out.put("markPrice", Wire.nonZero(p.markPrice(), p.priceScale()));
        out.put("realisedPnl", Wire.decimal(p.realisedPnl(), p.priceScale()));
        out.put("unrealisedPnl", Wire.decimal(p.unrealisedPnl(), p.priceScale()));
        out.put("fees", Wire.decimal(p.fees(), p.priceScale()));
        return out;
    }

    static Map<String, Object> json(BarRecord record) {
        Bar bar = record.bar();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instrument", text(bar.instrument()));
        out.put("spec", blankAsNull(record.spec()));
        out.put("start", Wire.time(bar.startNanos()));
        out.put("end", Wire.time(bar.endNanos()));
        out.put("open", Wire.decimal(bar.open(), record.priceScale()));
        out.put("high", Wire.decimal(bar.high(), record.priceScale()));
        out.put("low", Wire.decimal(bar.low(), record.priceScale()));
        out.put("close", Wire.decimal(bar.close(), record.priceScale()));
        out.put("volume", Wire.decimal(bar.volume(), record.quantityScale()));
        out.put("trades", bar.tradeCount());
        return out;
    }

    static Map<String, Object> json(AlertRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", record.id());
        out.put("time", Wire.time(record.alert().timestampNanos()));
        out.put("key", record.alert().key());
        out.put("severity", record.alert().severity().name());
        out.put("source", record.alert().source());
        out.put("text", record.alert().text());
        out.put("labels", record.alert().labels());
        return out;
    }

    static Map<String, Object> json(NotificationRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("time", Wire.time(r.timestampNanos()));
        out.put("event", r.event());
        out.put("alertId", r.alertId() <= 0 ? null : r.alertId());
        out.put("alertKey", blankAsNull(r.alertKey()));
        out.put("receiver", blankAsNull(r.receiver()));
        out.put("channel", blankAsNull(r.channel()));
        out.put("attempt", r.attempt());
        out.put("outcome", blankAsNull(r.outcome()));
        out.put("detail", blankAsNull(r.detail()));
        out.put("user", blankAsNull(r.user()));
        return out;
    }

    static Map<String, Object> json(InstrumentRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("definedAt", Wire.time(r.definedAt()));
        out.put("coreSeq", r.coreSeq());
        out.put("instrument", Json.InstrumentJson.of(r.instrument()));
        return out;
    }

    static Map<String, Object> json(AccountRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("definedAt", Wire.time(r.definedAt()));
        out.put("coreSeq", r.coreSeq());
        out.put("account", text(r.account()));
        out.put("selfTradePrevention", blankAsNull(r.selfTradePrevention()));
        out.put("capital", Wire.decimal(r.capital(), r.capitalScale()));
        return out;
    }

    static Map<String, Object> json(BacktestRun r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.runId());
        out.put("strategy", r.strategy());
        out.put("parameters", r.parameters());
        out.put("dataFrom", Wire.time(r.dataFrom()));
        out.put("dataTo", Wire.time(r.dataTo()));
        out.put("started", Wire.time(r.startedAt()));
        out.put("finished", Wire.time(r.finishedAt()));
        out.put("status", r.status());
        out.put("results", r.results());
        return out;
    }

    static Map<String, Object> json(HistoryStatus s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s.state());
        out.put("database", s.database());
        out.put("schemaVersion", s.schemaVersion());
        out.put("coreSeq", s.coreSeq());
        out.put("writtenSeq", s.writtenSeq());
        out.put("lagSeq", s.lagSeq());
        out.put("lagMillis", s.lagMillis());
        out.put("behindFromSeq", s.behindFromSeq());
        out.put("queued", s.queued());
        out.put("rowsWritten", s.rowsWritten());
        out.put("dropped", s.dropped());
        out.put("catchUps", s.catchUps());
        out.put("errors", s.errors());
        out.put("lastError", s.lastError());
        out.put("lastErrorAt", Wire.time(s.lastErrorAt()));
        return out;
    }
}
