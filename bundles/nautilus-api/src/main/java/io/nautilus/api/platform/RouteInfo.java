package io.nautilus.api.platform;

/**
 * A snapshot of one route running in the platform's Camel context.
 *
 * @param id              the route id
 * @param source          the route file it came from (file name in the route folder), or {@code null} if a bundle
 *                        added it
 * @param status          Camel's service status of the route, e.g. {@code Started}, {@code Stopped}
 * @param uptimeMillis    how long the route has been started, in milliseconds (0 when not started)
 * @param exchangesTotal  exchanges completed or failed since the route started
 * @param exchangesFailed exchanges that failed since the route started
 * @param endpoint        the URI of the route's consumer endpoint
 */
public record RouteInfo(String id, String source, String status, long uptimeMillis, long exchangesTotal,
                        long exchangesFailed, String endpoint) {
}
