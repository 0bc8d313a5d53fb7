package io.nautilus.core.internal;

import io.nautilus.api.order.ExecutionReportListener;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the real trading core outside OSGi for tests of other bundles (the same package as its DS component, whose
 * life-cycle methods are package-private).
 */
public final class RealCore {

    private RealCore() {
    }

    /**
     * Starts a core with fsync off and no clock ticks, then applies instruments, accounts and risk limits.
     *
     * @param dir         journal folder
     * @param listener    receives every execution report
     * @param instruments as in io.nautilus.core.instruments.cfg
     * @param accounts    as in io.nautilus.core.accounts.cfg
     * @param risk        as in io.nautilus.core.risk.cfg (empty: no limits)
     * @return the running core; call {@link #stop(TradingCoreManager)} when done
     * @throws Exception if it does not start
     */
    public static TradingCoreManager start(Path dir, ExecutionReportListener listener, Map<String, ?> instruments,
                                           Map<String, ?> accounts, Map<String, ?> risk) throws Exception {
        return start(dir, listener, null, instruments, accounts, risk);
    }

    /**
     * As {@link #start(Path, ExecutionReportListener, Map, Map, Map)}, with a venue router.
     *
     * @param dir         journal folder
     * @param listener    receives every execution report
     * @param router      receives the venue commands, or null
     * @param instruments as in io.nautilus.core.instruments.cfg
     * @param accounts    as in io.nautilus.core.accounts.cfg
     * @param risk        as in io.nautilus.core.risk.cfg (empty: no limits)
     * @return the running core
     * @throws Exception if it does not start
     */
    public static TradingCoreManager start(Path dir, ExecutionReportListener listener,
                                           io.nautilus.core.api.VenueOrderRouter router, Map<String, ?> instruments,
                                           Map<String, ?> accounts, Map<String, ?> risk) throws Exception {
        return start(dir, listener, router, instruments, accounts, risk, Map.of());
    }

    /**
     * As {@link #start(Path, ExecutionReportListener, io.nautilus.core.api.VenueOrderRouter, Map, Map, Map)}, with
     * core settings over the test defaults.
     *
     * @param dir         journal folder
     * @param listener    receives every execution report
     * @param router      receives the venue commands, or null
     * @param instruments as in io.nautilus.core.instruments.cfg
     * @param accounts    as in io.nautilus.core.accounts.cfg
     * @param risk        as in io.nautilus.core.risk.cfg (empty: no limits)
     * @param settings    as in io.nautilus.core.cfg, e.g. {@code pipeline.layout}
     * @return the running core
     * @throws Exception if it does not start
     */
    public static TradingCoreManager start(Path dir, ExecutionReportListener listener,
                                           io.nautilus.core.api.VenueOrderRouter router, Map<String, ?> instruments,
                                           Map<String, ?> accounts, Map<String, ?> risk, Map<String, ?> settings)
            throws Exception {
        TradingCoreManager core = new TradingCoreManager();
        core.addListener(listener);
        if (router != null) {
            core.addRouter(router);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("journal.dir", dir.toString());
        properties.put("journal.fsync", "none");
        properties.put("ring.size", 1024);
        properties.put("snapshot.interval.minutes", 0);
        properties.put("clock.tick.ms", 60_000);
        properties.putAll(settings);
        core.activate(CoreConfigs.of(properties));
        core.applyInstruments(instruments);
        core.applyAccounts(accounts);
        if (!risk.isEmpty()) {
            core.applyRiskLimits(risk); // an empty map is an empty file, which the core refuses; a fresh core has no limits
        }
        return core;
    }

    /**
     * Stops a core started by {@link #start}.
     *
     * @param core the core
     */
    public static void stop(TradingCoreManager core) {
        core.deactivate();
    }
}
