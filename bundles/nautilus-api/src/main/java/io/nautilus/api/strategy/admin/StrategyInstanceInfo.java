package io.nautilus.api.strategy.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One strategy instance as operators see it.
 *
 * @param id              the instance id
 * @param implementation  the strategy class that runs now
 * @param bundle          symbolic name and version of the bundle that provides it, e.g.
 *                        {@code io.nautilus.strategy.marketmaker/0.1.0.SNAPSHOT}; empty outside OSGi
 * @param version         the instance's version: 1 for the first strategy it ran, one more per hand-over (hot
 *                        swap, bundle update, parameter change)
 * @param state           the life-cycle state: STARTING, RUNNING, SWAPPING, DETACHED, STOPPING, STOPPED or FAILED
 * @param failure         why it failed, or empty
 * @param account         the account its orders are booked to
 * @param instruments     instruments of interest; empty for all
 * @param parameters      the configured parameters
 * @param configuration   the Config Admin PID the instance was configured by, or empty
 * @param deliveredEvents events delivered to the strategy (its last sequence number)
 * @param queuedEvents    events waiting to be delivered
 * @param lagMicros       event lag: microseconds between the exchange time of the last market-data event delivered
 *                        and its delivery, or -1 if none yet
 * @param rejectedEvents  events the instance could not take (queue full or not live)
 * @param workingOrders   the instance's orders still working
 * @param realisedPnl     realised P&amp;L of its account in its instruments (all instruments if none is named),
 *                        in the instruments' currency
 * @param unrealisedPnl   unrealised P&amp;L likewise, marked at the core's mark price
 * @param swapPausesMicros how long each hand-over to a new version paused the event stream, oldest first (the last
 *                        100)
 * @param configError     why the instance's latest configuration was refused while the one before stays in force, or
 *                        why another configuration naming the same id was refused; empty when there is no such
 *                        problem
 */
public record StrategyInstanceInfo(String id, String implementation, String bundle, int version, String state,
                                   String failure, String account, List<String> instruments,
                                   Map<String, String> parameters, String configuration, long deliveredEvents,
                                   int queuedEvents, long lagMicros, long rejectedEvents, int workingOrders,
                                   BigDecimal realisedPnl, BigDecimal unrealisedPnl, List<Long> swapPausesMicros,
                                   String configError) {

    /**
     * Validates and copies the collections.
     */
    public StrategyInstanceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        implementation = Objects.requireNonNullElse(implementation, "");
        bundle = Objects.requireNonNullElse(bundle, "");
        failure = Objects.requireNonNullElse(failure, "");
        account = Objects.requireNonNullElse(account, "");
        configuration = Objects.requireNonNullElse(configuration, "");
        instruments = List.copyOf(instruments);
        parameters = Map.copyOf(parameters);
        realisedPnl = Objects.requireNonNullElse(realisedPnl, BigDecimal.ZERO);
        unrealisedPnl = Objects.requireNonNullElse(unrealisedPnl, BigDecimal.ZERO);
        swapPausesMicros = List.copyOf(swapPausesMicros);
        configError = Objects.requireNonNullElse(configError, "");
    }

    /**
     * An instance without a configuration problem.
     *
     * @param id               the instance id
     * @param implementation   the strategy class that runs now
     * @param bundle           symbolic name and version of the bundle that provides it
     * @param version          the instance's version
     * @param state            the life-cycle state
     * @param failure          why it failed, or empty
     * @param account          the account its orders are booked to
     * @param instruments      instruments of interest; empty for all
     * @param parameters       the configured parameters
     * @param configuration    the Config Admin PID, or empty
     * @param deliveredEvents  events delivered
     * @param queuedEvents     events waiting
     * @param lagMicros        event lag in microseconds, or -1
     * @param rejectedEvents   events the instance could not take
     * @param workingOrders    orders still working
     * @param realisedPnl      realised P&amp;L
     * @param unrealisedPnl    unrealised P&amp;L
     * @param swapPausesMicros hand-over pauses, oldest first
     */
    public StrategyInstanceInfo(String id, String implementation, String bundle, int version, String state,
                                String failure, String account, List<String> instruments,
                                Map<String, String> parameters, String configuration, long deliveredEvents,
                                int queuedEvents, long lagMicros, long rejectedEvents, int workingOrders,
                                BigDecimal realisedPnl, BigDecimal unrealisedPnl, List<Long> swapPausesMicros) {
        this(id, implementation, bundle, version, state, failure, account, instruments, parameters, configuration,
                deliveredEvents, queuedEvents, lagMicros, rejectedEvents, workingOrders, realisedPnl, unrealisedPnl,
                swapPausesMicros, "");
    }
}
