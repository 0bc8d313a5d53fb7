package io.nautilus.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebContext.Role;
import io.nautilus.web.server.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.osgi.service.component.annotations.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /api/v1/strategies}: the strategy instances (as {@code nautilus:strategies}), start and stop (traders), and
 * their parameters (read by viewers, changed by traders as {@code nautilus:strategy-params id name=value}).
 */
@Component(service = WebModule.class)
public final class StrategyResource implements WebModule {

    static final String NOT_RUNNING = "the strategy engine is not running";

    @Override
    public void mount(Router router, WebContext context) {
        Api api = new Api(router, context);
        api.get("/strategies", Role.VIEWER, ctx -> engine(api).instances().stream().map(StrategyResource::json)
                .toList());
        api.post("/strategies/:id/start", Role.TRADER, "Strategy not started", ctx -> {
            String id = known(api, ctx).id();
            String outcome = engine(api).start(id);
            api.web().audit(ctx, "start strategy " + id + ": " + outcome);
            return new Outcome(id, outcome);
        });
        api.post("/strategies/:id/stop", Role.TRADER, "Strategy not stopped", ctx -> {
            String id = known(api, ctx).id();
            String outcome = engine(api).stop(id);
            api.web().audit(ctx, "stop strategy " + id + ": " + outcome);
            return new Outcome(id, outcome);
        });
        api.get("/strategies/:id/params", Role.VIEWER, ctx -> params(known(api, ctx)));
        api.put("/strategies/:id/params", Role.TRADER, "Parameters refused", ctx -> {
            Map<String, String> changes = changes(api.body(ctx));
            String id = known(api, ctx).id();
            String outcome = engine(api).updateParameters(id, changes);
            api.web().audit(ctx, "set strategy " + id + " parameters " + changes + ": " + outcome);
            Map<String, Object> out = params(known(api, ctx));
            out.put("outcome", outcome);
            return out;
        });
    }

    private static StrategyAdminService engine(Api api) {
        return api.service(StrategyAdminService.class, NOT_RUNNING);
    }

    private static StrategyInstanceInfo known(Api api, RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return engine(api).instance(id).orElseThrow(() -> ApiException.notFound("no strategy instance " + id
                + " (GET /api/v1/strategies lists them)"));
    }

    /**
     * The changes of {@code PUT .../params}: {@code {"parameters": {"name": "value", ...}}}; numbers and booleans are
     * taken as their text.
     */
    static Map<String, String> changes(JsonNode body) {
        JsonNode parameters = body.get("parameters");
        if (parameters == null || !parameters.isObject() || parameters.isEmpty()) {
            throw ApiException.badRequest("the body needs \"parameters\": an object of at least one name and value,"
                    + " e.g. {\"parameters\": {\"spread\": \"0.02\"}}");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : parameters.properties()) {
            JsonNode value = entry.getValue();
            if (entry.getKey().isBlank()) {
                throw ApiException.badRequest("a parameter name is blank");
            }
            if (!value.isValueNode() || value.isNull()) {
                throw ApiException.badRequest("parameter " + entry.getKey() + " must be a string, number or boolean;"
                        + " found " + value);
            }
            changes.put(entry.getKey().strip(), value.asText().strip());
        }
        return changes;
    }

    private static Map<String, Object> params(StrategyInstanceInfo info) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", info.id());
        out.put("parameters", new TreeMap<>(info.parameters()));
        out.put("configuration", info.configuration().isEmpty() ? null : info.configuration());
        return out;
    }

    static Map<String, Object> json(StrategyInstanceInfo info) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", info.id());
        out.put("strategy", info.implementation().isEmpty() ? null : info.implementation());
        out.put("bundle", info.bundle().isEmpty() ? null : info.bundle());
        out.put("version", info.version());
        out.put("state", info.state());
        out.put("failure", info.failure().isEmpty() ? null : info.failure());
        out.put("account", info.account().isEmpty() ? null : info.account());
        out.put("instruments", info.instruments());
        out.put("parameters", new TreeMap<>(info.parameters()));
        out.put("configuration", info.configuration().isEmpty() ? null : info.configuration());
        out.put("deliveredEvents", info.deliveredEvents());
        out.put("queuedEvents", info.queuedEvents());
        out.put("rejectedEvents", info.rejectedEvents());
        out.put("lagMicros", info.lagMicros() < 0 ? null : info.lagMicros());
        out.put("workingOrders", info.workingOrders());
        out.put("realisedPnl", info.realisedPnl().toPlainString());
        out.put("unrealisedPnl", info.unrealisedPnl().toPlainString());
        out.put("swapPausesMicros", info.swapPausesMicros());
        out.put("configError", info.configError().isEmpty() ? null : info.configError());
        return out;
    }
}
