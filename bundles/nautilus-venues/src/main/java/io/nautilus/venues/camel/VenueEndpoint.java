package io.nautilus.venues.camel;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** {@code nautilus-venue:<venueId>}: consumer only; the venue's commands arrive here. */
public final class VenueEndpoint extends DefaultEndpoint {

    private final CamelVenueGateway gateway;

    VenueEndpoint(String uri, VenueComponent component, CamelVenueGateway gateway) {
        super(uri, component);
        this.gateway = gateway;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        VenueConsumer consumer = new VenueConsumer(this, processor, gateway);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri() + ": nautilus-venue endpoints only start routes"
                + " (use them in 'from'); send the venue's answers to nautilus-venue-report:"
                + gateway.venueId());
    }

    /** @return the venue id */
    public String getVenueId() {
        return gateway.venueId().value();
    }

    /** @return the gateway this endpoint feeds */
    public CamelVenueGateway getGateway() {
        return gateway;
    }
}
