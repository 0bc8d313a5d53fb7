package io.nautilus.web.rest;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.web.json.PnlJson;
import io.nautilus.web.json.PositionJson;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The trading core's resources under {@code /api/v1}: status, instruments, accounts, positions, P&amp;L and books
 * (viewer); orders are {@link OrderResources}. Core reads run off the event loop (they wait for the core's
 * pipeline); decimals are strings at the instrument's scales.
 */
@Component(service = WebModule.class)
public final class CoreResources implements WebModule {

    /** Most levels per side {@code GET /books/{instrument}} gives. */
    static final int MAX_DEPTH = 100;

    private volatile BundleContext bundles;

    /**
     * Starts in the platform, where the status lists the platform's bundles.
     *
     * @param context the web bundle's context
     */
    @Activate
    public void activate(BundleContext context) {
        this.bundles = context;
    }

    /** @return the platform's bundles ({@code io.nautilus.*}) with their versions and states, by name */
    private List<Json.EngineJson> engines() {
        BundleContext context = bundles;
        List<Json.EngineJson> list = new ArrayList<>();
        if (context == null) {
            return list;
        }
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && name.startsWith("io.nautilus.")) {
                list.add(new Json.EngineJson(name, bundle.getVersion().toString(), state(bundle.getState())));
            }
        }
        list.sort(java.util.Comparator.comparing(Json.EngineJson::bundle));
        return list;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }

    @Override
    public void mount(Router router, WebContext web) {
        router.get("/api/v1/status").handler(ctx -> status(ctx, web, engines()));
        router.get("/api/v1/instruments").handler(ctx -> withCore(ctx, web, core -> {
            List<Json.InstrumentJson> list = new ArrayList<>();
            for (Instrument instrument : core.instruments()) {
                list.add(Json.InstrumentJson.of(instrument));
            }
            return list;
        }));
        router.get("/api/v1/instruments/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            withCore(ctx, web, core -> Catalog.instrument(core, id).map(Json.InstrumentJson::of)
                    .orElseThrow(() -> new NotFound("unknown instrument " + id)));
        });
        router.get("/api/v1/accounts").handler(ctx -> withCore(ctx, web, core -> {
            List<Json.AccountJson> list = new ArrayList<>();
            for (AccountView account : core.accounts()) {
                list.add(new Json.AccountJson(account.account().value(), account.selfTradePrevention(),
                        account.state().name()));
            }
            return list;
        }));
        router.get("/api/v1/positions").handler(ctx -> {
            String account = ctx.queryParams().get("account");
            withCore(ctx, web, core -> {
                AccountId id = account == null ? null : Catalog.account(core, account);
                Map<String, Instrument> instruments = Catalog.byId(core);
                List<PositionJson> list = new ArrayList<>();
                for (PositionView p : core.positions(id)) {
                    list.add(PositionJson.of(p, instruments.get(p.instrument().value())));
                }
                return list;
            });
        });
        router.get("/api/v1/pnl").handler(ctx -> {
            String account = ctx.queryParams().get("account");
            withCore(ctx, web, core -> {
                AccountId id = account == null ? null : Catalog.account(core, account);
                int scale = PnlJson.scale(core);
                List<PnlJson> list = new ArrayList<>();
                for (AccountPnl pnl : core.pnl(id)) {
                    list.add(PnlJson.of(pnl, scale));
                }
                return list;
            });
        });
        router.get("/api/v1/books/:instrument").handler(ctx -> {
            String instrument = ctx.pathParam("instrument");
            String depthText = ctx.queryParams().get("depth");
            withCore(ctx, web, core -> {
                Instrument definition = Catalog.instrument(core, instrument)
                        .orElseThrow(() -> new NotFound("unknown instrument " + instrument));
                int depth = Catalog.intParam("depth", depthText, 10, 1, MAX_DEPTH);
                BookView book = core.book(definition.id(), depth);
                return Json.BookJson.of(book, definition);
            });
        });
    }

    private static void status(RoutingContext ctx, WebContext web, List<Json.EngineJson> engines) {
        Optional<TradingCoreService> core = web.service(TradingCoreService.class);
        WebContext.User user = web.user(ctx);
        if (core.isEmpty()) {
            web.json(ctx, 200, new Json.StatusJson(Instant.now(), user.name(), roleName(user.role()), false, 0, 0, 0,
                    engines));
            return;
        }
        run(ctx, web, () -> {
            TradingCoreService c = core.get();
            return new Json.StatusJson(Instant.now(), user.name(), roleName(user.role()), true,
                    c.instruments().size(), c.accounts().size(), c.orders(OrderFilter.ALL).size(), engines);
        });
    }

    /**
     * Runs a read of the core off the event loop and answers with its result as JSON, 503 when the core is not
     * running, 404 for {@link NotFound}, 400 for an {@link IllegalArgumentException} (a bad parameter).
     */
    static void withCore(RoutingContext ctx, WebContext web, CoreCall<Object> call) {
        Optional<TradingCoreService> core = web.service(TradingCoreService.class);
        if (core.isEmpty()) {
            web.problem(ctx, 503, "Trading core unavailable", "the trading core is not running");
            return;
        }
        run(ctx, web, () -> call.apply(core.get()));
    }

    static void run(RoutingContext ctx, WebContext web, Callable<Object> call) {
        web.vertx().executeBlocking(call, false).onComplete(done -> {
            if (done.succeeded()) {
                web.json(ctx, 200, done.result());
            } else if (done.cause() instanceof NotFound notFound) {
                web.problem(ctx, 404, "Not found", notFound.getMessage());
            } else if (done.cause() instanceof IllegalArgumentException bad) {
                web.problem(ctx, 400, "Invalid request", bad.getMessage());
            } else {
                ctx.fail(done.cause());
            }
        });
    }

    static String roleName(WebContext.Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A read of the trading core. */
    @FunctionalInterface
    interface CoreCall<T> {
        T apply(TradingCoreService core) throws Exception;
    }

    /** Nothing at the requested id: 404. */
    static final class NotFound extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** Ids as the shell takes them. */
    static final class Catalog {

        private Catalog() {
        }

        static Optional<Instrument> instrument(TradingCoreService core, String text) {
            InstrumentId id;
            try {
                id = InstrumentId.of(text);
            } catch (IllegalArgumentException notAnId) {
                id = null;
            }
            Optional<Instrument> byId = id == null ? Optional.empty() : core.instrument(id);
            if (byId.isPresent()) {
                return byId;
            }
            for (Instrument instrument : core.instruments()) {
                if (instrument.symbol().equals(text)) {
                    return Optional.of(instrument);
                }
            }
            return Optional.empty();
        }

        static AccountId account(TradingCoreService core, String text) {
            for (AccountView account : core.accounts()) {
                if (account.account().value().equals(text)) {
                    return account.account();
                }
            }
            throw new NotFound("unknown account " + text);
        }

        static Map<String, Instrument> byId(TradingCoreService core) {
            Map<String, Instrument> map = new HashMap<>();
            for (Instrument instrument : core.instruments()) {
                map.put(instrument.id().value(), instrument);
            }
            return map;
        }

        static int intParam(String name, String text, int fallback, int min, int max) {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            int value;
            try {
                value = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " " + text + " is not a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " " + value + " must be within " + min + ".." + max);
            }
            return value;
        }

        static InstrumentId instrumentId(TradingCoreService core, String text) {
            return instrument(core, text).map(Instrument::id)
                    .orElseThrow(() -> new NotFound("unknown instrument " + text));
        }
    }
}
