package io.nautilus.venues.camel;

import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** The running route of a venue: while started, the venue's gateway is LOGGED_ON and published. */
final class VenueConsumer extends DefaultConsumer {

    private final CamelVenueGateway gateway;

    VenueConsumer(VenueEndpoint endpoint, Processor processor, CamelVenueGateway gateway) {
        super(endpoint, processor);
        this.gateway = gateway;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        gateway.attach(this);
    }

    @Override
    protected void doStop() throws Exception {
        gateway.detach(this);
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        gateway.detach(this);
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        super.doResume();
        gateway.attach(this);
    }
}
