package io.nautilus.web.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebContext.Role;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Mounts a resource's routes under {@value #BASE}: each runs off the event loop (the platform's services may block),
 * checks the role it needs, and turns what the endpoint throws into a problem (an {@link ApiException} with its
 * status; an {@link IllegalArgumentException} or {@link IllegalStateException} from a service, its refusal with the
 * reason, as 422).
 */
final class Api {

    /** Where the REST API lives. */
    static final String BASE = "/api/v1";

    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private final Router router;
    private final WebContext web;

    Api(Router router, WebContext web) {
        this.router = router;
        this.web = web;
    }

    WebContext web() {
        return web;
    }

    void get(String path, Role role, Endpoint endpoint) {
        add(HttpMethod.GET, path, role, "Refused", endpoint);
    }

    void post(String path, Role role, String refusedTitle, Endpoint endpoint) {
        add(HttpMethod.POST, path, role, refusedTitle, endpoint);
    }

    void put(String path, Role role, String refusedTitle, Endpoint endpoint) {
        add(HttpMethod.PUT, path, role, refusedTitle, endpoint);
    }

    private void add(HttpMethod method, String path, Role role, String refusedTitle, Endpoint endpoint) {
        router.route(method, BASE + path).blockingHandler(ctx -> run(ctx, role, refusedTitle, endpoint), false);
    }

    private void run(RoutingContext ctx, Role role, String refusedTitle, Endpoint endpoint) {
        if (!web.requireRole(ctx, role)) {
            return;
        }
        try {
            Object answer = endpoint.answer(ctx);
            if (answer instanceof Reply reply) {
                if (reply.location() != null) {
                    ctx.response().putHeader("Location", reply.location());
                }
                web.json(ctx, reply.status(), reply.body());
            } else if (answer != null) {
                web.json(ctx, 200, answer);
            }
        } catch (ApiException e) {
            web.problem(ctx, e.status(), e.title(), e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            web.problem(ctx, 422, refusedTitle, e.getMessage());
        } catch (UnsupportedOperationException e) {
            web.problem(ctx, 501, "Not supported", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", ctx.request().method(), ctx.request().path(), e);
            web.problem(ctx, 500, "Internal error", "the request failed: " + e);
        }
    }

    /**
     * The request's JSON object body.
     *
     * @param ctx the request
     * @return the object
     * @throws ApiException 400 when the body is missing, not JSON, or not an object
     */
    JsonNode body(RoutingContext ctx) {
        RequestBody body = ctx.body();
        Buffer buffer = body == null ? null : body.buffer();
        if (buffer == null || buffer.length() == 0) {
            throw ApiException.badRequest("the request needs a JSON object body");
        }
        JsonNode node;
        try {
            node = web.json().readTree(buffer.getBytes());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return node;
    }

    /**
     * A platform service that must be running.
     *
     * @param type       the service's interface
     * @param notRunning the reason when it is not, as the shell says it
     * @param <T>        its type
     * @return the service
     * @throws ApiException 503 when it is not registered
     */
    <T> T service(Class<T> type, String notRunning) {
        return web.service(type).orElseThrow(() -> ApiException.unavailable(notRunning));
    }

    /**
     * A query parameter, stripped.
     *
     * @param ctx  the request
     * @param name its name
     * @return its value, or empty when absent or blank
     */
    static Optional<String> param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * A whole-number query parameter in a range.
     *
     * @param ctx          the request
     * @param name         its name
     * @param defaultValue the value when absent
     * @param min          the smallest allowed
     * @param max          the largest allowed
     * @return the value
     * @throws ApiException 400 naming the parameter, its value and the range
     */
    static int intParam(RoutingContext ctx, String name, int defaultValue, int min, int max) {
        Optional<String> text = param(ctx, name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw ApiException.badRequest(name + " '" + text.get() + "' is not a whole number from " + min + " to " + max);
    }

    /**
     * A boolean query parameter.
     *
     * @param ctx  the request
     * @param name its name
     * @return true for {@code true}, false when absent or {@code false}
     * @throws ApiException 400 for any other value
     */
    static boolean boolParam(RoutingContext ctx, String name) {
        Optional<String> text = param(ctx, name);
        if (text.isEmpty() || text.get().equals("false")) {
            return false;
        }
        if (text.get().equals("true")) {
            return true;
        }
        throw ApiException.badRequest(name + " '" + text.get() + "' is not true or false");
    }

    /**
     * A text field of a JSON body.
     *
     * @param body     the body
     * @param name     the field
     * @param required whether it must be there
     * @return its value, or empty when absent and not required
     * @throws ApiException 400 when required and absent, or not a string
     */
    static Optional<String> text(JsonNode body, String name, boolean required) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.badRequest("the body needs \"" + name + "\"");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("\"" + name + "\" must be a string");
        }
        return Optional.of(node.asText());
    }

    /**
     * A list of strings of a JSON body, e.g. {@code "args"}.
     *
     * @param body the body
     * @param name the field
     * @return its values
     * @throws ApiException 400 when absent or not an array of strings
     */
    static java.util.List<String> strings(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || !node.isArray()) {
            throw ApiException.badRequest("the body needs \"" + name + "\": an array of strings");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw ApiException.badRequest("\"" + name + "\" must hold only strings; found " + item);
            }
            out.add(item.asText());
        }
        return out;
    }
}
