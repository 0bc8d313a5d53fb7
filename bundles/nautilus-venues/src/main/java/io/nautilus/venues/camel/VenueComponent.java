package io.nautilus.venues.camel;

import io.nautilus.api.VenueId;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** The {@code nautilus-venue:<venueId>} component: a route consuming from it is that venue's gateway. */
public final class VenueComponent extends DefaultComponent {

    /** The URI scheme. */
    public static final String SCHEME = "nautilus-venue";

    private final VenueGateways gateways;

    /**
     * @param gateways the gateways by venue
     */
    public VenueComponent(VenueGateways gateways) {
        this.gateways = gateways;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        VenueId venue = ReportComponent.venue(uri, remaining, SCHEME);
        VenueEndpoint endpoint = new VenueEndpoint(uri, this, gateways.gateway(venue));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
