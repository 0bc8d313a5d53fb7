package io.nautilus.web.rest;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.web.json.ExecutionJson;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebModule;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.osgi.service.component.annotations.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders under {@code /api/v1/orders}: list and filter (viewer), one order with its execution reports (viewer),
 * submit, cancel and replace (trader). A command the core rejects answers 422 with the shell's reason.
 */
@Component(service = WebModule.class)
public final class OrderResources implements WebModule {

    /** Seconds to wait for the core to process a command, as the shell does. */
    static final int ANSWER_TIMEOUT_SECONDS = 10;
    /** Most orders one list gives. */
    static final int MAX_LIMIT = 10_000;
    /** Orders a list gives without {@code limit}. */
    static final int DEFAULT_LIMIT = 500;

    private final AtomicLong lastClientOrderId = new AtomicLong();
    private final KnownAccounts accounts = new KnownAccounts();

    @Override
    public void mount(Router router, WebContext web) {
        router.get("/api/v1/orders").handler(ctx -> list(ctx, web));
        router.get("/api/v1/orders/:id").handler(ctx -> {
            String text = ctx.pathParam("id");
            CoreResources.withCore(ctx, web, core -> {
                long id = orderId(text);
                OrderHistory order = core.orderHistory(id)
                        .orElseThrow(() -> new CoreResources.NotFound("order " + id + " is not known to the core"
                                + " (never existed, or no longer in its order memory)"));
                return Json.OrderJson.of(order, core.instrument(order.instrument()).orElse(null), true);
            });
        });
        router.post("/api/v1/orders").handler(ctx -> submit(ctx, web));
        router.delete("/api/v1/orders/:id").handler(ctx -> cancel(ctx, web));
        router.patch("/api/v1/orders/:id").handler(ctx -> replace(ctx, web));
    }

    private static void list(RoutingContext ctx, WebContext web) {
        var params = ctx.queryParams();
        String account = params.get("account");
        String instrument = params.get("instrument");
        String state = params.get("state");
        String limit = params.get("limit");
        CoreResources.withCore(ctx, web, core -> {
            AccountId accountId = account == null ? null : CoreResources.Catalog.account(core, account);
            InstrumentId instrumentId = instrument == null ? null
                    : CoreResources.Catalog.instrumentId(core, instrument);
            OrderStateFilter filter = state == null ? OrderStateFilter.WORKING
                    : Decimals.choice("state", state, OrderStateFilter.class);
            int max = CoreResources.Catalog.intParam("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
            Map<String, Instrument> instruments = CoreResources.Catalog.byId(core);
            List<Json.OrderJson> list = new ArrayList<>();
            for (OrderHistory order : core.orderHistories(new OrderFilter(accountId, instrumentId, null, max),
                    filter)) {
                list.add(Json.OrderJson.of(order, instruments.get(order.instrument().value()), false));
            }
            return list;
        });
    }

    private void submit(RoutingContext ctx, WebContext web) {
        if (!web.requireRole(ctx, WebContext.Role.TRADER)) {
            return;
        }
        Optional<OrderTicket> read = web.body(ctx, OrderTicket.class);
        if (read.isEmpty()) {
            return;
        }
        OrderTicket ticket = read.get();
        Optional<TradingCoreService> service = core(ctx, web);
        if (service.isEmpty()) {
            return;
        }
        TradingCoreService core = service.get();
        if (ticket.account() == null || ticket.instrument() == null) {
            web.problem(ctx, 400, "Invalid request", "account and instrument are needed");
            return;
        }
        Optional<AccountId> known = accounts.find(core, ticket.account());
        if (known.isPresent()) {
            Prepared prepared;
            try {
                prepared = prepare(core, ticket, known.get());
            } catch (RuntimeException e) {
                badRequest(ctx, web, e);
                return;
            }
            send(ctx, web, core, ticket, prepared);
            return;
        }
        web.vertx().executeBlocking(() -> prepare(core, ticket, accounts.lookUp(core, ticket.account())), false)
                .onComplete(built -> {
                    if (built.failed()) {
                        badRequest(ctx, web, built.cause());
                        return;
                    }
                    send(ctx, web, core, ticket, built.result());
                });
    }

    /** Builds the order from the ticket: instrument lookup and decimals, no call that waits for the core. */
    private Prepared prepare(TradingCoreService core, OrderTicket ticket, AccountId account) {
        Instrument definition = CoreResources.Catalog.instrument(core, ticket.instrument())
                .orElseThrow(() -> new CoreResources.NotFound("unknown instrument " + ticket.instrument()));
        VenueId venue = ticket.venue() == null || ticket.venue().isBlank() ? null : VenueId.of(ticket.venue());
        return new Prepared(ticket.toOrder(nextClientOrderId(), account, definition, Instant.now()), venue);
    }

    private static void send(RoutingContext ctx, WebContext web, TradingCoreService core, OrderTicket ticket,
                             Prepared prepared) {
        NewOrder order = prepared.order();
        web.audit(ctx, "submit order client id " + order.clientOrderId() + " " + order.account().value() + " "
                + order.side() + " " + ticket.quantity() + " " + order.instrument().value()
                + (ticket.price() != null ? " @ " + ticket.price() : "") + " " + order.type() + " "
                + order.timeInForce());
        answer(ctx, web, core, core.submit(order, prepared.venue()), "the order", "Order rejected", 201);
    }

    private static void cancel(RoutingContext ctx, WebContext web) {
        if (!web.requireRole(ctx, WebContext.Role.TRADER)) {
            return;
        }
        long id;
        try {
            id = orderId(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            web.problem(ctx, 400, "Invalid request", e.getMessage());
            return;
        }
        Optional<TradingCoreService> core = core(ctx, web);
        if (core.isEmpty()) {
            return;
        }
        web.audit(ctx, "cancel order " + id);
        answer(ctx, web, core.get(), core.get().cancel(id), "the cancel", "Cancel rejected", 200);
    }

    private static void replace(RoutingContext ctx, WebContext web) {
        if (!web.requireRole(ctx, WebContext.Role.TRADER)) {
            return;
        }
        Optional<ReplaceRequest> read = web.body(ctx, ReplaceRequest.class);
        if (read.isEmpty()) {
            return;
        }
        ReplaceRequest request = read.get();
        String text = ctx.pathParam("id");
        Optional<TradingCoreService> service = core(ctx, web);
        if (service.isEmpty()) {
            return;
        }
        TradingCoreService core = service.get();
        web.vertx().executeBlocking(() -> {
            long id = orderId(text);
            if (request.price() == null && request.quantity() == null) {
                throw new IllegalArgumentException("give price, quantity or both");
            }
            OrderView order = core.order(id).orElseThrow(() -> new CoreResources.NotFound("order " + id
                    + " is not working (unknown, or already filled, canceled or expired)"));
            Instrument definition = core.instrument(order.instrument()).orElseThrow(() ->
                    new CoreResources.NotFound("unknown instrument " + order.instrument().value()));
            long price = request.price() == null ? FixedPoint.NULL
                    : Decimals.parse("price", request.price(), definition.priceScale());
            long quantity = request.quantity() == null ? FixedPoint.NULL
                    : Decimals.parsePositive("quantity", request.quantity(), definition.quantityScale());
            return new long[] {id, price, quantity};
        }, false).onComplete(built -> {
            if (built.failed()) {
                badRequest(ctx, web, built.cause());
                return;
            }
            long[] r = built.result();
            web.audit(ctx, "replace order " + r[0] + (request.price() != null ? " price " + request.price() : "")
                    + (request.quantity() != null ? " quantity " + request.quantity() : ""));
            answer(ctx, web, core, core.replace(r[0], r[1], r[2]), "the replace", "Replace rejected", 200);
        });
    }

    private static Optional<TradingCoreService> core(RoutingContext ctx, WebContext web) {
        Optional<TradingCoreService> core = web.service(TradingCoreService.class);
        if (core.isEmpty()) {
            web.problem(ctx, 503, "Trading core unavailable", "the trading core is not running");
        }
        return core;
    }

    private static void badRequest(RoutingContext ctx, WebContext web, Throwable cause) {
        if (cause instanceof CoreResources.NotFound notFound) {
            web.problem(ctx, 404, "Not found", notFound.getMessage());
        } else if (cause instanceof IllegalArgumentException bad) {
            web.problem(ctx, 400, "Invalid request", bad.getMessage());
        } else {
            ctx.fail(cause);
        }
    }

    private static void answer(RoutingContext ctx, WebContext web, TradingCoreService core,
                               CompletableFuture<CommandResult> future, String what, String rejected,
                               int status) {
        Context context = ctx.vertx().getOrCreateContext();
        future.orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((result, error) ->
                context.runOnContext(ignored -> reply(ctx, web, core, result, error, what, rejected, status)));
    }

    /** Answers a command on the request's event loop (never on the core's thread that completed it). */
    private static void reply(RoutingContext ctx, WebContext web, TradingCoreService core, CommandResult result,
                              Throwable error, String what, String rejected, int status) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                web.problem(ctx, 504, "No answer from the trading core", "no answer from the trading core within "
                        + ANSWER_TIMEOUT_SECONDS + " s for " + what + "; it may still be processed (check GET"
                        + " /api/v1/orders)");
            } else {
                web.problem(ctx, 503, "Trading core unavailable", "the trading core did not process " + what
                        + ": " + (cause.getMessage() != null ? cause.getMessage()
                        : cause.getClass().getSimpleName()));
            }
            return;
        }
        Instrument definition = null;
        for (ExecutionReport report : result.reports()) {
            definition = core.instrument(report.instrument()).orElse(definition);
        }
        if (!result.accepted()) {
            web.problem(ctx, 422, rejected, Outcomes.describe(result, definition));
            return;
        }
        if (status == 201) {
            ctx.response().putHeader("Location", "/api/v1/orders/" + result.orderId());
        }
        web.json(ctx, status, CommandJson.of(result, definition));
    }

    private static long orderId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new IllegalArgumentException("order id '" + text + "' is not a number greater than zero");
    }

    private long nextClientOrderId() {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return lastClientOrderId.updateAndGet(previous -> Math.max(previous + 1, Math.max(micros, 1)));
    }

    private record Prepared(NewOrder order, VenueId venue) {
    }

    /**
     * The account names the core had when last asked: a submit for one of them checks its account without a query
     * that waits for the core's pipeline (an account removed since is still refused by the core, with its reason);
     * an unknown name asks the core again.
     */
    private static final class KnownAccounts {

        private record Names(TradingCoreService core, Set<String> names) {
        }

        private volatile Names known = new Names(null, Set.of());

        Optional<AccountId> find(TradingCoreService core, String name) {
            Names names = known;
            return names.core() == core && names.names().contains(name) ? Optional.of(AccountId.of(name))
                    : Optional.empty();
        }

        /** Asks the core (waits for its pipeline): off the event loop. */
        AccountId lookUp(TradingCoreService core, String name) {
            Set<String> names = new HashSet<>();
            for (AccountView account : core.accounts()) {
                names.add(account.account().value());
            }
            known = new Names(core, Set.copyOf(names));
            if (!names.contains(name)) {
                throw new CoreResources.NotFound("unknown account " + name);
            }
            return AccountId.of(name);
        }
    }

    /**
     * {@code PATCH /api/v1/orders/{id}}'s body.
     *
     * @param price    the new limit price as a decimal, or null to keep it
     * @param quantity the new total quantity as a decimal, or null to keep it
     */
    record ReplaceRequest(String price, String quantity) {
    }

    /** What a command did: its order id, journal seq, the order's state after it, its reports. */
    record CommandJson(long orderId, long clientOrderId, long seq, String status, List<ExecutionJson> reports) {
        static CommandJson of(CommandResult result, Instrument definition) {
            List<ExecutionJson> reports = new ArrayList<>();
            String status = null;
            long clientOrderId = 0;
            for (ExecutionReport report : result.reports()) {
                reports.add(ExecutionJson.of(result.seq(), report, definition));
                status = report.status().name();
                clientOrderId = report.clientOrderId();
            }
            return new CommandJson(result.orderId(), clientOrderId, result.seq(), status, reports);
        }
    }
}
