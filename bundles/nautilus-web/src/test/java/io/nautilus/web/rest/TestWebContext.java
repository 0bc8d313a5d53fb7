package io.nautilus.web.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.web.server.WebContext;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server's side of the seam for the resources' tests: the user of a request is named by the header
 * {@code X-Test-User: viewer|trader|admin} (the real server authenticates; here the resources' own checks are
 * tested), services are put in by the test, audit lines are kept.
 */
final class TestWebContext implements WebContext {

    static final String USER_HEADER = "X-Test-User";

    private final Vertx vertx;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    final List<String> audit = new CopyOnWriteArrayList<>();

    TestWebContext(Vertx vertx) {
        this.vertx = vertx;
    }

    <T> TestWebContext with(Class<T> type, T service) {
        services.put(type, service);
        return this;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public ObjectMapper json() {
        return json;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }

    @Override
    public User user(RoutingContext ctx) {
        String name = ctx.request().getHeader(USER_HEADER);
        return new User(name, Role.valueOf(name.toUpperCase(Locale.ROOT)));
    }

    @Override
    public boolean requireRole(RoutingContext ctx, Role needed) {
        if (ctx.request().getHeader(USER_HEADER) == null) {
            problem(ctx, 401, "Unauthorized", "log in first");
            return false;
        }
        if (!user(ctx).role().covers(needed)) {
            problem(ctx, 403, "Forbidden", "needs the " + needed.name().toLowerCase(Locale.ROOT) + " role");
            return false;
        }
        return true;
    }

    @Override
    public void problem(RoutingContext ctx, int status, String title, String detail) {
        Map<String, Object> body = Map.of("type", "about:blank", "title", title, "status", status, "detail", detail,
                "instance", ctx.request().path());
        write(ctx, status, "application/problem+json", body);
    }

    @Override
    public void json(RoutingContext ctx, int status, Object body) {
        write(ctx, status, "application/json", body);
    }

    private void write(RoutingContext ctx, int status, String type, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", type).end(json.writeValueAsString(body));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    @Override
    public void audit(RoutingContext ctx, String action) {
        audit.add(user(ctx).name() + ": " + action);
    }
}
