package io.nautilus.notify.delivery;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The {@code nautilus-notify} Camel component: {@code nautilus-notify:<channel>} consumer endpoints that start a
 * channel's route with each notification for that channel, and the {@code nautilus-notify:topic} producer that hands
 * notifications to the in-platform {@link io.nautilus.notify.api.NotificationListener}s (the {@code ui} channel).
 */
public final class NotifyComponent extends DefaultComponent {

    /** The URI scheme. */
    public static final String SCHEME = "nautilus-notify";
    /** The path of the producer endpoint feeding the in-platform listeners. */
    public static final String TOPIC = "topic";

    private final ChannelHub hub;

    NotifyComponent(ChannelHub hub) {
        this.hub = hub;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (!remaining.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(uri + ": write nautilus-notify:<channel> (letters, digits, - and _)"
                    + " or nautilus-notify:" + TOPIC);
        }
        return new NotifyEndpoint(uri, this, remaining, hub);
    }
}
