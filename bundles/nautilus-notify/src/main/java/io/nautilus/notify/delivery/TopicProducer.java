package io.nautilus.notify.delivery;

import io.nautilus.notify.api.Notification;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * {@code nautilus-notify:topic}: hands the exchange's notification (the property {@code NautilusNotification} a
 * {@code nautilus-notify:<channel>} consumer set) to every {@link io.nautilus.notify.api.NotificationListener}; the
 * header {@code NautilusNotifyReference} says how many took it.
 */
final class TopicProducer extends DefaultProducer {

    private final ChannelHub hub;

    TopicProducer(NotifyEndpoint endpoint, ChannelHub hub) {
        super(endpoint);
        this.hub = hub;
    }

    @Override
    public void process(Exchange exchange) {
        Notification notification = exchange.getProperty(NotifyHeaders.NOTIFICATION, Notification.class);
        if (notification == null) {
            throw new IllegalArgumentException(getEndpoint().getEndpointUri() + " publishes notifications: the"
                    + " exchange has no property " + NotifyHeaders.NOTIFICATION + " (routes starting from"
                    + " nautilus-notify:<channel> have it)");
        }
        int told = hub.publish(notification);
        exchange.getMessage().setHeader(NotifyHeaders.REFERENCE, told + (told == 1 ? " listener" : " listeners"));
    }
}
