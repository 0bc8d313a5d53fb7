package io.nautilus.events.internal;

import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.api.platform.RouteFile;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.events.EventEndpointStats;
import io.nautilus.events.EventsAdminService;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.Subscription;
import org.apache.camel.CamelContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers the {@code nautilus-events} component in every platform CamelContext service while it is there, receives
 * the core's results as a {@link CommandResultListener} whiteboard service, subscribes to the market-data engine's
 * bars directly on its thread (the hub only offers them to the endpoints' hand-offs), and reports the endpoints'
 * counts as the {@link EventsAdminService}. Route files that failed because the component was not registered yet
 * are loaded again.
 */
@Component(service = {CommandResultListener.class, EventsAdminService.class}, immediate = true)
public final class CamelEventsBinding implements CommandResultListener, EventsAdminService {

    private static final Logger LOG = LoggerFactory.getLogger(CamelEventsBinding.class);

    private final EventHub hub = new EventHub();
    private final Map<CamelContext, Boolean> contexts = new ConcurrentHashMap<>();
    private final Set<RouteAdminService> routeAdmins = ConcurrentHashMap.newKeySet();
    private final Map<MarketDataService, Subscription> barSubscriptions = new ConcurrentHashMap<>();

    /** Creates the component (DS). */
    public CamelEventsBinding() {
    }

    @Override
    public void onCommandResult(CommandResult result) {
        hub.onCommandResult(result);
    }

    @Override
    public void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
        hub.onInstrumentDefined(seq, timestampNanos, instrument);
    }

    @Override
    public List<EventEndpointStats> endpoints() {
        return hub.stats();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCore(TradingCoreService core) {
        hub.setInstrumentLookup(core::instrument);
    }

    void unbindCore(TradingCoreService core) {
        hub.setInstrumentLookup(id -> Optional.empty());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindMarketData(MarketDataService marketData) {
        barSubscriptions.put(marketData, marketData.subscribeDirect("nautilus-events", hub));
    }

    void unbindMarketData(MarketDataService marketData) {
        Subscription subscription = barSubscriptions.remove(marketData);
        if (subscription != null) {
            subscription.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCamelContext(CamelContext context) {
        register(context, hub);
        contexts.put(context, Boolean.TRUE);
        LOG.info("registered Camel component {} in context {}", EventsComponent.SCHEME, context.getName());
        reloadFailedRouteFiles();
    }

    void unbindCamelContext(CamelContext context) {
        if (contexts.remove(context) != null) {
            try {
                context.removeComponent(EventsComponent.SCHEME);
            } catch (RuntimeException e) {
                LOG.warn("could not remove {} from context {}: {}", EventsComponent.SCHEME, context.getName(),
                        e.toString());
            }
        }
    }

    /**
     * The route admin of the integrators' route folder: route files that failed because this component was not
     * registered yet are loaded again.
     *
     * @param admin the route admin
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRouteAdmin(RouteAdminService admin) {
        routeAdmins.add(admin);
        if (!contexts.isEmpty()) {
            reloadFailedRouteFiles();
        }
    }

    void unbindRouteAdmin(RouteAdminService admin) {
        routeAdmins.remove(admin);
    }

    private void reloadFailedRouteFiles() {
        for (RouteAdminService admin : routeAdmins) {
            try {
                for (RouteFile file : admin.routeFiles()) {
                    if (file.state() == RouteFile.State.FAILED) {
                        LOG.info("loading route file {} again now that {} is registered", file.fileName(),
                                EventsComponent.SCHEME);
                        admin.reload(file.fileName());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("could not reload failed route files: {}", e.getMessage());
            }
        }
    }

    @Deactivate
    void deactivate() {
        for (CamelContext context : contexts.keySet()) {
            unbindCamelContext(context);
        }
        barSubscriptions.values().forEach(Subscription::close);
        barSubscriptions.clear();
    }

    /**
     * Adds the {@code nautilus-events} component to a context.
     *
     * @param context the context
     * @param hub     the hub its endpoints take events from
     */
    public static void register(CamelContext context, EventHub hub) {
        context.addComponent(EventsComponent.SCHEME, new EventsComponent(hub));
    }
}
