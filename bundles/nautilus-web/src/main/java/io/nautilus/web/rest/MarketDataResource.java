package io.nautilus.web.rest;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.MarketSnapshot;
import io.nautilus.web.json.Wire;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebContext.Role;
import io.nautilus.web.server.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.osgi.service.component.annotations.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code /api/v1/marketdata}: the last quote and trade per instrument and an instrument's last completed bars (as
 * {@code nautilus:md} and {@code nautilus:md --bars}).
 */
@Component(service = WebModule.class)
public final class MarketDataResource implements WebModule {

    static final String NOT_RUNNING = "the market-data engine is not running";

    /** The most bars {@code limit} may ask for. */
    static final int MAX_BARS = 1_000;

    @Override
    public void mount(Router router, WebContext context) {
        Api api = new Api(router, context);
        api.get("/marketdata/quotes", Role.VIEWER, ctx -> quotes(api, ctx));
        api.get("/marketdata/bars/:instrument", Role.VIEWER, ctx -> bars(api, ctx));
    }

    private static List<Map<String, Object>> quotes(Api api, RoutingContext ctx) {
        Optional<InstrumentId> only = Api.param(ctx, "instrument").map(MarketDataResource::instrument);
        MarketSnapshot snapshot = api.service(MarketDataService.class, NOT_RUNNING).snapshot();
        Scales scales = new Scales(api.web().service(TradingCoreService.class));
        TreeSet<String> symbols = new TreeSet<>();
        snapshot.quotes().keySet().forEach(id -> symbols.add(id.value()));
        snapshot.trades().keySet().forEach(id -> symbols.add(id.value()));
        only.ifPresent(id -> symbols.retainAll(List.of(id.value())));
        List<Map<String, Object>> out = new ArrayList<>();
        for (String symbol : symbols) {
            InstrumentId id = InstrumentId.of(symbol);
            Quote q = snapshot.quotes().get(id);
            Trade t = snapshot.trades().get(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("instrument", symbol);
            row.put("bidSize", q == null ? null : scales.quantityOrNull(id, q.bidSize()));
            row.put("bidPrice", q == null ? null : scales.priceOrNull(id, q.bidPrice()));
            row.put("askPrice", q == null ? null : scales.priceOrNull(id, q.askPrice()));
            row.put("askSize", q == null ? null : scales.quantityOrNull(id, q.askSize()));
            row.put("lastPrice", t == null ? null : scales.priceOrNull(id, t.price()));
            row.put("lastSize", t == null ? null : scales.quantityOrNull(id, t.size()));
            long time = Math.max(q == null ? 0 : q.timestampNanos(), t == null ? 0 : t.timestampNanos());
            row.put("time", Wire.time(time));
            out.add(row);
        }
        return out;
    }

    private static Map<String, Object> bars(Api api, RoutingContext ctx) {
        InstrumentId id = instrument(ctx.pathParam("instrument"));
        int limit = Api.intParam(ctx, "limit", 50, 1, MAX_BARS);
        MarketDataAdminService admin = api.service(MarketDataAdminService.class, NOT_RUNNING);
        BarSpec spec = spec(admin.barSpecs(), Api.param(ctx, "spec").orElse(null));
        Scales scales = new Scales(api.web().service(TradingCoreService.class));
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Bar bar : admin.bars(id, spec, limit)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("start", Wire.time(bar.startNanos()));
            row.put("end", Wire.time(bar.endNanos()));
            row.put("open", scales.price(id, bar.open()));
            row.put("high", scales.price(id, bar.high()));
            row.put("low", scales.price(id, bar.low()));
            row.put("close", scales.price(id, bar.close()));
            row.put("volume", scales.quantity(id, bar.volume()));
            row.put("trades", bar.tradeCount());
            bars.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instrument", id.value());
        out.put("spec", spec.label());
        out.put("bars", bars);
        return out;
    }

    private static InstrumentId instrument(String text) {
        try {
            return InstrumentId.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + text + "' is not an instrument id: " + e.getMessage());
        }
    }

    /**
     * The spec a request names, as {@code nautilus:md --bars --spec} takes it.
     *
     * @param specs the engine's specs
     * @param text  e.g. {@code 1m}, {@code time:1m}, {@code ticks:100}; null for the first configured one
     * @return the spec
     * @throws ApiException 400 when the engine builds no bars or not that spec
     */
    static BarSpec spec(List<BarSpec> specs, String text) {
        try {
            return BarSpec.find(specs, text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

}
