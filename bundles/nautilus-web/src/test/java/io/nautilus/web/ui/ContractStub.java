package io.nautilus.web.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the platform's web tier while the dashboard is built: it serves the dashboard's folder and answers
 * the REST/WebSocket contract with canned data (users {@code admin}, {@code trader} and {@code viewer}, each
 * with their name as password and as role; the demo market maker's
 * position on SIM-BTC moving every 200 ms and its two quotes re-quoted every second with new order ids, so the
 * working orders change while a test works in them; working orders, one open alert that fires again every second,
 * one finished backtest; stopping a strategy raises an alert; the last 30 one-minute bars of SIM-BTC, a new one and a
 * tick bar every second on {@code bars:SIM-BTC}). It checks what the
 * contract demands of a client (session cookie, {@code X-CSRF-Token} on state changes, a viewer changes nothing) and
 * records every
 * state-changing request, so a test can see what the page sent. Bound to 127.0.0.1 on a free port.
 */
final class ContractStub implements AutoCloseable {

    /** A state-changing request as the stub received it. */
    record Call(String method, String path, String csrf, Map<String, Object> body) {
    }

    /** A signed-in user: their role and their CSRF token. */
    private record Session(String user, String role, String csrf) {
    }

    private static final String COOKIE = "NAUTILUS_SESSION";
    private static final Set<String> USERS = Set.of("admin", "trader", "viewer");

    private final ObjectMapper json = new ObjectMapper();
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<Long, Map<String, Object>> orders = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> quotes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> alerts = new ConcurrentHashMap<>();
    private final Map<String, String> strategyState = new ConcurrentHashMap<>(Map.of("mm-demo", "RUNNING"));
    private final Map<ServerWebSocket, Set<String>> sockets = new ConcurrentHashMap<>();
    private final AtomicLong nextOrder = new AtomicLong(1001);
    private final AtomicLong nextQuote = new AtomicLong(9001);
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong nextBar = new AtomicLong(30);
    private final AtomicLong timeBarsDelivered = new AtomicLong();
    private final Instant firstBar = Instant.parse("2026-12-06T08:00:00Z");
    private volatile long position = 3;
    private volatile long tick;

    ContractStub() throws Exception {
        alerts.put("a-1", new ConcurrentHashMap<>(Map.of("id", "a-1", "state", "FIRING", "severity", "WARNING",
                "key", "venue.SIM.latency", "count", 3, "last", "2026-12-06T07:30:00.123456789Z",
                "text", "SIM round trip above 5 ms")));
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.post("/api/v1/login").handler(this::login);
        router.route().handler(ctx -> {
            // the server's headers: the dashboard must work under its Content-Security-Policy
            ctx.response().putHeader("X-Frame-Options", "DENY").putHeader("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self';"
                            + " frame-ancestors 'none'");
            ctx.next();
        });
        StaticHandler files = StaticHandler.create("web").setCachingEnabled(false);
        // as the server: only the login page and its folder are served to anyone
        router.getWithRegex("/login\\.html|/login/[^/]+").handler(files);
        router.route().handler(this::authenticated);
        routes(router);
        router.get("/*").handler(files);
        server = vertx.createHttpServer()
                .webSocketHandler(this::stream)
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.setPeriodic(200, id -> move());
    }

    /** @return the dashboard's address, e.g. {@code http://127.0.0.1:41234/} */
    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/";
    }

    /** @return the state-changing requests received so far */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** @return how many one-minute bars of {@code bars:SIM-BTC} were sent to subscribers (all the same page's) */
    long timeBarsDelivered() {
        return timeBarsDelivered.get();
    }

    /**
     * Fills a working order completely: it leaves the working orders and an execution report says so.
     *
     * @param id the order id
     */
    void fill(long id) {
        Map<String, Object> order = orders.remove(id);
        if (order == null) {
            throw new IllegalArgumentException("no working order " + id);
        }
        publish("executions", Map.of("orderId", id, "execType", "FILL"));
    }

    /** @return the state of an alert */
    String alertState(String id) {
        return String.valueOf(alerts.get(id).get("state"));
    }

    /** @return the ids of the working orders submitted through the API (not the demo market maker's quotes) */
    Set<Long> workingOrders() {
        return Set.copyOf(orders.keySet());
    }

    private void login(RoutingContext ctx) {
        Map<?, ?> body = ctx.body().asJsonObject().getMap();
        Object user = body.get("username");
        if (!USERS.contains(user) || !user.equals(body.get("password"))) {
            problem(ctx, 401, "Login failed", "wrong user name or password");
            return;
        }
        String id = UUID.randomUUID().toString();
        Session session = new Session((String) user, (String) user, UUID.randomUUID().toString());
        sessions.put(id, session);
        ctx.response().addCookie(Cookie.cookie(COOKIE, id).setHttpOnly(true).setPath("/")
                .setSameSite(CookieSameSite.STRICT));
        send(ctx, 200, Map.of("user", session.user(), "role", session.role(), "csrfToken", session.csrf()));
    }

    private Session session(RoutingContext ctx) {
        return ctx.get("session");
    }

    private void authenticated(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        Session session = cookie == null ? null : sessions.get(cookie.getValue());
        if (session == null) {
            String path = ctx.request().path();
            if (!path.startsWith("/api/") && (path.equals("/") || path.endsWith(".html"))) {
                ctx.redirect("/login.html");
            } else {
                problem(ctx, 401, "Unauthenticated", "log in first");
            }
            return;
        }
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            String token = ctx.request().getHeader("X-CSRF-Token");
            Map<String, Object> body = ctx.body().length() > 0 ? ctx.body().asJsonObject().getMap() : Map.of();
            calls.add(new Call(method.name(), ctx.request().path(), token, body));
            if (!session.csrf().equals(token)) {
                problem(ctx, 403, "Forbidden", "missing or wrong X-CSRF-Token");
                return;
            }
            if ("viewer".equals(session.role()) && !ctx.request().path().equals("/api/v1/logout")) {
                problem(ctx, 403, "Forbidden", "viewer may not " + method + " " + ctx.request().path());
                return;
            }
        }
        ctx.put("session", session);
        ctx.next();
    }

    private void routes(Router router) {
        router.get("/api/v1/me").handler(ctx -> send(ctx, 200, Map.of("user", session(ctx).user(),
                "role", session(ctx).role(), "auth", "session", "csrfToken", session(ctx).csrf())));
        router.post("/api/v1/logout").handler(ctx -> {
            sessions.values().remove(session(ctx));
            ctx.response().setStatusCode(204).end();
        });
        router.get("/api/v1/status").handler(ctx -> send(ctx, 200,
                Map.of("user", session(ctx).user(), "role", session(ctx).role(), "coreRunning", true, "instruments", 2, "accounts", 2,
                        "workingOrders", orders.size())));
        router.get("/api/v1/accounts").handler(ctx -> send(ctx, 200, List.of(Map.of("id", "mm-1", "state", "ACTIVE"),
                Map.of("id", "desk-1", "state", "ACTIVE"))));
        router.get("/api/v1/instruments").handler(ctx -> send(ctx, 200, List.of(
                Map.of("id", "SIM-BTC", "priceScale", 2, "quantityScale", 3),
                Map.of("id", "SIM-ACME", "priceScale", 2, "quantityScale", 0))));
        router.get("/api/v1/positions").handler(ctx -> send(ctx, 200, List.of(positionRow())));
        router.get("/api/v1/pnl").handler(ctx -> send(ctx, 200, List.of(pnlRow())));
        router.get("/api/v1/orders").handler(ctx -> {
            List<Map<String, Object>> working = new ArrayList<>(orders.values());
            working.addAll(quotes.values());
            working.sort(java.util.Comparator.comparingLong(order -> (Long) order.get("orderId")));
            send(ctx, 200, working);
        });
        router.post("/api/v1/orders").handler(this::submit);
        router.delete("/api/v1/orders/:id").handler(ctx -> {
            Map<String, Object> order = orders.remove(Long.parseLong(ctx.pathParam("id")));
            if (order == null) {
                problem(ctx, 404, "Not found", "no working order " + ctx.pathParam("id"));
                return;
            }
            publish("executions", Map.of("orderId", order.get("orderId"), "execType", "CANCELED"));
            send(ctx, 200, Map.of("orderId", order.get("orderId"), "status", "CANCELED"));
        });
        router.patch("/api/v1/orders/:id").handler(ctx -> {
            Map<String, Object> order = orders.get(Long.parseLong(ctx.pathParam("id")));
            Map<?, ?> body = ctx.body().asJsonObject().getMap();
            if (body.get("price") != null) {
                order.put("price", body.get("price"));
            }
            if (body.get("quantity") != null) {
                order.put("quantity", body.get("quantity"));
            }
            publish("executions", Map.of("orderId", order.get("orderId"), "execType", "REPLACED"));
            send(ctx, 202, order);
        });
        router.get("/api/v1/books/:instrument").handler(ctx -> send(ctx, 200, book()));
        router.get("/api/v1/marketdata/bars/:instrument").handler(ctx -> {
            List<Map<String, Object>> bars = new ArrayList<>();
            if ("SIM-BTC".equals(ctx.pathParam("instrument"))) {
                long next = nextBar.get();
                for (long i = next - 30; i < next; i++) {
                    bars.add(bar((int) i, null));
                }
            }
            send(ctx, 200, Map.of("instrument", ctx.pathParam("instrument"), "spec", "1m", "bars", bars));
        });
        router.get("/api/v1/strategies").handler(ctx -> send(ctx, 200, List.of(
                strategy("mm-demo", "marketmaker", "mm-1", "SIM-BTC"),
                strategy("sma-demo", "smacross", "desk-1", "SIM-ACME"))));
        router.post("/api/v1/strategies/:id/:verb").handler(ctx -> {
            strategyState.put(ctx.pathParam("id"), "start".equals(ctx.pathParam("verb")) ? "RUNNING" : "STOPPED");
            if ("stop".equals(ctx.pathParam("verb"))) {
                String key = "strategy-stopped:" + ctx.pathParam("id");
                Map<String, Object> alert = new ConcurrentHashMap<>(Map.of("id", "a-2", "state", "FIRING",
                        "severity", "WARNING", "key", key, "count", 1, "last", Instant.now().toString(),
                        "text", "strategy " + ctx.pathParam("id") + " stopped by " + session(ctx).user()));
                alerts.putIfAbsent("a-2", alert);
                publish("alerts", alert);
            }
            send(ctx, 200, Map.of("id", ctx.pathParam("id"), "outcome", ctx.pathParam("verb") + "ed"));
        });
        router.get("/api/v1/strategies/:id/params").handler(ctx -> send(ctx, 200, Map.of("id", ctx.pathParam("id"),
                "parameters", new java.util.TreeMap<>(Map.of("halfSpreadTicks", "2", "quantity", "0.010",
                        "maxPosition", "1.000")))));
        router.get("/api/v1/venues").handler(ctx -> send(ctx, 200, List.of(
                venue("SIM", "LOGGED_ON", "simulated venue", 812, 809, 0),
                venue("FIX-1", "DISCONNECTED", "no acceptor at 127.0.0.1:9878", 1, 1, 4))));
        router.get("/api/v1/alerts").handler(ctx -> send(ctx, 200, new java.util.TreeMap<>(alerts).values()));
        router.post("/api/v1/alerts/:id/ack").handler(ctx -> {
            Map<String, Object> alert = alerts.get(ctx.pathParam("id"));
            alert.put("state", "ACKNOWLEDGED");
            alert.put("note", "admin: " + ctx.body().asJsonObject().getString("comment", ""));
            publish("alerts", alert);
            send(ctx, 200, alert);
        });
        router.get("/api/v1/backtests").handler(ctx -> send(ctx, 200, List.of(backtest())));
        router.get("/api/v1/backtests/:id/report").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .end("<!DOCTYPE html><html><body><h1 id=\"report-title\">Backtest bt-1</h1>"
                        + "<p>smacross on SIM-ACME: net profit 1234.50</p></body></html>"));
        router.get("/api/v1/backtests/:id/equity").handler(ctx -> {
            List<Map<String, Object>> points = new ArrayList<>();
            Instant start = Instant.parse("2026-11-01T00:00:00Z");
            for (int i = 0; i < 120; i++) {
                points.add(Map.of("date", start.plusSeconds(3600L * i).toString(),
                        "equity", BigDecimal.valueOf(100_000 + 12 * i + (i % 7) * 30).setScale(2).toPlainString()));
            }
            send(ctx, 200, points);
        });
    }

    private void submit(RoutingContext ctx) {
        Map<String, Object> body = ctx.body().asJsonObject().getMap();
        Object quantity = body.get("quantity");
        if (quantity == null || !quantity.toString().matches("\\d+(\\.\\d+)?")) {
            problem(ctx, 422, "Order rejected", "quantity must be a positive decimal, was " + quantity);
            return;
        }
        long id = nextOrder.getAndIncrement();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", id);
        order.put("account", body.get("account"));
        order.put("instrument", body.get("instrument"));
        order.put("side", body.get("side"));
        order.put("type", body.get("type"));
        order.put("timeInForce", body.get("timeInForce"));
        order.put("price", body.get("price"));
        order.put("quantity", quantity);
        order.put("filledQuantity", "0");
        order.put("state", "NEW");
        orders.put(id, order);
        publish("executions", Map.of("orderId", id, "execType", "NEW"));
        send(ctx, 201, order);
    }

    private void stream(ServerWebSocket socket) {
        String cookies = socket.headers().get("Cookie");
        if (!"/api/v1/stream".equals(socket.path()) || cookies == null || sessions.keySet().stream()
                .noneMatch(id -> cookies.contains(COOKIE + "=" + id))) {
            socket.reject(401);
            return;
        }
        Set<String> topics = ConcurrentHashMap.newKeySet();
        sockets.put(socket, topics);
        socket.closeHandler(v -> sockets.remove(socket));
        socket.textMessageHandler(text -> {
            Map<?, ?> message = new io.vertx.core.json.JsonObject(text).getMap();
            String topic = String.valueOf(message.get("topic"));
            if ("subscribe".equals(message.get("op"))) {
                topics.add(topic);
                socket.writeTextMessage(write(Map.of("op", "subscribed", "topic", topic, "seq", seq.get())));
            } else if ("unsubscribe".equals(message.get("op"))) {
                topics.remove(topic);
            }
        });
    }

    private void move() {
        tick++;
        position = 3 + (tick % 9) - 4;
        publish("positions", positionRow());
        publish("pnl", pnlRow());
        publish("quotes:SIM-BTC", Map.of("instrument", "SIM-BTC", "bid", price(-1), "ask", price(1)));
        if (tick % 5 == 0) {
            Map<String, Object> minute = bar((int) nextBar.getAndIncrement(), "1m");
            timeBarsDelivered.addAndGet(publish("bars:SIM-BTC", minute));
            // a bar of another spec, ending between two minutes: a chart of the 1m bars must leave it out
            Map<String, Object> ticks = bar((int) tick, "TICK:100");
            ticks.put("end", firstBar.plusSeconds(60L * tick + 30).toString());
            publish("bars:SIM-BTC", ticks);
            requote();
            Map<String, Object> alert = alerts.get("a-1");
            if ("FIRING".equals(alert.get("state"))) {
                alert.put("count", (Integer) alert.get("count") + 1);
                alert.put("last", Instant.now().toString());
                publish("alerts", alert);
            }
        }
    }

    /** The demo market maker's bid and ask: the old ones canceled, new ones with new ids. */
    private void requote() {
        for (Long id : List.copyOf(quotes.keySet())) {
            quotes.remove(id);
            publish("executions", Map.of("orderId", id, "execType", "CANCELED"));
        }
        for (String side : List.of("BUY", "SELL")) {
            long id = nextQuote.getAndIncrement();
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("orderId", id);
            order.put("account", "mm-1");
            order.put("instrument", "SIM-BTC");
            order.put("side", side);
            order.put("type", "LIMIT");
            order.put("timeInForce", "GTC");
            order.put("price", price("BUY".equals(side) ? -1 : 1));
            order.put("quantity", "0.010");
            order.put("filledQuantity", "0");
            order.put("state", "NEW");
            quotes.put(id, order);
            publish("executions", Map.of("orderId", id, "execType", "NEW"));
        }
    }

    /** @return to how many sockets it was sent */
    private int publish(String topic, Object data) {
        int[] sent = {0};
        sockets.forEach((socket, topics) -> {
            if (topics.contains(topic)) {
                sent[0]++;
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("topic", topic);
                message.put("seq", seq.incrementAndGet());
                message.put("data", data);
                socket.writeTextMessage(write(message));
            }
        });
        return sent[0];
    }

    private String price(int offset) {
        return BigDecimal.valueOf(43_210_00L + (tick % 13) * 5 + offset * 50L, 2).toPlainString();
    }

    /** The i-th bar of SIM-BTC, as the REST answer ({@code spec} null) or the stream writes it. */
    private Map<String, Object> bar(int i, String spec) {
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("instrument", "SIM-BTC");
        if (spec != null) {
            bar.put("spec", spec);
        }
        long close = 43_200_00L + (i * 37L % 23) * 50;
        bar.put("start", firstBar.plusSeconds(60L * i).toString());
        bar.put("end", firstBar.plusSeconds(60L * (i + 1)).minusNanos(1).toString());
        bar.put("open", BigDecimal.valueOf(close - 50, 2).toPlainString());
        bar.put("high", BigDecimal.valueOf(close + 150, 2).toPlainString());
        bar.put("low", BigDecimal.valueOf(close - 200, 2).toPlainString());
        bar.put("close", BigDecimal.valueOf(close, 2).toPlainString());
        bar.put("volume", "1.250");
        bar.put("trades", 12 + i % 5);
        return bar;
    }

    private Map<String, Object> positionRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account", "mm-1");
        row.put("instrument", "SIM-BTC");
        row.put("quantity", BigDecimal.valueOf(position * 10, 3).toPlainString());
        row.put("averagePrice", "43205.50");
        row.put("markPrice", price(0));
        row.put("realisedPnl", realised().toPlainString());
        row.put("unrealisedPnl", unrealised().toPlainString());
        row.put("fees", "-3.20");
        row.put("netPnl", realised().add(unrealised()).add(new BigDecimal("-3.20")).toPlainString());
        row.put("boughtQuantity", "1.250");
        row.put("soldQuantity", BigDecimal.valueOf(1250 - position * 10, 3).toPlainString());
        return row;
    }

    private Map<String, Object> pnlRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account", "mm-1");
        row.put("realisedPnl", realised().toPlainString());
        row.put("unrealisedPnl", unrealised().toPlainString());
        row.put("fees", "-3.20");
        row.put("netPnl", realised().add(unrealised()).add(new BigDecimal("-3.20")).toPlainString());
        row.put("grossExposure", BigDecimal.valueOf(Math.abs(position) * 43_210, 2).toPlainString());
        row.put("openPositions", 1);
        row.put("workingOrders", orders.size());
        return row;
    }

    private BigDecimal realised() {
        return BigDecimal.valueOf(1_250 + tick * 37 % 400, 2);
    }

    private BigDecimal unrealised() {
        return BigDecimal.valueOf(position * (tick % 13 - 6) * 9, 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    private Map<String, Object> book() {
        List<Map<String, Object>> bids = new ArrayList<>();
        List<Map<String, Object>> asks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bids.add(Map.of("price", price(-1 - i), "quantity", BigDecimal.valueOf(150 + 70L * i, 3).toPlainString(),
                    "orders", 1 + i % 3));
            asks.add(Map.of("price", price(1 + i), "quantity", BigDecimal.valueOf(120 + 90L * i, 3).toPlainString(),
                    "orders", 1 + (i + 1) % 3));
        }
        return Map.of("instrument", "SIM-BTC", "bids", bids, "asks", asks);
    }

    private Map<String, Object> strategy(String id, String type, String account, String instrument) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("strategy", type);
        row.put("version", 1);
        row.put("state", strategyState.getOrDefault(id, "STOPPED"));
        row.put("account", account);
        row.put("instruments", List.of(instrument));
        row.put("parameters", Map.of("quantity", "0.010"));
        row.put("deliveredEvents", 18_230 + tick);
        row.put("queuedEvents", 0);
        row.put("lagMicros", 42);
        row.put("workingOrders", 2);
        row.put("realisedPnl", "12.55");
        row.put("unrealisedPnl", "-0.54");
        return row;
    }

    private static Map<String, Object> venue(String id, String state, String detail, long out, long in, int failures) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("venue", id);
        row.put("state", state);
        row.put("detail", detail);
        row.put("nextSenderSeqNum", out);
        row.put("nextTargetSeqNum", in);
        row.put("workingOrders", failures == 0 ? 2 : 0);
        row.put("commandsSent", failures == 0 ? 37 : 0);
        row.put("reportsApplied", failures == 0 ? 52 : 0);
        row.put("failures", failures);
        row.put("lastProblem", failures == 0 ? null : detail);
        return row;
    }

    private static Map<String, Object> backtest() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "bt-1");
        row.put("state", "COMPLETED");
        row.put("strategy", "smacross");
        row.put("parameters", Map.of("fast", "5", "slow", "20"));
        row.put("submitted", "2026-12-06T06:59:58.120000000Z");
        row.put("finished", "2026-12-06T07:00:00.000000001Z");
        row.put("progress", 1.0);
        row.put("events", 480);
        row.put("fills", 36);
        row.put("eventsPerSecond", 251_000.0);
        row.put("stats", Map.of("sharpe", 1.42));
        return row;
    }

    private void problem(RoutingContext ctx, int status, String title, String detail) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(write(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail,
                        "instance", ctx.request().path())));
    }

    private void send(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(write(body));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
