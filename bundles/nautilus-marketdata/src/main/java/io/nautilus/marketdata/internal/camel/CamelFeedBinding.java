package io.nautilus.marketdata.internal.camel;

import io.nautilus.marketdata.api.MarketDataIngest;
import org.apache.camel.CamelContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers the {@code nautilus-md} and {@code nautilus-feed} components in every platform CamelContext service
 * while it is there, so integrators' YAML routes can use them. Both references are dynamic: the engine
 * (restarted by a configuration change) and the Camel contexts come and go without restarting each other, and
 * routes keep running across an engine restart (ticks in between are dropped and counted per endpoint).
 */
@Component(immediate = true)
public final class CamelFeedBinding {

    private static final Logger LOG = LoggerFactory.getLogger(CamelFeedBinding.class);

    private final IngestHandle ingest = new IngestHandle();
    private final Map<CamelContext, Boolean> contexts = new ConcurrentHashMap<>();
    private final java.util.Set<io.nautilus.api.platform.RouteAdminService> routeAdmins =
            ConcurrentHashMap.newKeySet();

    /** Creates the component (DS). */
    public CamelFeedBinding() {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIngest(MarketDataIngest engine) {
        ingest.set(engine);
    }

    void unbindIngest(MarketDataIngest engine) {
        if (ingest.get() == engine) {
            ingest.set(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCamelContext(CamelContext context) {
        register(context, ingest);
        contexts.put(context, Boolean.TRUE);
        LOG.info("registered Camel components {} and {} in context {}", MarketDataComponent.SCHEME,
                FeedComponent.SCHEME, context.getName());
        reloadFailedRouteFiles();
    }

    /**
     * The route admin of the integrators' route folder: route files that failed because these components were not
     * registered yet (the folder loads when Camel starts, possibly before this bundle) are loaded again.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRouteAdmin(io.nautilus.api.platform.RouteAdminService admin) {
        routeAdmins.add(admin);
        if (!contexts.isEmpty()) {
            reloadFailedRouteFiles();
        }
    }

    void unbindRouteAdmin(io.nautilus.api.platform.RouteAdminService admin) {
        routeAdmins.remove(admin);
    }

    private void reloadFailedRouteFiles() {
        for (io.nautilus.api.platform.RouteAdminService admin : routeAdmins) {
            try {
                for (io.nautilus.api.platform.RouteFile file : admin.routeFiles()) {
                    if (file.state() == io.nautilus.api.platform.RouteFile.State.FAILED) {
                        LOG.info("loading route file {} again now that {} and {} are registered", file.fileName(),
                                MarketDataComponent.SCHEME, FeedComponent.SCHEME);
                        admin.reload(file.fileName());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("could not reload failed route files: {}", e.getMessage());
            }
        }
    }

    void unbindCamelContext(CamelContext context) {
        if (contexts.remove(context) != null) {
            unregister(context);
        }
    }

    @Deactivate
    void deactivate() {
        for (CamelContext context : contexts.keySet()) {
            unbindCamelContext(context);
        }
    }

    /**
     * Adds both components to a context.
     *
     * @param context the context
     * @param ingest  where {@code nautilus-md} endpoints hand ticks
     */
    public static void register(CamelContext context, IngestHandle ingest) {
        context.addComponent(MarketDataComponent.SCHEME, new MarketDataComponent(ingest));
        context.addComponent(FeedComponent.SCHEME, new FeedComponent());
    }

    /**
     * Removes both components from a context (routes that use them keep their endpoints until restarted).
     *
     * @param context the context
     */
    public static void unregister(CamelContext context) {
        try {
            context.removeComponent(MarketDataComponent.SCHEME);
            context.removeComponent(FeedComponent.SCHEME);
        } catch (RuntimeException e) {
            LOG.warn("could not remove the market-data components from context {}: {}", context.getName(),
                    e.toString());
        }
    }
}
