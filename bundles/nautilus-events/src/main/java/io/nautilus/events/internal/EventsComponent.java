package io.nautilus.events.internal;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The {@code nautilus-events} component: {@code nautilus-events:executions}, {@code nautilus-events:fills} and
 * {@code nautilus-events:bars} consumer endpoints fed by one {@link EventHub}.
 */
public final class EventsComponent extends DefaultComponent {

    /** The URI scheme. */
    public static final String SCHEME = "nautilus-events";

    private final EventHub hub;

    /**
     * @param hub where the endpoints' consumers take their events from
     */
    public EventsComponent(EventHub hub) {
        this.hub = hub;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        EventsEndpoint endpoint = new EventsEndpoint(uri, this, EventKind.ofPath(remaining), hub);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
