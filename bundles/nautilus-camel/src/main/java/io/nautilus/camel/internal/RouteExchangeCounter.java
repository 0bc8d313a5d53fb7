package io.nautilus.camel.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts completed and failed exchanges per route id without JMX; a route's counts restart when it starts.
 *
 * <p>An exchange is counted on the route that created it ({@code Exchange.getFromRouteId()}); exchanges sent
 * with a producer template outside any route are not counted.
 */
final class RouteExchangeCounter extends EventNotifierSupport {

    /** Counts of one route; written by Camel's threads, read by the admin service. */
    static final class Counts {
        private final LongAdder total = new LongAdder();
        private final LongAdder failed = new LongAdder();

        /** @return exchanges completed or failed */
        long total() {
            return total.sum();
        }

        /** @return exchanges failed */
        long failed() {
            return failed.sum();
        }
    }

    private static final Counts NONE = new Counts();

    private final Map<String, Counts> byRoute = new ConcurrentHashMap<>();

    RouteExchangeCounter() {
        setIgnoreCamelContextEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    /**
     * The counts of one route since it last started.
     *
     * @param routeId the route id
     * @return the counts, zero when the route has seen no exchange
     */
    Counts counts(String routeId) {
        return byRoute.getOrDefault(routeId, NONE);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeFailedEvent failedEvent) {
            Counts counts = countsOf(failedEvent.getExchange().getFromRouteId());
            if (counts != null) {
                counts.total.increment();
                counts.failed.increment();
            }
        } else if (event instanceof CamelEvent.ExchangeCompletedEvent completedEvent) {
            Counts counts = countsOf(completedEvent.getExchange().getFromRouteId());
            if (counts != null) {
                counts.total.increment();
            }
        } else if (event instanceof CamelEvent.RouteStartedEvent started) {
            byRoute.put(started.getRoute().getRouteId(), new Counts());
        } else if (event instanceof CamelEvent.RouteRemovedEvent removed) {
            byRoute.remove(removed.getRoute().getRouteId());
        }
    }

    private Counts countsOf(String routeId) {
        return routeId == null ? null : byRoute.computeIfAbsent(routeId, id -> new Counts());
    }
}
