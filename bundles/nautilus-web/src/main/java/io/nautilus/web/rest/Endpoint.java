package io.nautilus.web.rest;

import io.vertx.ext.web.RoutingContext;

/** One route's work: parse, call the platform's service, return what to answer. */
@FunctionalInterface
interface Endpoint {

    /**
     * Answers a request.
     *
     * @param ctx the request
     * @return a body for 200 (a map, list or record), a {@link Reply}, or null when the endpoint ended the response
     *         itself
     * @throws ApiException             for a problem with its status
     * @throws IllegalArgumentException a refusal by the platform, with its reason (answered 422)
     */
    Object answer(RoutingContext ctx);
}
