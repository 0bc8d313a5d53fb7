package io.nautilus.venue.rest.internal;

import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.core.api.TradingCoreService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;

/**
 * One configured REST/WebSocket venue: builds a {@link RestVenueGateway} from
 * {@code etc/io.nautilus.venue.rest-<venue>.cfg}, connects it and registers it as a {@link VenueGateway} service
 * with the property {@code venue.id}. The service is registered by hand (not by DS) so the configuration's secret
 * never becomes a service property. Instrument scales and symbols come from the trading core when it is present.
 */
@Component(configurationPid = "io.nautilus.venue.rest", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = RestVenueConfig.class, factory = true)
public final class RestVenueComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RestVenueComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TradingCoreService core;

    private RestVenueGateway gateway;
    private ServiceRegistration<VenueGateway> registration;

    /** Creates the component (DS). */
    public RestVenueComponent() {
    }

    @Activate
    void activate(BundleContext context, RestVenueConfig config) {
        RestVenueSettings settings = settings(config);
        gateway = new RestVenueGateway(settings, InstrumentDirectory.dynamic(this::coreInstruments), Ticker.SYSTEM);
        gateway.connect();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("venue.id", settings.venue().value());
        properties.put("venue.type", "rest");
        properties.put("service.description", "REST/WebSocket venue " + settings.venue() + " at "
                + settings.baseUri());
        registration = context.registerService(VenueGateway.class, gateway, properties);
        LOG.info("REST venue started: {}", settings);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            registration = null;
        }
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    private Collection<Instrument> coreInstruments() {
        TradingCoreService current = core;
        return current == null ? List.of() : current.instruments();
    }

    /**
     * Validated settings from a configuration.
     *
     * @param config the configuration
     * @return the settings
     * @throws IllegalArgumentException naming the setting and value that are wrong (the component stays inactive)
     */
    static RestVenueSettings settings(RestVenueConfig config) {
        String pid = "io.nautilus.venue.rest";
        if (config.venue_id() == null || config.venue_id().isBlank()) {
            throw new IllegalArgumentException(pid + ": venue.id is required (e.g. venue.id = ALPACA)");
        }
        VenueId venue = VenueId.of(config.venue_id().strip());
        if (config.key_id().isBlank() || config.secret().isBlank()) {
            LOG.warn("{} venue {}: key.id or secret is empty; the venue will refuse the stream and every request",
                    pid, venue);
        }
        return new RestVenueSettings(venue, uri(pid, "base.url", config.base_url()),
                uri(pid, "stream.url", config.stream_url()), config.key_id().strip(), config.secret().strip(),
                config.requests_per_second(), config.burst(), config.queue_capacity(),
                Duration.ofMillis(config.queue_max_wait_ms()), Duration.ofMillis(config.connect_timeout_ms()),
                Duration.ofMillis(config.request_timeout_ms()), config.status_retries(),
                Duration.ofMillis(config.reconnect_initial_ms()), Duration.ofMillis(config.reconnect_max_ms()),
                RestVenueSettings.parseSymbols(config.symbols()));
    }

    private static URI uri(String pid, String name, String value) {
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(pid + ": " + name + " '" + value + "' is not a URL: " + e.getMessage());
        }
    }
}
