package io.nautilus.web.server;

import io.vertx.ext.web.Router;

/**
 * One part of the web tier (the REST API's resources, the WebSocket streams, the dashboard's files) that adds its
 * routes to the server's router. The server mounts every module after its own handlers (body limits, session,
 * authentication, CSRF), so a module's handlers only run for an authenticated user; they check the role an action
 * needs with {@link WebContext#requireRole}.
 */
public interface WebModule {

    /**
     * Adds this module's routes.
     *
     * @param router  the server's router; paths are absolute, e.g. {@code /api/v1/orders}
     * @param context what the module needs: the platform's services, JSON, problem responses, roles, audit
     */
    void mount(Router router, WebContext context);
}
