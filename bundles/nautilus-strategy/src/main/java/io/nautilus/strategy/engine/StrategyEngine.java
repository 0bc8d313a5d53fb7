package io.nautilus.strategy.engine;

import io.nautilus.api.StrategyId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.MarketDataListener;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.strategy.Strategy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The strategy engine: a registry of {@link StrategyInstance}s that fans market data out to the instances
 * subscribed to its instrument, routes each execution report to the instance named in its strategy id, and starts,
 * stops and hot-swaps instances.
 *
 * <p>Market data and reports may arrive on any thread; fan-out reads an immutable snapshot of the instances, so
 * it takes no lock. Starting, stopping and swapping are admin operations and may be called from any thread.
 */
public final class StrategyEngine implements MarketDataListener, ExecutionReportListener, AutoCloseable {

    private final TradingPort port;
    private final StrategyAlertHook alerts;
    private final LongSupplier clock;
    private final AtomicLong clientOrderIds;
    private final ScheduledExecutorService scheduler;
    private final Object registryLock = new Object();
    private volatile StrategyInstance[] instances = new StrategyInstance[0];
    private volatile Map<StrategyId, StrategyInstance> byId = Map.of();
    private final AtomicLong unroutedReports = new AtomicLong();
    /** Which instance sent each order still working: reports that do not name their strategy are routed by it. */
    private final ConcurrentHashMap<Long, StrategyInstance> owners = new ConcurrentHashMap<>();

    /**
     * Creates an engine.
     *
     * @param port               the trading core
     * @param alerts             told about failed instances
     * @param clock              the strategy clock, nanoseconds since the epoch
     * @param firstClientOrderId the engine assigns client order ids from this value up, greater than zero
     */
    public StrategyEngine(TradingPort port, StrategyAlertHook alerts, LongSupplier clock, long firstClientOrderId) {
        this.port = Objects.requireNonNull(port, "port");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (firstClientOrderId <= 0) {
            throw new IllegalArgumentException("first client order id " + firstClientOrderId
                    + " must be greater than zero");
        }
        this.clientOrderIds = new AtomicLong(firstClientOrderId - 1);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "nautilus-strategy-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * An engine on the wall clock whose client order ids start at the current time in microseconds, so they do
     * not repeat across restarts.
     *
     * @param port   the trading core
     * @param alerts told about failed instances
     */
    public StrategyEngine(TradingPort port, StrategyAlertHook alerts) {
        this(port, alerts, () -> System.currentTimeMillis() * 1_000_000L, System.currentTimeMillis() * 1_000L);
    }

    /**
     * Starts a strategy instance on its own thread.
     *
     * @param config   the instance's configuration
     * @param strategy the strategy object, not started
     * @return the running instance
     * @throws IllegalStateException if a live instance with the same id exists
     */
    public StrategyInstance start(InstanceConfig config, Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        StrategyInstance instance = new StrategyInstance(config, strategy, port, clock, clientOrderIds, scheduler,
                alerts);
        StrategyInstance owner = instance;
        instance.context().owners(new InstanceContext.OrderOwners() {
            @Override
            public void sent(long clientOrderId) {
                owners.put(clientOrderId, owner);
            }

            @Override
            public void finished(long clientOrderId) {
                owners.remove(clientOrderId, owner);
            }
        });
        synchronized (registryLock) {
            StrategyInstance existing = byId.get(config.id());
            if (existing != null && existing.state().isLive()) {
                throw new IllegalStateException("strategy instance " + config.id() + " is already "
                        + existing.state());
            }
            Map<StrategyId, StrategyInstance> next = new HashMap<>(byId);
            next.put(config.id(), instance);
            byId = Map.copyOf(next);
            instances = next.values().toArray(new StrategyInstance[0]);
            instance.start();
        }
        return instance;
    }

    /**
     * Hot-swaps a live instance to a new strategy object; see {@link StrategyInstance#swap(Strategy)}.
     *
     * @param id   the instance
     * @param next the new version, not started
     * @return the swap's outcome
     * @throws IllegalArgumentException if no such instance exists
     */
    public CompletableFuture<SwapResult> swap(StrategyId id, Strategy next) {
        return require(id).swap(Objects.requireNonNull(next, "next"));
    }

    /**
     * Stops an instance; it stays listed with state {@link InstanceState#STOPPED} until {@link #remove(StrategyId)}.
     *
     * @param id the instance
     * @return completes with the final state
     * @throws IllegalArgumentException if no such instance exists
     */
    public CompletableFuture<InstanceState> stop(StrategyId id) {
        return require(id).stop();
    }

    /**
     * Removes a stopped or failed instance from the registry.
     *
     * @param id the instance
     * @return true if removed
     * @throws IllegalStateException if the instance is still live
     */
    public boolean remove(StrategyId id) {
        synchronized (registryLock) {
            StrategyInstance existing = byId.get(id);
            if (existing == null) {
                return false;
            }
            if (existing.state().isLive()) {
                throw new IllegalStateException("strategy instance " + id + " is " + existing.state()
                        + "; stop it first");
            }
            Map<StrategyId, StrategyInstance> next = new HashMap<>(byId);
            next.remove(id);
            byId = Map.copyOf(next);
            instances = next.values().toArray(new StrategyInstance[0]);
            owners.values().removeIf(owner -> owner == existing);
            return true;
        }
    }

    /**
     * @param id an instance id
     * @return the instance, live or not
     */
    public Optional<StrategyInstance> instance(StrategyId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return every registered instance, by id */
    public List<StrategyInstance> instances() {
        StrategyInstance[] snapshot = instances.clone();
        Arrays.sort(snapshot, (a, b) -> a.id().value().compareTo(b.id().value()));
        return List.of(snapshot);
    }

    /**
     * Whether a running instance sent this order and it is not finished.
     *
     * @param clientOrderId a client order id
     * @return true if an instance owns it
     */
    public boolean ownsOrder(long clientOrderId) {
        return owners.containsKey(clientOrderId);
    }

    /**
     * @return reports that named no instance or an instance that could not take them
     */
    public long unroutedReports() {
        return unroutedReports.get();
    }

    @Override
    public void onQuote(Quote quote) {
        for (StrategyInstance instance : instances) {
            if (instance.config().wants(quote.instrument())) {
                instance.offer(quote);
            }
        }
    }

    @Override
    public void onTrade(Trade trade) {
        for (StrategyInstance instance : instances) {
            if (instance.config().wants(trade.instrument())) {
                instance.offer(trade);
            }
        }
    }

    @Override
    public void onBar(Bar bar) {
        for (StrategyInstance instance : instances) {
            if (instance.config().wants(bar.instrument())) {
                instance.offer(bar);
            }
        }
    }

    @Override
    public void onBookLevel(BookLevel level) {
        for (StrategyInstance instance : instances) {
            if (instance.config().wants(level.instrument())) {
                instance.offer(level);
            }
        }
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        StrategyInstance instance = report.strategy() == null ? null : byId.get(report.strategy());
        if (instance == null) {
            instance = owners.get(report.clientOrderId());
        }
        if (instance == null && report.origClientOrderId() != 0) {
            instance = owners.get(report.origClientOrderId());
        }
        if (instance == null || !instance.offer(report)) {
            unroutedReports.incrementAndGet();
        }
    }

    /**
     * Stops every live instance, waiting at most the given time, and the timer thread.
     *
     * @param timeout how long to wait for all instances together
     * @param unit    the timeout's unit
     * @return true if every instance ended in time
     */
    public boolean shutdown(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        boolean all = true;
        for (StrategyInstance instance : instances) {
            if (instance.state().isLive()) {
                instance.stop();
            }
        }
        for (StrategyInstance instance : instances) {
            try {
                instance.terminated().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                all = false;
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        scheduler.shutdownNow();
        return all;
    }

    /** Stops every instance, waiting at most 5 seconds. */
    @Override
    public void close() {
        shutdown(5, TimeUnit.SECONDS);
    }

    private StrategyInstance require(StrategyId id) {
        StrategyInstance instance = byId.get(id);
        if (instance == null) {
            throw new IllegalArgumentException("no strategy instance " + id);
        }
        return instance;
    }
}
