package io.nautilus.notify.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import java.util.concurrent.CompletableFuture;

/**
 * The start of a channel's route: while the route runs, {@link CamelChannelTransport} hands it the channel's
 * notifications, one exchange each.
 */
final class NotifyConsumer extends DefaultConsumer {

    private final NotifyEndpoint endpoint;
    private final ChannelHub hub;

    NotifyConsumer(NotifyEndpoint endpoint, Processor processor, ChannelHub hub) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.hub = hub;
    }

    String channel() {
        return endpoint.channel();
    }

    /**
     * Runs the route with an exchange made by {@link #createExchange(boolean)}.
     *
     * @param exchange the exchange
     * @param done     completed when the route is done with it (failed or not: see the exchange)
     */
    void deliver(Exchange exchange, CompletableFuture<Exchange> done) {
        try {
            getAsyncProcessor().process(exchange, doneSync -> done.complete(exchange));
        } catch (RuntimeException e) {
            exchange.setException(e);
            done.complete(exchange);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        hub.add(this);
    }

    @Override
    protected void doStop() throws Exception {
        hub.remove(this);
        super.doStop();
    }
}
