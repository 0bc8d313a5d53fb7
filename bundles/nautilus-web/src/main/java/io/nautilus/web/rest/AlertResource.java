package io.nautilus.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.notify.api.ReceiverView;
import io.nautilus.notify.api.SilenceView;
import io.nautilus.web.json.Wire;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebContext.Role;
import io.nautilus.web.server.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.osgi.service.component.annotations.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/alerts} and {@code /api/v1/silences}: the notification engine's incidents (as {@code nautilus:alerts
 * list}), acknowledge (traders), resolve, silence, expire and test (admins), done as the request's user; receivers,
 * one incident with its last delivery attempts, delivery attempts, dead letters and the engine's counts (as
 * {@code nautilus:alerts show}, {@code receivers}, {@code deliveries}, {@code dead-letters}, {@code status}; the
 * fixed paths come first, so an incident whose key is {@code status} is read as {@code A<n>}).
 */
@Component(service = WebModule.class)
public final class AlertResource implements WebModule {

    static final String NOT_RUNNING = "the notification engine is not running";

    /** Incidents listed without {@code limit}. */
    static final int DEFAULT_LIMIT = 50;

    /** Delivery attempts {@code GET /alerts/{id}} shows, as {@code nautilus:alerts show}. */
    static final int SHOW_DELIVERIES = 10;

    /** The longest silence. */
    static final Duration MAX_SILENCE = Duration.ofDays(365);

    /** How long a test waits for its attempt without {@code timeout}. */
    static final Duration DEFAULT_TEST_TIMEOUT = Duration.ofSeconds(10);

    /** The longest test {@code timeout}. */
    static final Duration MAX_TEST_TIMEOUT = Duration.ofMinutes(2);

    private static final Pattern DURATION = Pattern.compile("(?:[0-9]+[dhms])+");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)([dhms])");

    @Override
    public void mount(Router router, WebContext context) {
        Api api = new Api(router, context);
        api.get("/alerts", Role.VIEWER, ctx -> {
            boolean all = Api.boolParam(ctx, "all");
            int limit = Api.intParam(ctx, "limit", DEFAULT_LIMIT, 1, 10_000);
            return engine(api).alerts(all, limit).stream().map(AlertResource::json).toList();
        });
        api.post("/alerts/:id/ack", Role.TRADER, "Alert not acknowledged", ctx -> {
            String comment = comment(api, ctx);
            String id = known(api, ctx);
            AlertView after = engine(api).acknowledge(id, api.web().user(ctx).name(), comment);
            api.web().audit(ctx, "acknowledge alert " + after.displayId() + " " + after.key());
            return json(after);
        });
        api.post("/alerts/:id/resolve", Role.ADMIN, "Alert not resolved", ctx -> {
            String comment = comment(api, ctx);
            String id = known(api, ctx);
            AlertView after = engine(api).resolve(id, api.web().user(ctx).name(), comment);
            api.web().audit(ctx, "resolve alert " + after.displayId() + " " + after.key());
            return json(after);
        });
        api.get("/silences", Role.VIEWER, ctx -> engine(api).silences().stream().map(AlertResource::json).toList());
        api.post("/silences", Role.ADMIN, "Silence refused", ctx -> {
            JsonNode body = api.body(ctx);
            List<LabelMatcher> matchers = matchers(body);
            String text = Api.text(body, "duration", true).orElseThrow();
            Duration duration = duration(text);
            if (duration.isZero() || duration.compareTo(MAX_SILENCE) > 0) {
                throw ApiException.badRequest("silence duration '" + text + "' must be more than 0 and at most 365d");
            }
            String comment = Api.text(body, "comment", false).orElse("").strip();
            SilenceView created = engine(api).silence(matchers, duration, api.web().user(ctx).name(), comment);
            api.web().audit(ctx, "silence " + created.id() + " " + created.matchers() + " for " + text);
            return new Reply(201, Api.BASE + "/silences", json(created));
        });
        api.post("/silences/:id/expire", Role.ADMIN, "Silence not expired", ctx -> {
            String id = ctx.pathParam("id");
            if (engine(api).silences().stream().noneMatch(s -> s.id().equals(id))) {
                throw ApiException.notFound("no silence " + id + " (GET /api/v1/silences lists them)");
            }
            SilenceView after = engine(api).expireSilence(id, api.web().user(ctx).name());
            api.web().audit(ctx, "expire silence " + after.id() + " " + after.matchers());
            return json(after);
        });
        api.post("/alerts/test", Role.ADMIN, "Test refused", ctx -> test(api, ctx));
        api.get("/alerts/receivers", Role.VIEWER, ctx -> engine(api).receivers().stream()
                .map(AlertResource::json).toList());
        api.get("/alerts/deliveries", Role.VIEWER, ctx -> {
            String about = Api.param(ctx, "alert").orElse(null);
            int limit = Api.intParam(ctx, "limit", DEFAULT_LIMIT, 1, 10_000);
            if (about != null && engine(api).alert(about).isEmpty()) {
                throw ApiException.notFound("no alert " + about + " (GET /api/v1/alerts?all=true lists them)");
            }
            return engine(api).deliveries(about, limit).stream().map(AlertResource::json).toList();
        });
        api.get("/alerts/dead-letters", Role.VIEWER, ctx -> engine(api).deadLetters().stream()
                .map(AlertResource::json).toList());
        api.get("/alerts/status", Role.VIEWER, ctx -> engine(api).status());
        api.get("/alerts/:id", Role.VIEWER, ctx -> {
            AlertView incident = engine(api).alert(known(api, ctx)).orElseThrow();
            Map<String, Object> out = json(incident);
            out.put("deliveries", engine(api).deliveries(incident.displayId(), SHOW_DELIVERIES).stream()
                    .map(AlertResource::json).toList());
            return out;
        });
    }

    /**
     * {@code POST /alerts/test {"receiver","timeout"}}: a test message to a receiver now, as
     * {@code nautilus:alerts test}; an attempt that is not delivered is a 502 with the shell's line.
     */
    private static Object test(Api api, RoutingContext ctx) {
        JsonNode body = api.body(ctx);
        String receiver = Api.text(body, "receiver", true).orElseThrow().strip();
        Duration wait = DEFAULT_TEST_TIMEOUT;
        String timeout = Api.text(body, "timeout", false).orElse(null);
        if (timeout != null) {
            wait = duration(timeout);
            if (wait.isZero() || wait.compareTo(MAX_TEST_TIMEOUT) > 0) {
                throw ApiException.badRequest("timeout '" + timeout + "' must be more than 0 and at most 2m");
            }
        }
        NotificationService engine = engine(api);
        if (engine.receivers().stream().noneMatch(r -> r.name().equals(receiver))) {
            throw ApiException.notFound("no receiver " + receiver + " (GET /api/v1/alerts/receivers lists them)");
        }
        DeliveryView attempt = engine.test(receiver, api.web().user(ctx).name(), wait);
        api.web().audit(ctx, "test receiver " + receiver + ": " + attempt.outcome());
        if (attempt.outcome() != DeliveryResult.Outcome.DELIVERED) {
            throw new ApiException(502, "Test not delivered", "test to " + attempt.receiver() + " ("
                    + attempt.channel() + "): " + attempt.outcome()
                    + (attempt.detail().isEmpty() ? "" : ": " + attempt.detail()));
        }
        return json(attempt);
    }

    private static NotificationService engine(Api api) {
        return api.service(NotificationService.class, NOT_RUNNING);
    }

    private static String known(Api api, RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (engine(api).alert(id).isEmpty()) {
            throw ApiException.notFound("no alert " + id + " (GET /api/v1/alerts?all=true lists them)");
        }
        return id;
    }

    /** The optional {@code {"comment"}} body of ack and resolve; an empty body is no comment. */
    private static String comment(Api api, RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() <= 0) {
            return "";
        }
        return Api.text(api.body(ctx), "comment", false).orElse("").strip();
    }

    private static List<LabelMatcher> matchers(JsonNode body) {
        List<LabelMatcher> matchers = new ArrayList<>();
        for (String text : Api.strings(body, "matchers")) {
            try {
                matchers.add(LabelMatcher.parse(text));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        if (matchers.isEmpty()) {
            throw ApiException.badRequest("a silence needs at least one matcher, e.g. \"venue=CME\"");
        }
        return matchers;
    }

    /**
     * Reads a duration as {@code nautilus:alerts silence} takes it: whole numbers each followed by {@code d},
     * {@code h}, {@code m} or {@code s}, e.g. {@code 30m}, {@code 2h}, {@code 1h30m}.
     *
     * @param text the duration
     * @return it
     * @throws ApiException 400 naming the text when it is not such a duration or is too long
     */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!DURATION.matcher(value).matches()) {
            throw ApiException.badRequest("'" + text + "' is not a duration such as 30s, 30m, 2h, 1d or 1h30m");
        }
        Duration total = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(value);
        try {
            while (part.find()) {
                long n = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw ApiException.badRequest("duration '" + text + "' is too long");
        }
        return total;
    }

    static Map<String, Object> json(AlertView view) {
        Alert alert = view.alert();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", view.displayId());
        out.put("key", alert.key());
        out.put("severity", alert.severity().name());
        out.put("source", alert.source());
        out.put("text", alert.text());
        out.put("labels", alert.labels());
        out.put("state", view.state().name());
        out.put("first", Wire.time(view.firstNanos()));
        out.put("last", Wire.time(alert.timestampNanos()));
        out.put("count", view.count());
        out.put("route", view.route());
        out.put("receivers", view.receivers());
        out.put("escalationLevel", view.escalationLevel());
        out.put("suppressedBy", view.suppressedBy().isEmpty() ? null : view.suppressedBy());
        out.put("acknowledgedBy", view.acknowledgedBy().isEmpty() ? null : view.acknowledgedBy());
        out.put("acknowledged", Wire.time(view.acknowledgedNanos()));
        out.put("resolvedBy", view.resolvedBy().isEmpty() ? null : view.resolvedBy());
        out.put("resolved", Wire.time(view.resolvedNanos()));
        out.put("comment", view.comment().isEmpty() ? null : view.comment());
        return out;
    }

    static Map<String, Object> json(SilenceView silence) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", silence.id());
        out.put("matchers", silence.matchers().stream().map(LabelMatcher::toString).toList());
        out.put("starts", Wire.time(silence.startsNanos()));
        out.put("ends", Wire.time(silence.endsNanos()));
        out.put("createdBy", silence.createdBy());
        out.put("comment", silence.comment().isEmpty() ? null : silence.comment());
        out.put("active", silence.active());
        return out;
    }

    static Map<String, Object> json(ReceiverView receiver) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", receiver.name());
        out.put("channel", receiver.channel());
        out.put("address", receiver.address().isEmpty() ? null : receiver.address());
        out.put("enabled", receiver.enabled());
        out.put("delivered", receiver.delivered());
        out.put("failed", receiver.failed());
        out.put("deadLetters", receiver.deadLetters());
        out.put("queued", receiver.queued());
        out.put("rolledUp", receiver.rolledUp());
        out.put("lastError", receiver.lastError().isEmpty() ? null : receiver.lastError());
        return out;
    }

    static Map<String, Object> json(DeliveryView delivery) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", Wire.time(delivery.timestampNanos()));
        out.put("notification", delivery.notificationId());
        out.put("alerts", delivery.alertIds().stream().map(id -> "A" + id).toList());
        out.put("receiver", delivery.receiver());
        out.put("channel", delivery.channel());
        out.put("kind", delivery.kind().name());
        out.put("attempt", delivery.attempt());
        out.put("outcome", delivery.outcome().name());
        out.put("latencyMicros", delivery.latencyNanos() > 0 ? delivery.latencyNanos() / 1_000 : null);
        out.put("detail", delivery.detail().isEmpty() ? null : delivery.detail());
        out.put("deadLetter", delivery.deadLetter());
        return out;
    }
}
