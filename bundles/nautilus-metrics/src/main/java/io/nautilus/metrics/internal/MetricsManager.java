package io.nautilus.metrics.internal;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nautilus.api.platform.MetricsScrape;
import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.core.api.CoreMetricsService;
import io.nautilus.history.api.HistoryService;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.router.api.SmartOrderRouter;
import io.prometheus.metrics.model.registry.MultiCollector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The platform's Prometheus registry: JVM/GC meters from the start, each engine's meters while its service is there,
 * all of them published as the {@link MetricsScrape} service.
 */
@Component(service = MetricsScrape.class, immediate = true)
public final class MetricsManager implements MetricsScrape {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmMeters jvm = new JvmMeters();
    private volatile CoreMeters core;
    private final Map<Object, MultiCollector> engines = new ConcurrentHashMap<>();

    /** Binds the JVM meters. */
    @Activate
    public void activate() {
        jvm.bindTo(registry);
    }

    /** Unbinds everything and closes the registry. */
    @Deactivate
    public void deactivate() {
        CoreMeters current = core;
        if (current != null) {
            current.remove(registry);
        }
        engines.values().forEach(registry.getPrometheusRegistry()::unregister);
        engines.clear();
        jvm.close();
        registry.close();
    }

    /**
     * Meters the trading core while it is there.
     *
     * @param service the core's counters
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCore(CoreMetricsService service) {
        CoreMeters meters = new CoreMeters(service);
        meters.bindTo(registry);
        core = meters;
    }

    void unbindCore(CoreMetricsService service) {
        CoreMeters current = core;
        if (current != null && current.meters(service)) {
            current.remove(registry);
            core = null;
        }
    }

    /** @param service market data: tick rates per feed, deliveries and conflation per subscription */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMarketData(MarketDataAdminService service) {
        bindEngine(service, EngineCollectors.of(service, EngineCollectors::marketData));
    }

    void unbindMarketData(MarketDataAdminService service) {
        unbindEngine(service);
    }

    /** @param service strategies: event lag, deliveries, queues, state */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindStrategies(StrategyAdminService service) {
        bindEngine(service, EngineCollectors.of(service, EngineCollectors::strategies));
    }

    void unbindStrategies(StrategyAdminService service) {
        unbindEngine(service);
    }

    /** @param service venues: session state, orders and reports */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindVenues(VenueAdminService service) {
        bindEngine(service, EngineCollectors.of(service, EngineCollectors::venues));
    }

    void unbindVenues(VenueAdminService service) {
        unbindEngine(service);
    }

    /** @param service the smart order router: per-venue round trips, fill rates and scores; decisions, child orders */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRouter(SmartOrderRouter service) {
        bindEngine(service, EngineCollectors.of(service, EngineCollectors::router));
    }

    void unbindRouter(SmartOrderRouter service) {
        unbindEngine(service);
    }

    /** @param service the history store: lag behind the core, rows, errors */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindHistory(HistoryService service) {
        bindEngine(service, EngineCollectors.of(service, EngineCollectors::history));
    }

    void unbindHistory(HistoryService service) {
        unbindEngine(service);
    }

    /** @param service notifications: alerts raised and open, deliveries per receiver */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindNotifications(NotificationService service) {
        bindEngine(service, EngineCollectors.of(service, EngineCollectors::notifications));
    }

    void unbindNotifications(NotificationService service) {
        unbindEngine(service);
    }

    private void bindEngine(Object service, MultiCollector collector) {
        registry.getPrometheusRegistry().register(collector);
        MultiCollector previous = engines.put(service, collector);
        if (previous != null) {
            registry.getPrometheusRegistry().unregister(previous);
        }
    }

    private void unbindEngine(Object service) {
        MultiCollector collector = engines.remove(service);
        if (collector != null) {
            registry.getPrometheusRegistry().unregister(collector);
        }
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }
}
