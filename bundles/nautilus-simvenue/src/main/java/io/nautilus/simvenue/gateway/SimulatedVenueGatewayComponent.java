package io.nautilus.simvenue.gateway;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.Subscription;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One {@link SimulatedVenueGateway} per factory configuration {@code io.nautilus.simvenue.gateway}
 * ({@code etc/io.nautilus.simvenue.gateway-<venue>.cfg}), registered as a {@link VenueGateway} service with the
 * property {@code venue.id}, subscribed to market data and logged on at start. A change restarts it (its orders are
 * lost, as at a venue restart); deleting the file removes it.
 */
@Component(configurationPid = "io.nautilus.simvenue.gateway", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = SimulatedVenueGatewayComponent.class)
@Designate(ocd = SimulatedVenueGatewayConfig.class, factory = true)
public final class SimulatedVenueGatewayComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVenueGatewayComponent.class);

    @Reference
    private TradingCoreService core;

    @Reference
    private MarketDataService marketData;

    private SimulatedVenueGateway gateway;
    private Subscription subscription;
    private ServiceRegistration<VenueGateway> registration;

    /** Creates the component (DS). */
    public SimulatedVenueGatewayComponent() {
    }

    /**
     * Reads a configuration.
     *
     * @param config the configuration
     * @return the settings
     * @throws IllegalArgumentException naming the invalid value
     */
    static SimulatedVenueSettings settings(SimulatedVenueGatewayConfig config) {
        String venue = config.venue_id();
        if (venue == null || venue.isBlank()) {
            throw new IllegalArgumentException("io.nautilus.simvenue.gateway: venue.id is required");
        }
        Set<InstrumentId> instruments = new LinkedHashSet<>();
        for (String symbol : config.instruments().split(",")) {
            if (!symbol.isBlank()) {
                instruments.add(InstrumentId.of(symbol.trim()));
            }
        }
        return new SimulatedVenueSettings(VenueId.of(venue.trim()), instruments, config.latency_ms(),
                config.latency_jitter_ms(), config.reject_probability(), config.partial_fill_ratio(), config.seed(),
                config.levels(), config.level_spacing_ticks(), config.size_factor(), config.trades(),
                config.refresh_ms());
    }

    @Activate
    void activate(BundleContext context, SimulatedVenueGatewayConfig config) {
        if (!config.enabled()) {
            LOG.info("simulated venue gateway {} disabled (enabled = false)", config.venue_id());
            return;
        }
        SimulatedVenueSettings settings = settings(config);
        gateway = new SimulatedVenueGateway(settings, core::instrument,
                new ThreadVenueScheduler("nautilus-simvenue-" + settings.venue()));
        subscription = marketData.subscribe("simulated-venue-" + settings.venue(), gateway);
        gateway.connect();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("venue.id", settings.venue().value());
        properties.put("venue.type", "simulated");
        registration = context.registerService(VenueGateway.class, gateway, properties);
        LOG.info("simulated venue gateway {} started: instruments {}, latency {}+0..{} ms, reject probability {},"
                        + " partial fill ratio {}, seed {}", settings.venue(),
                settings.instruments().isEmpty() ? "all defined" : settings.instruments(), settings.latencyMs(),
                settings.jitterMs(), settings.rejectProbability(), settings.partialFillRatio(), settings.seed());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
            registration = null;
        }
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (gateway != null) {
            LOG.info("simulated venue gateway {} stopped: {}", gateway.venueId(), gateway.counters());
            gateway.close();
            gateway = null;
        }
    }

    /** @return the gateway, or {@code null} when disabled or stopped */
    public SimulatedVenueGateway gateway() {
        return gateway;
    }
}
