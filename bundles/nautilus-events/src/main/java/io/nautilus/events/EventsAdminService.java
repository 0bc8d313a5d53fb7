package io.nautilus.events;

import java.util.List;

/**
 * Delivery counts of the running {@code nautilus-events} consumer endpoints, for operators and monitoring.
 */
public interface EventsAdminService {

    /**
     * The counts of every consumer endpoint whose route is running, in the order they started.
     *
     * @return one entry per running endpoint consumer; empty when no route consumes platform events
     */
    List<EventEndpointStats> endpoints();
}
