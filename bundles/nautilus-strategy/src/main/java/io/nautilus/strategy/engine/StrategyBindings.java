package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyServiceProperties;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns the coming and going of {@link Strategy} services into instance life cycles, hot swaps included.
 *
 * <ul>
 *   <li>A service whose {@value #ID} names no live instance starts one.</li>
 *   <li>A service for a live instance (a new version registered while the old one still is, e.g. a jar dropped
 *       into {@code deploy/}) swaps the instance to it; when the old service then goes, nothing happens.</li>
 *   <li>The current service of an instance going away ({@code bundle:update} unregisters before it registers
 *       again) detaches the instance: the old version's state is exported, events are buffered, and the next
 *       service with the same id is attached. If none comes within the grace period the instance is stopped.</li>
 *   <li>A service configured by another Config Admin configuration ({@code service.pid}) than the one that runs
 *       the instance, with the same id, is refused: the running instance is left alone, the problem is logged and
 *       shown ({@link #configError(StrategyId)}), and removing that service changes nothing.</li>
 *   <li>The current service's properties changing to carry {@value StrategyServiceProperties#CONFIG_ERROR} (its
 *       component refused a new configuration and keeps the one in force) records and logs that error; the next
 *       accepted service of the instance clears it.</li>
 * </ul>
 *
 * <p>Service properties configure the instance: {@value #ID} (required), {@value #ACCOUNT},
 * {@value #INSTRUMENTS} (comma-separated or an array), {@value #ORDER_POLICY} ({@code CANCEL_ALL} or
 * {@code LEAVE}), {@value #QUEUE_CAPACITY}; every other property that is not an OSGi or DS one is a strategy
 * parameter. A strategy component with a factory configuration PID therefore yields one configured instance per
 * factory configuration. Methods are synchronized: they are called by DS, rarely.
 */
public final class StrategyBindings {

    /** Service property: the instance id. */
    public static final String ID = StrategyServiceProperties.ID;
    /** Service property: the account. */
    public static final String ACCOUNT = StrategyServiceProperties.ACCOUNT;
    /** Service property: instruments of interest; absent for all. */
    public static final String INSTRUMENTS = StrategyServiceProperties.INSTRUMENTS;
    /** Service property: the {@link OrderPolicy}. */
    public static final String ORDER_POLICY = StrategyServiceProperties.ORDER_POLICY;
    /** Service property: the event queue capacity. */
    public static final String QUEUE_CAPACITY = "strategy.queueCapacity";

    private static final String SERVICE_PID = "service.pid";
    private static final String[] RESERVED_PREFIXES = {"strategy.", "service.", "component.", "objectClass",
        "osgi.", "felix.", "."};

    private final StrategyEngine engine;
    private final ScheduledExecutorService timer;
    private final long detachGraceNanos;
    private final AccountId defaultAccount;
    private final Consumer<String> log;
    private final Map<StrategyId, Strategy> current = new HashMap<>();
    private final Map<Strategy, StrategyId> idOf = new IdentityHashMap<>();
    private final Map<StrategyId, Map<String, ?>> propertiesOf = new HashMap<>();
    private final Set<StrategyId> stoppedByOperator = new HashSet<>();
    private final Map<StrategyId, Object> configurationOf = new HashMap<>();
    private final Map<StrategyId, String> configErrors = new HashMap<>();
    private final Map<Strategy, Refusal> refused = new IdentityHashMap<>();
    private Consumer<InstanceConfig> beforeFreshStart = config -> { };
    private Consumer<String> problems;

    /**
     * Sets where refused configurations are reported (a duplicate id, a configuration its component refused).
     *
     * @param sink told one line per problem; by default the life-cycle log
     */
    public synchronized void onProblem(Consumer<String> sink) {
        this.problems = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Sets what runs before an instance starts fresh (not a hand-over), e.g. cancelling orders a previous run left.
     *
     * @param hook called with the instance's configuration; a failure is logged and the instance starts anyway
     */
    public synchronized void beforeFreshStart(Consumer<InstanceConfig> hook) {
        this.beforeFreshStart = Objects.requireNonNull(hook, "hook");
    }

    private void freshStart(InstanceConfig config, Strategy strategy) {
        try {
            beforeFreshStart.accept(config);
        } catch (RuntimeException e) {
            log.accept("strategy " + config.id() + ": preparing the start failed: " + e.getMessage());
        }
        engine.start(config, strategy);
    }

    /**
     * Creates the bindings.
     *
     * @param engine           the engine
     * @param timer            runs the detach grace timeouts
     * @param detachGraceNanos how long a detached instance waits for its new version, 0 or more
     * @param defaultAccount   the account of services that name none
     * @param log              told one line per life-cycle change and problem
     */
    public StrategyBindings(StrategyEngine engine, ScheduledExecutorService timer, long detachGraceNanos,
                            AccountId defaultAccount, Consumer<String> log) {
        this.engine = engine;
        this.timer = timer;
        this.detachGraceNanos = detachGraceNanos;
        this.defaultAccount = defaultAccount;
        this.log = log;
        this.problems = log;
    }

    /**
     * A strategy service appeared.
     *
     * @param strategy   the service object
     * @param properties its service properties
     * @return completes when the instance runs it (with the swap result for a swap, {@code null} for a start)
     * @throws IllegalArgumentException if the properties are invalid; the message names the property
     */
    public synchronized CompletableFuture<SwapResult> added(Strategy strategy, Map<String, ?> properties) {
        InstanceConfig config = configOf(properties, defaultAccount);
        StrategyId id = config.id();
        StrategyInstance instance = engine.instance(id).orElse(null);
        Object configuration = properties.get(SERVICE_PID);
        Object owner = configurationOf.get(id);
        boolean claimed = current.containsKey(id) || (instance != null && instance.state().isLive());
        if (claimed && owner != null && configuration != null && !owner.equals(configuration)) {
            String reason = "configuration " + configuration + " also names strategy id " + id
                    + ", which configuration " + owner + " runs: refused (give it another id)";
            refused.put(strategy, new Refusal(id, reason));
            problems.accept("strategy " + id + ": " + reason);
            throw new IllegalArgumentException(reason);
        }
        idOf.put(strategy, id);
        configurationOf.put(id, configuration);
        configErrors.remove(id);
        if (stoppedByOperator.contains(id) && (instance == null || !instance.state().isLive())) {
            current.put(id, strategy);
            propertiesOf.put(id, Map.copyOf(properties));
            log.accept("strategy " + id + " stays stopped (stopped by an operator): nautilus:strategy-start " + id
                    + " runs this version");
            return CompletableFuture.completedFuture(null);
        }
        propertiesOf.put(id, Map.copyOf(properties));
        if (instance == null || !instance.state().isLive()) {
            if (instance != null) {
                engine.remove(id);
            }
            freshStart(config, strategy);
            current.put(id, strategy);
            log.accept("strategy " + id + " started");
            return CompletableFuture.completedFuture(null);
        }
        Strategy previous = current.put(id, strategy);
        return engine.swap(id, strategy).whenComplete((result, failure) -> swapDone(id, strategy, previous, result));
    }

    /**
     * The properties of a strategy service changed: its component refused a new configuration (property
     * {@value StrategyServiceProperties#CONFIG_ERROR}) and keeps the one in force, or no longer reports a problem.
     *
     * @param strategy   the service object
     * @param properties its service properties now
     */
    public synchronized void updated(Strategy strategy, Map<String, ?> properties) {
        StrategyId id = idOf.get(strategy);
        if (id == null || current.get(id) != strategy) {
            return;
        }
        Object error = properties.get(StrategyServiceProperties.CONFIG_ERROR);
        if (error == null || error.toString().isBlank()) {
            configErrors.remove(id);
            return;
        }
        String reason = "new configuration refused, the previous one stays in force: " + error;
        if (!reason.equals(configErrors.put(id, reason))) {
            problems.accept("strategy " + id + ": " + reason);
        }
    }

    /**
     * Why the instance's latest configuration, or another configuration naming its id, was refused.
     *
     * @param id the instance
     * @return the problems, one per line; empty if none
     */
    public synchronized String configError(StrategyId id) {
        StringBuilder out = new StringBuilder(configErrors.getOrDefault(id, ""));
        for (Refusal refusal : refused.values()) {
            if (refusal.id().equals(id)) {
                out.append(out.length() == 0 ? "" : System.lineSeparator()).append(refusal.reason());
            }
        }
        return out.toString();
    }

    /**
     * A strategy service went away.
     *
     * @param strategy the service object
     */
    public synchronized void removed(Strategy strategy) {
        if (refused.remove(strategy) != null) {
            return;
        }
        StrategyId id = idOf.remove(strategy);
        if (id == null || current.get(id) != strategy) {
            return;
        }
        current.remove(id);
        StrategyInstance instance = engine.instance(id).orElse(null);
        if (instance == null || !instance.state().isLive()) {
            propertiesOf.remove(id);
            configurationOf.remove(id);
            configErrors.remove(id);
            return;
        }
        instance.detach().whenComplete((state, failure) -> log.accept(failure == null
                ? "strategy " + id + " detached, waiting for its next version"
                : "strategy " + id + " could not be detached: " + failure));
        timer.schedule(() -> graceOver(id, instance), detachGraceNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Stops a live instance on an operator's request; it stays stopped, also when a new version of its strategy
     * service arrives, until {@link #operatorStart(StrategyId)}.
     *
     * @param id the instance
     * @return completes with the final state
     * @throws IllegalArgumentException if the instance is unknown or not live
     */
    public synchronized CompletableFuture<InstanceState> operatorStop(StrategyId id) {
        StrategyInstance instance = engine.instance(id)
                .orElseThrow(() -> new IllegalArgumentException("no strategy instance " + id));
        if (!instance.state().isLive()) {
            throw new IllegalArgumentException("strategy " + id + " is not running (" + instance.state() + ")");
        }
        stoppedByOperator.add(id);
        log.accept("strategy " + id + " stopped by an operator");
        return instance.stop();
    }

    /**
     * Starts a stopped or failed instance again with its current strategy service and configuration.
     *
     * @param id the instance
     * @throws IllegalArgumentException if the instance is unknown, live, or has no strategy service now
     */
    public synchronized void operatorStart(StrategyId id) {
        StrategyInstance instance = engine.instance(id).orElse(null);
        Strategy strategy = current.get(id);
        Map<String, ?> properties = propertiesOf.get(id);
        if (instance == null && strategy == null) {
            throw new IllegalArgumentException("no strategy instance " + id);
        }
        if (instance != null && instance.state().isLive()) {
            throw new IllegalArgumentException("strategy " + id + " is already running (" + instance.state() + ")");
        }
        if (strategy == null || properties == null) {
            throw new IllegalArgumentException("strategy " + id + " has no strategy service now (its bundle is"
                    + " stopped or uninstalled, or its configuration was deleted)");
        }
        InstanceConfig config = configOf(properties, defaultAccount);
        if (instance != null) {
            engine.remove(id);
        }
        stoppedByOperator.remove(id);
        freshStart(config, strategy);
        log.accept("strategy " + id + " started by an operator");
    }

    /**
     * The service properties the current strategy service of an instance was registered with.
     *
     * @param id the instance
     * @return the properties, or an empty map if it has no service now
     */
    public synchronized Map<String, ?> properties(StrategyId id) {
        Map<String, ?> properties = propertiesOf.get(id);
        return properties == null ? Map.of() : properties;
    }

    /**
     * The strategy service currently bound to an instance.
     *
     * @param id the instance
     * @return the service object, or {@code null}
     */
    public synchronized Strategy strategy(StrategyId id) {
        return current.get(id);
    }

    /**
     * Whether an operator stopped the instance.
     *
     * @param id the instance
     * @return true until it is started again
     */
    public synchronized boolean isStoppedByOperator(StrategyId id) {
        return stoppedByOperator.contains(id);
    }

    private synchronized void swapDone(StrategyId id, Strategy strategy, Strategy previous, SwapResult result) {
        if (result != null && result.swapped()) {
            log.accept("strategy " + id + " swapped to version " + result.version() + " in "
                    + result.pauseNanos() / 1_000 + " us");
            return;
        }
        log.accept("strategy " + id + " not swapped: " + (result == null ? "failed" : result.problem()));
        if (current.get(id) == strategy && previous != null) {
            current.put(id, previous);
        }
    }

    private synchronized void graceOver(StrategyId id, StrategyInstance instance) {
        if (current.get(id) == null && instance.state() == InstanceState.DETACHED) {
            log.accept("strategy " + id + " stopped: no new version within the grace period");
            instance.stop();
            configurationOf.remove(id);
            configErrors.remove(id);
        }
    }

    /**
     * Reads an instance configuration from service properties.
     *
     * @param properties     the properties
     * @param defaultAccount the account if none is named
     * @return the configuration
     * @throws IllegalArgumentException naming the property and value of the first problem
     */
    public static InstanceConfig configOf(Map<String, ?> properties, AccountId defaultAccount) {
        Object id = properties.get(ID);
        if (id == null || id.toString().isBlank()) {
            throw new IllegalArgumentException("strategy service property " + ID + " is missing");
        }
        Object account = properties.get(ACCOUNT);
        Set<InstrumentId> instruments = new HashSet<>();
        for (String symbol : strings(properties.get(INSTRUMENTS))) {
            instruments.add(InstrumentId.of(symbol));
        }
        OrderPolicy policy = OrderPolicy.CANCEL_ALL;
        Object policyValue = properties.get(ORDER_POLICY);
        if (policyValue != null) {
            try {
                policy = OrderPolicy.valueOf(policyValue.toString().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("strategy " + id + ": " + ORDER_POLICY + " '" + policyValue
                        + "' is not CANCEL_ALL or LEAVE", e);
            }
        }
        int capacity = InstanceConfig.DEFAULT_QUEUE_CAPACITY;
        Object capacityValue = properties.get(QUEUE_CAPACITY);
        if (capacityValue != null) {
            try {
                capacity = Integer.parseInt(capacityValue.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strategy " + id + ": " + QUEUE_CAPACITY + " '" + capacityValue
                        + "' is not a number", e);
            }
        }
        Map<String, String> parameters = new HashMap<>();
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            if (!isReserved(entry.getKey()) && entry.getValue() != null) {
                Object value = entry.getValue();
                boolean many = value instanceof Collection<?> || value.getClass().isArray();
                parameters.put(entry.getKey(), many ? String.join(",", strings(value)) : value.toString());
            }
        }
        return new InstanceConfig(StrategyId.of(id.toString().trim()),
                account == null || account.toString().isBlank() ? defaultAccount : AccountId.of(account.toString()),
                parameters, instruments, policy, capacity);
    }

    private static boolean isReserved(String key) {
        for (String prefix : RESERVED_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                out.add(element.toString().trim());
            }
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(String.valueOf(Array.get(value, i)).trim());
            }
        } else {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** A strategy service refused because another configuration runs its id. */
    private record Refusal(StrategyId id, String reason) {
    }
}
