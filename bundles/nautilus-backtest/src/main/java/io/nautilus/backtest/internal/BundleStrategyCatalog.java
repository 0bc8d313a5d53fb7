package io.nautilus.backtest.internal;

import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.engine.StrategyCatalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strategies backtests can run: the factories every ACTIVE bundle lists in
 * {@value StrategyFactory#SERVICES_RESOURCE}, each loaded through its own bundle. A strategy bundle installed or
 * updated at run time is backtestable as soon as it is ACTIVE; a stopped or removed one is gone. When two bundles
 * offer the same name, the one installed last wins.
 */
final class BundleStrategyCatalog implements StrategyCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(BundleStrategyCatalog.class);

    private final BundleTracker<List<StrategyFactory>> tracker;

    /** @param context the backtest bundle's context */
    BundleStrategyCatalog(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public List<StrategyFactory> addingBundle(Bundle bundle, BundleEvent event) {
                URL list = bundle.getEntry(StrategyFactory.SERVICES_RESOURCE);
                return list == null ? null : factories(bundle, list);
            }
        };
    }

    /** Starts tracking the bundles. */
    void open() {
        tracker.open();
    }

    /** Stops tracking the bundles. */
    void close() {
        tracker.close();
    }

    /**
     * @param name a factory name
     * @return the factory, or null if no active bundle offers it
     */
    @Override
    public StrategyFactory find(String name) {
        StrategyFactory found = null;
        long foundBundle = -1;
        for (Map.Entry<Bundle, List<StrategyFactory>> e : tracker.getTracked().entrySet()) {
            for (StrategyFactory f : e.getValue()) {
                if (f.name().equals(name) && e.getKey().getBundleId() > foundBundle) {
                    found = f;
                    foundBundle = e.getKey().getBundleId();
                }
            }
        }
        return found;
    }

    /** @return the factory names offered, sorted */
    @Override
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (List<StrategyFactory> factories : tracker.getTracked().values()) {
            for (StrategyFactory f : factories) {
                names.add(f.name());
            }
        }
        return List.copyOf(names);
    }

    private static List<StrategyFactory> factories(Bundle bundle, URL list) {
        List<StrategyFactory> factories = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(list.openStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    Class<?> type = bundle.loadClass(name);
                    if (!StrategyFactory.class.isAssignableFrom(type)) {
                        LOG.warn("backtest strategies: {} of bundle {} is not a {} (or is wired to another"
                                + " nautilus-api); skipped", name, bundle.getSymbolicName(), StrategyFactory.class
                                .getName());
                        continue;
                    }
                    factories.add((StrategyFactory) type.getConstructor().newInstance());
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    LOG.warn("backtest strategies: cannot load {} of bundle {}: {}", name, bundle.getSymbolicName(),
                            e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("backtest strategies: cannot read {} of bundle {}: {}", StrategyFactory.SERVICES_RESOURCE,
                    bundle.getSymbolicName(), e.toString());
        }
        if (!factories.isEmpty()) {
            LOG.info("backtest strategies: {} from bundle {} {}", factories.stream().map(StrategyFactory::name)
                    .toList(), bundle.getSymbolicName(), bundle.getVersion());
        }
        return List.copyOf(factories);
    }
}
