package io.nautilus.web.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.web.server.WebContext;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;

/** The server's side of {@link WebContext} for a module mounted on a test's own router: problems and JSON only. */
final class TestWebContext implements WebContext {

    private final Vertx vertx;
    private final ObjectMapper json = new ObjectMapper();

    TestWebContext(Vertx vertx) {
        this.vertx = vertx;
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
        return Optional.empty();
    }

    @Override
    public User user(RoutingContext ctx) {
        return new User("viewer", Role.VIEWER);
    }

    @Override
    public boolean requireRole(RoutingContext ctx, Role needed) {
        return true;
    }

    @Override
    public void problem(RoutingContext ctx, int status, String title, String detail) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                    .end(json.writeValueAsString(Map.of("type", "about:blank", "title", title, "status", status,
                            "detail", detail, "instance", ctx.request().path())));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    @Override
    public void json(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    @Override
    public void audit(RoutingContext ctx, String action) {
    }
}
