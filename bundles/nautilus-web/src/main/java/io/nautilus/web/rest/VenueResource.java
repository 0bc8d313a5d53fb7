package io.nautilus.web.rest;

import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.RouteExplanation;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.SmartOrderRouter;
import io.nautilus.router.api.VenueScore;
import io.nautilus.web.json.Wire;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebContext.Role;
import io.nautilus.web.server.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.osgi.service.component.annotations.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code /api/v1/venues}: every venue with a gateway, its session, counters and, with the smart order router running,
 * its score (as {@code nautilus:venues}); connect, disconnect and reconcile (admins, as {@code nautilus:venue-*});
 * {@code /api/v1/routes/{parentOrderId}}: why the router split a parent order as it did (as
 * {@code nautilus:route-explain}).
 */
@Component(service = WebModule.class)
public final class VenueResource implements WebModule {

    static final String NOT_RUNNING = "the venue layer is not running";
    static final String ROUTER_NOT_RUNNING = "the smart order router is not running";

    @Override
    public void mount(Router router, WebContext context) {
        Api api = new Api(router, context);
        api.get("/venues", Role.VIEWER, ctx -> {
            Map<String, VenueScore> scores = scores(api);
            return venues(api).venues().stream().map(v -> json(v, scores)).toList();
        });
        api.get("/venues/:id", Role.VIEWER, ctx -> json(known(api, ctx), scores(api)));
        api.post("/venues/:id/connect", Role.ADMIN, "Venue not connected",
                ctx -> change(api, ctx, "connect", VenueAdminService::connect));
        api.post("/venues/:id/disconnect", Role.ADMIN, "Venue not disconnected",
                ctx -> change(api, ctx, "disconnect", VenueAdminService::disconnect));
        api.post("/venues/:id/reconcile", Role.ADMIN, "Venue not reconciled", ctx -> reconcile(api, ctx));
        api.get("/routes/:parentOrderId", Role.VIEWER, ctx -> explain(api, ctx));
    }

    private static VenueAdminService venues(Api api) {
        return api.service(VenueAdminService.class, NOT_RUNNING);
    }

    private static VenueStatus known(Api api, RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return venues(api).venues().stream().filter(v -> v.session().venue().value().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no venue " + id + " (GET /api/v1/venues lists them)"));
    }

    private static Outcome change(Api api, RoutingContext ctx, String action,
                                              BiFunction<VenueAdminService, String, String> command) {
        String id = known(api, ctx).session().venue().value();
        String outcome = command.apply(venues(api), id);
        api.web().audit(ctx, "venue " + action + " " + id + ": " + outcome);
        return new Outcome(id, outcome);
    }

    /** As {@code nautilus:venue-reconcile}: a failed or interrupted reconciliation is a 422 with its outcome. */
    private static Outcome reconcile(Api api, RoutingContext ctx) {
        String id = known(api, ctx).session().venue().value();
        String outcome = venues(api).reconcile(id);
        api.web().audit(ctx, "venue reconcile " + id + ": " + outcome);
        if (outcome == null || outcome.contains("FAILED") || outcome.equals("interrupted")) {
            throw new ApiException(422, "Venue not reconciled", outcome == null ? "venue " + id + ": no outcome"
                    : outcome.equals("interrupted") ? "venue " + id + ": reconciliation interrupted" : outcome);
        }
        return new Outcome(id, outcome.startsWith("venue ") ? outcome : "venue " + id + ": reconciliation " + outcome);
    }


    /** The router's scores by venue id; none when the router is not running. */
    private static Map<String, VenueScore> scores(Api api) {
        Map<String, VenueScore> out = new LinkedHashMap<>();
        api.web().service(SmartOrderRouter.class).ifPresent(r -> r.scores()
                .forEach(score -> out.put(score.venue().value(), score)));
        return out;
    }

    private static Map<String, Object> explain(Api api, RoutingContext ctx) {
        String text = ctx.pathParam("parentOrderId");
        long id;
        try {
            id = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + text + "' is not a parent order id (a number)");
        }
        SmartOrderRouter router = api.service(SmartOrderRouter.class, ROUTER_NOT_RUNNING);
        RouteExplanation explanation = Optional.ofNullable(router.explanation(id)).orElseThrow(() ->
                ApiException.notFound("parent order " + id + " is not tracked by the router (never routed, or"
                        + " evicted: the router keeps the last max.tracked.parents of etc/io.nautilus.router.cfg)"));
        RoutingDecision decision = explanation.decision();
        int ps = explanation.priceScale();
        int qs = explanation.quantityScale();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parentOrderId", id);
        out.put("instrument", explanation.parent().instrument().value());
        out.put("side", explanation.parent().side().name());
        out.put("quantity", Wire.decimal(explanation.parent().quantity(), qs));
        out.put("decisionTime", Wire.time(decision.decisionTimeNanos()));
        out.put("arrivalPrice", Wire.nonZero(decision.arrivalPrice(), ps));
        out.put("allocatedQuantity", Wire.decimal(decision.allocatedQuantity(), qs));
        out.put("unallocatedQuantity", Wire.decimal(decision.unallocatedQuantity(), qs));
        out.put("summary", decision.summary());
        out.put("children", decision.children().stream().map(c -> child(c, ps, qs)).toList());
        out.put("lines", explanation.lines());
        return out;
    }

    private static Map<String, Object> child(ChildOrder child, int ps, int qs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("childOrderId", child.childOrderId());
        out.put("venue", child.venue().value());
        out.put("side", child.side().name());
        out.put("quantity", Wire.decimal(child.quantity(), qs));
        out.put("limitPrice", Wire.decimal(child.limitPrice(), ps));
        out.put("style", child.style().name());
        out.put("remainder", child.remainder());
        return out;
    }

    static Map<String, Object> json(VenueStatus status, Map<String, VenueScore> scores) {
        VenueSessionInfo session = status.session();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("venue", session.venue().value());
        out.put("state", session.state().name());
        out.put("detail", session.detail().isEmpty() ? null : session.detail());
        out.put("nextSenderSeqNum", session.nextSenderSeqNum());
        out.put("nextTargetSeqNum", session.nextTargetSeqNum());
        out.put("lastStateChange", session.lastStateChange() <= 0 ? null
                : Wire.time(Instant.ofEpochMilli(session.lastStateChange())));
        out.put("lastProblem", session.lastProblem().isEmpty() ? null : session.lastProblem());
        out.put("workingOrders", status.workingOrders());
        out.put("commandsSent", status.commandsSent());
        out.put("reportsApplied", status.reportsApplied());
        out.put("reportsRefused", status.reportsRefused());
        out.put("duplicateFills", status.duplicateFills());
        out.put("failures", status.failures());
        out.put("reconciliation", status.reconciliation());
        out.put("failedClosed", status.failedClosed());
        VenueScore score = scores.get(session.venue().value());
        out.put("score", score == null ? null : score(score));
        return out;
    }

    /** The router's score of a venue: the combined score and its components, 0 to 1 (0.5 neutral). */
    private static Map<String, Object> score(VenueScore score) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("routerState", score.state() == null ? null : score.state().name());
        out.put("combined", round(score.combined()));
        out.put("fill", round(score.fillScore()));
        out.put("slippage", round(score.slippageScore()));
        out.put("latency", round(score.latencyScore()));
        out.put("fillRate", round(score.fillRate()));
        out.put("buySlippageBps", round(score.buySlippageBps()));
        out.put("sellSlippageBps", round(score.sellSlippageBps()));
        out.put("ackLatencyMicros", round(score.ackLatencyMicros()));
        return out;
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : 0;
    }
}
