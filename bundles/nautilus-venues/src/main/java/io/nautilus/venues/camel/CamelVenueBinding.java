package io.nautilus.venues.camel;

import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.api.platform.RouteFile;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.core.api.TradingCoreService;
import org.apache.camel.CamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers the {@code nautilus-venue} and {@code nautilus-venue-report} components in every platform CamelContext
 * service while it is there, and publishes each venue route's gateway as a {@link VenueGateway} OSGi service
 * (property {@code venue=<venueId>}) while the route runs. Route files that failed because the components were
 * not registered yet are loaded again. Instrument scales come from the trading core when it is there; without it
 * commands are refused (their prices cannot be written).
 */
@Component(immediate = true)
public final class CamelVenueBinding {

    private static final Logger LOG = LoggerFactory.getLogger(CamelVenueBinding.class);

    private final VenueGateways gateways;
    private final Map<CamelContext, Boolean> contexts = new ConcurrentHashMap<>();
    private final Set<RouteAdminService> routeAdmins = ConcurrentHashMap.newKeySet();
    private volatile TradingCoreService core;

    /**
     * Creates the component (DS).
     *
     * @param bundleContext where the gateways are published
     */
    @Activate
    public CamelVenueBinding(BundleContext bundleContext) {
        gateways = new VenueGateways(gateway -> publish(bundleContext, gateway), id -> {
            TradingCoreService current = core;
            return current == null ? java.util.Optional.empty() : current.instrument(id);
        });
    }

    private static Runnable publish(BundleContext bundleContext, CamelVenueGateway gateway) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("venue", gateway.venueId().value());
        properties.put("venue.gateway", "camel");
        ServiceRegistration<VenueGateway> registration = bundleContext.registerService(VenueGateway.class, gateway,
                properties);
        LOG.info("venue {}: Camel route gateway registered", gateway.venueId());
        return () -> {
            try {
                registration.unregister();
                LOG.info("venue {}: Camel route gateway unregistered", gateway.venueId());
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        };
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCore(TradingCoreService service) {
        core = service;
    }

    void unbindCore(TradingCoreService service) {
        if (core == service) {
            core = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCamelContext(CamelContext context) {
        register(context, gateways);
        contexts.put(context, Boolean.TRUE);
        LOG.info("registered Camel components {} and {} in context {}", VenueComponent.SCHEME,
                ReportComponent.SCHEME, context.getName());
        reloadFailedRouteFiles();
    }

    void unbindCamelContext(CamelContext context) {
        if (contexts.remove(context) != null) {
            unregister(context);
        }
    }

    /**
     * The route admin of the integrators' route folder: route files that failed because these components were not
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
                        LOG.info("loading route file {} again now that {} and {} are registered", file.fileName(),
                                VenueComponent.SCHEME, ReportComponent.SCHEME);
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
        gateways.closeAll();
    }

    /**
     * Adds both components to a context.
     *
     * @param context  the context
     * @param gateways the gateways they share
     */
    public static void register(CamelContext context, VenueGateways gateways) {
        context.addComponent(VenueComponent.SCHEME, new VenueComponent(gateways));
        context.addComponent(ReportComponent.SCHEME, new ReportComponent(gateways));
    }

    /**
     * Removes both components from a context (routes that use them keep their endpoints until restarted).
     *
     * @param context the context
     */
    public static void unregister(CamelContext context) {
        try {
            context.removeComponent(VenueComponent.SCHEME);
            context.removeComponent(ReportComponent.SCHEME);
        } catch (RuntimeException e) {
            LOG.warn("could not remove the venue components from context {}: {}", context.getName(), e.toString());
        }
    }
}
