package io.nautilus.venue.fix;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStateListener;
import io.nautilus.core.api.TradingCoreService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * One configured FIX venue ({@code etc/io.nautilus.venue.fix-<venue>.cfg}) as a {@link VenueGateway} service with
 * the service property {@code venue.id}; the instruments' scales come from the trading core when it runs.
 *
 * <p>A broken file is logged with the reason: a new venue does not start, a running one keeps its previous session
 * and settings; other venues are separate components and never notice.
 */
@Component(service = VenueGateway.class, configurationPid = FixVenueComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = FixVenueConfig.class, factory = true)
public final class FixVenueComponent implements VenueGateway {

    /** The factory PID of the venue configurations. */
    public static final String FACTORY_PID = "io.nautilus.venue.fix";

    private static final Logger LOG = LoggerFactory.getLogger(FixVenueComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TradingCoreService core;

    private volatile FixVenueGateway gateway;
    private volatile ExecutionReportListener listener;
    private volatile VenueStateListener stateListener;

    @Activate
    void activate(Map<String, Object> properties) {
        FixVenueSettings settings;
        try {
            settings = FixVenueSettings.parse(properties, System.getProperty("karaf.data"));
        } catch (IllegalArgumentException e) {
            LOG.error("{} (configuration {}); the venue is not started", e.getMessage(), properties.get("service.pid"));
            throw e;
        }
        gateway = start(settings);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        FixVenueSettings settings;
        try {
            settings = FixVenueSettings.parse(properties, System.getProperty("karaf.data"));
        } catch (IllegalArgumentException e) {
            LOG.error("{} (configuration {}); the venue keeps running with its previous settings", e.getMessage(),
                    properties.get("service.pid"));
            return;
        }
        FixVenueGateway current = gateway;
        if (current != null && current.settings().equals(settings)) {
            return;
        }
        LOG.info("FIX venue {}: settings changed, restarting the session", settings.venue());
        if (current != null) {
            current.close();
        }
        gateway = start(settings);
    }

    @Deactivate
    void deactivate() {
        FixVenueGateway current = gateway;
        gateway = null;
        if (current != null) {
            current.close();
        }
    }

    private FixVenueGateway start(FixVenueSettings settings) {
        FixVenueGateway created = new FixVenueGateway(settings, instrument -> {
            TradingCoreService service = core;
            Optional<Instrument> definition = service == null ? Optional.empty() : service.instrument(instrument);
            return definition.map(i -> new InstrumentScales.Scales(i.priceScale(), i.quantityScale())).orElse(null);
        });
        created.setListener(listener);
        created.setStateListener(stateListener);
        if (settings.connectOnStart()) {
            created.connect();
        }
        return created;
    }

    private FixVenueGateway gateway() {
        FixVenueGateway current = gateway;
        if (current == null) {
            throw new IllegalStateException("FIX venue gateway is not active");
        }
        return current;
    }

    @Override
    public VenueId venueId() {
        return gateway().venueId();
    }

    @Override
    public ConnectionState state() {
        FixVenueGateway current = gateway;
        return current == null ? ConnectionState.DOWN : current.state();
    }

    @Override
    public void setListener(ExecutionReportListener listener) {
        this.listener = listener;
        FixVenueGateway current = gateway;
        if (current != null) {
            current.setListener(listener);
        }
    }

    @Override
    public void setStateListener(VenueStateListener listener) {
        this.stateListener = listener;
        FixVenueGateway current = gateway;
        if (current != null) {
            current.setStateListener(listener);
        }
    }

    @Override
    public boolean sendNew(NewOrder order) {
        FixVenueGateway current = gateway;
        return current != null && current.sendNew(order);
    }

    @Override
    public boolean sendCancel(CancelOrder cancel) {
        FixVenueGateway current = gateway;
        return current != null && current.sendCancel(cancel);
    }

    @Override
    public boolean sendReplace(ReplaceOrder replace) {
        FixVenueGateway current = gateway;
        return current != null && current.sendReplace(replace);
    }

    @Override
    public boolean requestStatus(OrderStatusQuery query) {
        FixVenueGateway current = gateway;
        return current != null && current.requestStatus(query);
    }

    @Override
    public VenueSessionInfo sessionInfo() {
        return gateway().sessionInfo();
    }

    @Override
    public void connect() {
        gateway().connect();
    }

    @Override
    public void disconnect(String reason) {
        gateway().disconnect(reason);
    }
}
