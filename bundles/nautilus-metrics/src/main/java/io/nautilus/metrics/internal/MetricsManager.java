package io.nautilus.metrics.internal;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nautilus.api.platform.MetricsScrape;
import io.nautilus.core.api.CoreMetricsService;
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

    @Override
    public String scrape() {
        return registry.scrape();
    }
}
