package io.nautilus.strategy.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.MarketDataListener;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.strategy.engine.CoreTradingPort;
import io.nautilus.strategy.engine.StrategyBindings;
import io.nautilus.strategy.engine.StrategyEngine;
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

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The strategy engine in OSGi: tracks {@link Strategy} services (see {@link StrategyBindings} for the service
 * properties and the hot-swap rules), receives market data and execution reports as a {@link MarketDataListener}
 * and {@link ExecutionReportListener} service, and sends orders to the {@link TradingCoreService}.
 */
@Component(service = {MarketDataListener.class, ExecutionReportListener.class, StrategyEngineManager.class},
        configurationPid = "io.nautilus.strategy", immediate = true)
@Designate(ocd = StrategyEngineConfig.class)
public final class StrategyEngineManager implements MarketDataListener, ExecutionReportListener {

    private static final Logger LOG = LoggerFactory.getLogger(StrategyEngineManager.class);

    private final Map<Strategy, Map<String, Object>> waiting = new IdentityHashMap<>();
    private volatile StrategyEngine engine;
    private ScheduledExecutorService timer;
    private StrategyBindings bindings;

    @Reference
    private TradingCoreService core;

    /** Creates the component (DS). */
    public StrategyEngineManager() {
    }

    @Activate
    synchronized void activate(StrategyEngineConfig config) {
        engine = new StrategyEngine(new CoreTradingPort(core), (strategy, reason, cause) ->
                LOG.error("strategy {} failed and was stopped: {}", strategy, reason, cause));
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "nautilus-strategy-bindings");
            thread.setDaemon(true);
            return thread;
        });
        bindings = new StrategyBindings(engine, timer, TimeUnit.MILLISECONDS.toNanos(config.detach_grace_ms()),
                AccountId.of(config.default_account()), LOG::info);
        for (Map.Entry<Strategy, Map<String, Object>> entry : waiting.entrySet()) {
            add(entry.getKey(), entry.getValue());
        }
        waiting.clear();
    }

    @Deactivate
    synchronized void deactivate() {
        if (!engine.shutdown(10, TimeUnit.SECONDS)) {
            LOG.warn("strategy engine: some instances did not stop within 10 s");
        }
        timer.shutdownNow();
        engine = null;
        bindings = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
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

    /** @return the engine, or {@code null} while the component is not active (for the shell) */
    public StrategyEngine engine() {
        return engine;
    }

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

    @Override
    public void onExecutionReport(ExecutionReport report) {
        StrategyEngine current = engine;
        if (current != null) {
            current.onExecutionReport(report);
        }
    }

    private void add(Strategy strategy, Map<String, Object> properties) {
        try {
            bindings.added(strategy, properties);
        } catch (RuntimeException e) {
            LOG.error("strategy service {} not started: {}", properties.get(StrategyBindings.ID), e.getMessage());
        }
    }
}
