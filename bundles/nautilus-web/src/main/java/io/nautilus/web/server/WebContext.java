package io.nautilus.web.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * What the server gives its {@link WebModule}s.
 */
public interface WebContext {

    /** The roles of the platform's users, from Karaf's JAAS realm (the same users as the shell). */
    enum Role {
        /** Read only. */
        VIEWER,
        /** Orders, strategies start/stop/params, alert acknowledge; and what a viewer may. */
        TRADER,
        /** Everything. */
        ADMIN;

        /**
         * Whether a user with this role may do what needs another.
         *
         * @param needed the role an action needs
         * @return true when this role is the needed one or above it
         */
        public boolean covers(Role needed) {
            return compareTo(needed) >= 0;
        }
    }

    /**
     * The authenticated user of a request.
     *
     * @param name the login name
     * @param role the user's highest role
     */
    record User(String name, Role role) {
    }

    /** @return the server's Vert.x instance (for timers and blocking work: {@code executeBlocking}) */
    Vertx vertx();

    /** @return the JSON mapper every module writes and reads with (Java time as ISO-8601, no unknown-field failure) */
    ObjectMapper json();

    /**
     * A platform service (trading core, market data, strategies, venues, notifications, history, backtests), while it
     * is registered.
     *
     * @param type the service's interface
     * @param <T>  its type
     * @return the service, or empty when it is not running
     */
    <T> Optional<T> service(Class<T> type);

    /**
     * The user of an authenticated request.
     *
     * @param ctx the request
     * @return the user
     */
    User user(RoutingContext ctx);

    /**
     * Ends the request with 403 (problem details) unless its user has the role.
     *
     * @param ctx    the request
     * @param needed the role the action needs
     * @return true when the user has it and the handler may go on
     */
    boolean requireRole(RoutingContext ctx, Role needed);

    /**
     * Ends a request with an RFC 9457 problem ({@code application/problem+json}: type, title, status, detail,
     * instance), with the same reason text the shell would give.
     *
     * @param ctx    the request
     * @param status the HTTP status, e.g. 400, 404, 409, 422, 503
     * @param title  a short, stable summary of the problem type, e.g. {@code Order rejected}
     * @param detail the reason, one line
     */
    void problem(RoutingContext ctx, int status, String title, String detail);

    /**
     * Ends a request with a JSON body.
     *
     * @param ctx    the request
     * @param status the HTTP status
     * @param body   what to write (a record, list or map)
     */
    void json(RoutingContext ctx, int status, Object body);

    /**
     * Logs a state-changing request with its user (the audit log: {@code io.nautilus.web.audit}).
     *
     * @param ctx    the request
     * @param action what was done, e.g. {@code submit order 42 BUY 10 SIM-ACME @ 100.5}
     */
    void audit(RoutingContext ctx, String action);

    /**
     * Reads a request's JSON body, or ends the request with 400 (problem details) when it is missing, malformed, or
     * a value is out of range (the record's constructor refused it).
     *
     * @param ctx  the request
     * @param type the record the body holds
     * @param <T>  its type
     * @return the body, or empty when the request was answered with a problem
     */
    default <T> Optional<T> body(RoutingContext ctx, Class<T> type) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            problem(ctx, 400, "Malformed JSON", "the request needs a JSON body");
            return Optional.empty();
        }
        try {
            T value = json().readValue(text, type);
            if (value == null) {
                problem(ctx, 400, "Malformed JSON", "the request needs a JSON object, not null");
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                problem(ctx, 400, "Invalid request", String.valueOf(cause.getMessage()));
            } else {
                problem(ctx, 400, "Malformed JSON", String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " "));
            }
            return Optional.empty();
        }
    }
}
