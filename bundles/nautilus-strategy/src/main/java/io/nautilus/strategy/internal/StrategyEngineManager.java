package io.nautilus.strategy.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyConfigurationCheck;
import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.strategy.engine.CoreTradingPort;
import io.nautilus.strategy.engine.InstanceState;
import io.nautilus.strategy.engine.LatencyTradingPort;
import io.nautilus.strategy.engine.ParameterChange;
import io.nautilus.strategy.engine.StrategyBindings;
import io.nautilus.strategy.engine.StrategyEngine;
import io.nautilus.strategy.engine.StrategyInstance;
import io.nautilus.strategy.engine.TradingPort;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The strategy engine in OSGi: tracks {@link Strategy} services (see {@link StrategyBindings} for the service
 * properties and the hot-swap rules), subscribes to the {@link MarketDataService}, receives execution reports as an
 * {@link ExecutionReportListener} service, sends orders to the {@link TradingCoreService} (after the configured
 * simulated venue latency) and answers operators as the {@link StrategyAdminService}.
 */
@Component(service = {ExecutionReportListener.class, StrategyAdminService.class, StrategyEngineManager.class},
        configurationPid = "io.nautilus.strategy", immediate = true)
@Designate(ocd = StrategyEngineConfig.class)
public final class StrategyEngineManager implements ExecutionReportListener, StrategyAdminService {

    private static final Logger LOG = LoggerFactory.getLogger(StrategyEngineManager.class);
    private static final Set<String> RESERVED = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename", "component.name", "component.id", "objectClass", "service.id");

    private final Map<Strategy, Map<String, Object>> waiting = new IdentityHashMap<>();
    private final Map<String, StrategyConfigurationCheck> checks = new ConcurrentHashMap<>();
    private volatile StrategyEngine engine;
    private ScheduledExecutorService timer;
    private ScheduledExecutorService venue;
    private StrategyBindings bindings;
    private MarketDataService marketData;
    private Subscription subscription;

    @Reference
    private TradingCoreService core;

    private final StrategyAlerts alerts = new StrategyAlerts();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAlertService(AlertService service) {
        alerts.bind(service);
    }

    void unbindAlertService(AlertService service) {
        alerts.unbind(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurationAdmin;

    /** Creates the component (DS). */
    public StrategyEngineManager() {
    }

    @Activate
    synchronized void activate(StrategyEngineConfig config) {
        if (config.venue_latency_us() < 0) {
            throw new IllegalArgumentException("io.nautilus.strategy: venue.latency.us must be 0 or more, was "
                    + config.venue_latency_us());
        }
        TradingPort port = new CoreTradingPort(core);
        if (config.venue_latency_us() > 0) {
            venue = Executors.newSingleThreadScheduledExecutor(daemon("nautilus-strategy-venue-latency"));
            port = new LatencyTradingPort(port, venue, TimeUnit.MICROSECONDS.toNanos(config.venue_latency_us()));
        }
        engine = new StrategyEngine(port, alerts);
        timer = Executors.newSingleThreadScheduledExecutor(daemon("nautilus-strategy-bindings"));
        bindings = new StrategyBindings(engine, timer, TimeUnit.MILLISECONDS.toNanos(config.detach_grace_ms()),
                AccountId.of(config.default_account()), LOG::info);
        bindings.beforeFreshStart(this::cancelLeftovers);
        bindings.onProblem(LOG::warn);
        for (Map.Entry<Strategy, Map<String, Object>> entry : waiting.entrySet()) {
            add(entry.getKey(), entry.getValue());
        }
        waiting.clear();
        subscribe();
        LOG.info("strategy engine started (simulated venue latency {} us, market data {})",
                config.venue_latency_us(), marketData == null ? "not yet available" : "subscribed");
    }

    @Deactivate
    synchronized void deactivate() {
        unsubscribe();
        if (!engine.shutdown(10, TimeUnit.SECONDS)) {
            LOG.warn("strategy engine: some instances did not stop within 10 s");
        }
        timer.shutdownNow();
        if (venue != null) {
            venue.shutdown();
            venue = null;
        }
        engine = null;
        bindings = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStrategy", updated = "updatedStrategy")
    synchronized void addStrategy(Strategy strategy, Map<String, Object> properties) {
        if (bindings == null) {
            waiting.put(strategy, properties);
        } else {
            add(strategy, properties);
        }
    }

    synchronized void removeStrategy(Strategy strategy) {
        waiting.remove(strategy);
        if (bindings != null) {
            bindings.removed(strategy);
        }
    }

    synchronized void updatedStrategy(Strategy strategy, Map<String, Object> properties) {
        if (waiting.containsKey(strategy)) {
            waiting.put(strategy, properties);
        } else if (bindings != null) {
            bindings.updated(strategy, properties);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCheck")
    void addCheck(StrategyConfigurationCheck check, Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        if (pid != null) {
            checks.put(pid.toString(), check);
        }
    }

    void removeCheck(StrategyConfigurationCheck check, Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        if (pid != null) {
            checks.remove(pid.toString(), check);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindMarketData(MarketDataService service) {
        unsubscribe();
        marketData = service;
        if (engine != null) {
            subscribe();
        }
    }

    synchronized void unbindMarketData(MarketDataService service) {
        if (marketData == service) {
            unsubscribe();
            marketData = null;
        }
    }

    private void subscribe() {
        if (marketData == null || subscription != null) {
            return;
        }
        // on the market-data engine's thread: the strategy engine only hands each event to its instances' queues
        subscription = marketData.subscribeDirect("strategy-engine", new MarketDataSubscriber() {
            @Override
            public void onQuote(Quote quote) {
                StrategyEngine current = engine;
                if (current != null) {
                    current.onQuote(quote);
                }
            }

            @Override
            public void onTrade(Trade trade) {
                StrategyEngine current = engine;
                if (current != null) {
                    current.onTrade(trade);
                }
            }

            @Override
            public void onBar(Bar bar) {
                StrategyEngine current = engine;
                if (current != null) {
                    current.onBar(bar);
                }
            }

            @Override
            public void onBookLevel(BookLevel level) {
                StrategyEngine current = engine;
                if (current != null) {
                    current.onBookLevel(level);
                }
            }
        });
        LOG.info("strategy engine subscribed to market data");
    }

    private void unsubscribe() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the market-data subscription: {}", e.toString());
            }
            subscription = null;
        }
    }

    /** @return the engine, or {@code null} while the component is not active */
    public StrategyEngine engine() {
        return engine;
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        StrategyEngine current = engine;
        if (current != null) {
            current.onExecutionReport(report);
        }
    }

    @Override
    public List<StrategyInstanceInfo> instances() {
        StrategyEngine current = engine;
        if (current == null) {
            return List.of();
        }
        List<StrategyInstanceInfo> out = new ArrayList<>();
        for (StrategyInstance instance : current.instances()) {
            out.add(info(instance));
        }
        out.sort(Comparator.comparing(StrategyInstanceInfo::id));
        return out;
    }

    @Override
    public Optional<StrategyInstanceInfo> instance(String id) {
        StrategyEngine current = engine;
        if (current == null || id == null || id.isBlank()) {
            return Optional.empty();
        }
        return current.instance(StrategyId.of(id.trim())).map(this::info);
    }

    @Override
    public String stop(String id) {
        StrategyBindings current = activeBindings();
        StrategyId strategyId = StrategyId.of(requireId(id));
        InstanceState state;
        try {
            state = current.operatorStop(strategyId).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "strategy " + strategyId + " is stopping";
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return "strategy " + strategyId + " is stopping (not finished within 10 s)";
        }
        return "strategy " + strategyId + " " + state.name().toLowerCase(java.util.Locale.ROOT)
                + "; nautilus:strategy-start " + strategyId + " runs it again";
    }

    @Override
    public String start(String id) {
        StrategyBindings current = activeBindings();
        StrategyId strategyId = StrategyId.of(requireId(id));
        current.operatorStart(strategyId);
        return "strategy " + strategyId + " started";
    }

    @Override
    public String updateParameters(String id, Map<String, String> changes) {
        StrategyBindings current = activeBindings();
        StrategyId strategyId = StrategyId.of(requireId(id));
        if (engine.instance(strategyId).isEmpty()) {
            throw new IllegalArgumentException("no strategy instance " + strategyId);
        }
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("no parameters to change: give name=value pairs");
        }
        Object pid = current.properties(strategyId).get("service.pid");
        if (pid == null) {
            throw new IllegalArgumentException("strategy " + strategyId + " has no Config Admin configuration (its"
                    + " service is not configured through etc/, or it has no service now)");
        }
        ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            throw new IllegalStateException("Config Admin is not available");
        }
        try {
            Configuration configuration = admin.getConfiguration(pid.toString(), "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                throw new IllegalArgumentException("strategy " + strategyId + ": configuration " + pid
                        + " no longer exists");
            }
            Map<String, Object> saved = new TreeMap<>();
            for (String key : java.util.Collections.list(properties.keys())) {
                saved.put(key, properties.get(key));
            }
            Map<String, Object> next = new ParameterChange(strategyId, checks.get(pid.toString()),
                    current.properties(strategyId)).apply(saved, changes);
            Map<String, String> before = new TreeMap<>();
            for (Map.Entry<String, String> change : changes.entrySet()) {
                Object old = properties.get(change.getKey());
                before.put(change.getKey(), old == null ? "(unset)" : old.toString());
                properties.put(change.getKey(), next.get(change.getKey()));
            }
            configuration.update(properties);
            StringBuilder out = new StringBuilder("strategy ").append(strategyId).append(": configuration ")
                    .append(pid).append(" updated");
            for (Map.Entry<String, String> change : new TreeMap<>(changes).entrySet()) {
                out.append(System.lineSeparator()).append("  ").append(change.getKey()).append(": ")
                        .append(before.get(change.getKey())).append(" -> ").append(change.getValue());
            }
            out.append(System.lineSeparator()).append("the instance is handed to the reconfigured strategy with its"
                    + " state (see nautilus:strategies and the log)");
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException("strategy " + strategyId + ": configuration " + pid
                    + " could not be updated: " + e.getMessage(), e);
        }
    }

    private StrategyInstanceInfo info(StrategyInstance instance) {
        StrategyId id = instance.id();
        StrategyBindings current = bindings;
        Map<String, ?> properties = current == null ? Map.of() : current.properties(id);
        Strategy strategy = current == null ? null : current.strategy(id);
        String implementation = strategy == null ? "" : strategy.getClass().getName();
        String bundle = "";
        if (strategy != null) {
            Bundle owner = FrameworkUtil.getBundle(strategy.getClass());
            if (owner != null) {
                bundle = owner.getSymbolicName() + "/" + owner.getVersion();
            }
        }
        Map<String, String> parameters = new TreeMap<>(instance.config().parameters());
        if (!properties.isEmpty()) {
            parameters.clear();
            for (Map.Entry<String, ?> entry : properties.entrySet()) {
                String key = entry.getKey();
                if (!RESERVED.contains(key) && !key.startsWith(".") && !key.startsWith("strategy.")
                        && !key.startsWith("component.") && !key.startsWith("service.") && !key.startsWith("osgi.")
                        && !key.startsWith("felix.") && entry.getValue() != null) {
                    parameters.put(key, entry.getValue().toString());
                }
            }
        }
        List<String> instruments = new ArrayList<>();
        for (InstrumentId instrument : instance.config().instruments()) {
            instruments.add(instrument.toString());
        }
        instruments.sort(null);
        BigDecimal realised = BigDecimal.ZERO;
        BigDecimal unrealised = BigDecimal.ZERO;
        AccountId account = instance.config().account();
        Set<InstrumentId> wanted = new HashSet<>(instance.config().instruments());
        try {
            for (PositionView position : core.positions(account)) {
                if (!wanted.isEmpty() && !wanted.contains(position.instrument())) {
                    continue;
                }
                Instrument definition = core.instrument(position.instrument()).orElse(null);
                int scale = definition == null ? 0 : definition.priceScale();
                realised = realised.add(FixedPoint.toBigDecimal(position.realisedPnl(), scale));
                unrealised = unrealised.add(FixedPoint.toBigDecimal(position.unrealisedPnl(), scale));
            }
        } catch (RuntimeException e) {
            LOG.debug("P&L of strategy {} not available: {}", id, e.toString());
        }
        String state = instance.state().name();
        if (current != null && current.isStoppedByOperator(id) && !instance.state().isLive()) {
            state = state + " (operator)";
        }
        Object pid = properties.get("service.pid");
        return new StrategyInstanceInfo(id.toString(), implementation, bundle, instance.version(), state,
                instance.failure(), account.toString(), instruments, parameters, pid == null ? "" : pid.toString(),
                instance.deliveredEvents(), instance.queuedEvents(), instance.lagMicros(), instance.rejectedEvents(),
                instance.context().workingOrderCount(), realised, unrealised, swapPauses(instance),
                current == null ? "" : current.configError(id));
    }

    private static List<Long> swapPauses(StrategyInstance instance) {
        List<io.nautilus.strategy.engine.SwapResult> swaps = instance.swaps();
        List<Long> pauses = new ArrayList<>();
        for (int i = Math.max(0, swaps.size() - 100); i < swaps.size(); i++) {
            pauses.add(swaps.get(i).pauseNanos() / 1_000);
        }
        return pauses;
    }

    /**
     * Before an instance with order policy CANCEL_ALL starts fresh, cancels the working orders of its account in its
     * instruments that no running instance sent: orders a previous run left after a crash, which the new run does
     * not know and would otherwise trade on its account unseen.
     */
    private void cancelLeftovers(io.nautilus.strategy.engine.InstanceConfig config) {
        if (config.orderPolicy() != io.nautilus.strategy.engine.OrderPolicy.CANCEL_ALL) {
            return;
        }
        StrategyEngine current = engine;
        List<java.util.concurrent.CompletableFuture<?>> cancels = new ArrayList<>();
        for (io.nautilus.core.api.OrderView order : core.orders(new io.nautilus.core.api.OrderFilter(
                config.account(), null, null, 0))) {
            if ((config.instruments().isEmpty() || config.instruments().contains(order.instrument()))
                    && (current == null || !current.ownsOrder(order.clientOrderId()))) {
                cancels.add(core.cancel(order.orderId()));
            }
        }
        if (cancels.isEmpty()) {
            return;
        }
        try {
            java.util.concurrent.CompletableFuture.allOf(cancels.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("strategy {}: cancelling orders left by a previous run: {}", config.id(), e.toString());
        }
        LOG.info("strategy {}: canceled {} working order(s) of account {} left by a previous run", config.id(),
                cancels.size(), config.account());
    }

    private StrategyBindings activeBindings() {
        StrategyBindings current = bindings;
        if (current == null) {
            throw new IllegalStateException("the strategy engine is not running");
        }
        return current;
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("give a strategy instance id (nautilus:strategies lists them)");
        }
        return id.trim();
    }

    private void add(Strategy strategy, Map<String, Object> properties) {
        try {
            bindings.added(strategy, properties);
        } catch (RuntimeException e) {
            LOG.error("strategy service {} ({}) not started: {}", properties.get(StrategyBindings.ID),
                    properties.get("service.pid"), e.getMessage());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
