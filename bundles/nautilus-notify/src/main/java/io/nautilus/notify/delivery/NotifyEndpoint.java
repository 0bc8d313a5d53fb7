package io.nautilus.notify.delivery;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code nautilus-notify:<channel>}: a consumer endpoint started by each notification for the channel, or
 * {@code nautilus-notify:topic}: a producer endpoint publishing to the in-platform listeners.
 */
final class NotifyEndpoint extends DefaultEndpoint {

    private final String channel;
    private final ChannelHub hub;

    NotifyEndpoint(String uri, NotifyComponent component, String channel, ChannelHub hub) {
        super(uri, component);
        this.channel = channel;
        this.hub = hub;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (NotifyComponent.TOPIC.equals(channel)) {
            throw new IllegalArgumentException(getEndpointUri() + " is where the ui channel's route sends to ('to');"
                    + " routes start from nautilus-notify:<channel>");
        }
        NotifyConsumer consumer = new NotifyConsumer(this, processor, hub);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        if (!NotifyComponent.TOPIC.equals(channel)) {
            throw new IllegalArgumentException(getEndpointUri() + ": nautilus-notify:<channel> endpoints only start"
                    + " routes ('from'); send to nautilus-notify:" + NotifyComponent.TOPIC
                    + " for the in-platform listeners");
        }
        return new TopicProducer(this, hub);
    }

    String channel() {
        return channel;
    }
}
