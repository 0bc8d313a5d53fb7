package io.nautilus.venues.camel;

import io.nautilus.api.VenueId;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** The {@code nautilus-venue-report:<venueId>} component: where a venue route sends the venue's answers. */
public final class ReportComponent extends DefaultComponent {

    /** The URI scheme. */
    public static final String SCHEME = "nautilus-venue-report";

    private final VenueGateways gateways;

    /**
     * @param gateways the gateways by venue
     */
    public ReportComponent(VenueGateways gateways) {
        this.gateways = gateways;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        VenueId venue = venue(uri, remaining, SCHEME);
        ReportEndpoint endpoint = new ReportEndpoint(uri, this, gateways.gateway(venue));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    static VenueId venue(String uri, String remaining, String scheme) {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(uri + ": the venue id is missing (" + scheme + ":<venueId>)");
        }
        try {
            return VenueId.of(remaining.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(uri + ": " + e.getMessage(), e);
        }
    }
}
