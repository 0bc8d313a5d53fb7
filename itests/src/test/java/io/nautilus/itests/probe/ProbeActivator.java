package io.nautilus.itests.probe;

import io.nautilus.api.strategy.Strategy;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import java.util.Hashtable;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registers the {@link ProbeStrategy} as strategy instance {@code probe} (account desk-2, instrument ITEST-PROBE) and,
 * for the test, a {@code Supplier} of its counters with service property {@code nautilus.probe=true}.
 */
public final class ProbeActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        ProbeStrategy strategy = new ProbeStrategy(context.getBundle().getVersion().toString());
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("strategy.id", "probe");
        properties.put("strategy.account", "desk-2");
        properties.put("strategy.instruments", ProbeStrategy.INSTRUMENT.value());
        properties.put("strategy.orderPolicy", "CANCEL_ALL");
        context.registerService(Strategy.class, strategy, properties);
        Hashtable<String, Object> probe = new Hashtable<>();
        probe.put("nautilus.probe", "true");
        Supplier<Map<String, String>> counters = strategy::snapshot;
        context.registerService(Supplier.class, counters, probe);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }
}
