package io.nautilus.strategy.engine;

import io.nautilus.api.StrategyId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.core.api.CommandResult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * One running strategy: a strategy object, its {@link InstanceContext} and an engine-owned thread that delivers
 * the instance's events one at a time, in the order they were offered, each with the next per-instance sequence
 * number.
 *
 * <p>Any thread may offer events (market data, execution reports, timers) and control commands; only the
 * instance's thread touches the strategy and the context. A strategy that throws from a callback fails the
 * instance: it is stopped, its working orders are handled by the {@link OrderPolicy}, the
 * {@link StrategyAlertHook} is called and the thread ends; other instances are unaffected.
 *
 * <p>Hot swap ({@link #swap(Strategy)}) is a marker in the same queue: events offered after it wait behind it
 * (the buffer), the thread reaches it once every earlier callback has returned, hands the old version's exported
 * state to the new version, stops the old, starts the new on the same context and then delivers the waiting
 * events to the new version. Nothing is lost or delivered twice, sequence numbers continue without a gap, and
 * working orders, positions and timers stay with the context.
 *
 * <p>When the old version must go before the new one exists (a strategy bundle being updated unregisters its
 * service first), {@link #detach()} exports and stops the old version where a swap would, and the instance holds
 * its events until {@link #attach(Strategy)} hands the exported state to the new version and replays them.
 */
public final class StrategyInstance {

    private static final int SPIN_LIMIT = 100;
    private static final int YIELD_LIMIT = SPIN_LIMIT + 20;
    private static final long MAX_PARK_NANOS = 1_000_000L;

    private final InstanceConfig config;
    private final EventQueue<Object> queue;
    private final InstanceContext context;
    private final StrategyAlertHook alerts;
    private final Thread thread;
    private final List<SwapResult> swaps = new CopyOnWriteArrayList<>();
    private final AtomicLong rejectedEvents = new AtomicLong();
    private final AtomicLong commandFailures = new AtomicLong();
    private final CompletableFuture<InstanceState> terminated = new CompletableFuture<>();
    private final AtomicReference<SwapCommand> attachRequest = new AtomicReference<>();

    private Strategy strategy;
    private long sequence;
    private boolean ended;
    private volatile InstanceState state = InstanceState.CREATED;
    private volatile int version = 1;
    private volatile long deliveredEvents;
    private volatile long lagNanos = Long.MIN_VALUE;
    /** A detach was requested and its version not attached yet: a new version must attach, not swap. */
    private volatile boolean detachPending;
    private volatile String failure;
    private volatile boolean waiting;
    private volatile boolean exited;
    private volatile boolean stopRequested;
    private Map<String, String> detachedState;
    private long detachedAt;

    StrategyInstance(InstanceConfig config, Strategy strategy, TradingPort port, LongSupplier clock,
                     AtomicLong clientOrderIds, ScheduledExecutorService scheduler, StrategyAlertHook alerts) {
        this.config = config;
        this.strategy = strategy;
        this.alerts = alerts;
        this.queue = new EventQueue<>(config.queueCapacity());
        this.context = new InstanceContext(config, port, clock, clientOrderIds, scheduler, this);
        this.thread = new Thread(this::run, "nautilus-strategy-" + config.id());
        this.thread.setDaemon(true);
    }

    /** @return the instance's id */
    public StrategyId id() {
        return config.id();
    }

    /** @return the instance's configuration */
    public InstanceConfig config() {
        return config;
    }

    /** @return the life-cycle state */
    public InstanceState state() {
        return state;
    }

    /** @return 1 for the first strategy object, +1 per successful swap */
    public int version() {
        return version;
    }

    /** @return the exception text that failed the instance, or {@code null} */
    public String failure() {
        return failure;
    }

    /** @return events delivered to a strategy so far; equals the last sequence number */
    public long deliveredEvents() {
        return deliveredEvents;
    }

    /** @return events refused because the queue was full or the instance not live */
    public long rejectedEvents() {
        return rejectedEvents.get();
    }

    /** @return order commands whose future failed */
    public long commandFailures() {
        return commandFailures.get();
    }

    /**
     * The event lag: strategy-clock time of delivery minus exchange time of the last quote or trade delivered.
     *
     * @return microseconds (0 if the exchange clock is ahead), or -1 before the first market-data event; readable
     *         from any thread
     */
    public long lagMicros() {
        long lag = lagNanos;
        return lag == Long.MIN_VALUE ? -1 : Math.max(0, lag / 1_000);
    }

    /** @return events waiting in the queue (approximate) */
    public int queuedEvents() {
        return queue.size();
    }

    /** @return the swaps done so far, oldest first */
    public List<SwapResult> swaps() {
        return List.copyOf(swaps);
    }

    /** @return the context; its strategy-facing methods belong to the instance's thread */
    public InstanceContext context() {
        return context;
    }

    /** @return completes with {@link InstanceState#STOPPED} or {@link InstanceState#FAILED} when the thread ends */
    public CompletableFuture<InstanceState> terminated() {
        return terminated;
    }

    void start() {
        state = InstanceState.RUNNING;
        thread.start();
        try {
            alerts.strategyStarted(config.id(), config.account());
        } catch (Throwable t) {
            rethrowIfFatal(t);
        }
    }

    /** @return where this instance's alerts go (its context's {@code alert} included) */
    StrategyAlertHook alertHook() {
        return alerts;
    }

    /**
     * Offers a market-data event, execution report or other event object to the instance.
     *
     * @param event a {@link Quote}, {@link Trade}, {@link Bar}, {@link BookLevel} or {@link ExecutionReport}
     * @return false if the instance is not live or its queue is full (counted in {@link #rejectedEvents()}); market
     *         data is refused once only an eighth of the queue is free, which stays for execution reports, so a
     *         strategy that falls behind loses market data before it could lose a report
     */
    boolean offer(Object event) {
        int reserve = event instanceof ExecutionReport ? 0 : queue.capacity() / 8;
        if (!state.isLive() || !queue.offer(event, reserve)) {
            rejectedEvents.incrementAndGet();
            return false;
        }
        wake();
        return true;
    }

    /**
     * Requests a hot swap to a new strategy object.
     *
     * @param next the new version, not started
     * @return completes on the instance's thread once the new version runs, or with {@code swapped == false}
     *         if the old version keeps running or the instance ended
     */
    public CompletableFuture<SwapResult> swap(Strategy next) {
        if (state == InstanceState.DETACHED || detachPending) {
            // also while the detach waits in the queue: the new version is attached once the old one is detached
            return attach(next);
        }
        SwapCommand command = new SwapCommand(next, System.nanoTime());
        if (!enqueueControl(command)) {
            command.result.complete(notSwapped("instance is " + state + " or its queue is full"));
        }
        return command.result;
    }

    /**
     * Requests a stop; the strategy receives the events offered before the request, then {@link Strategy#stop()},
     * then its orders are handled by the {@link OrderPolicy}.
     *
     * @return completes with the final state when the thread ends
     */
    public CompletableFuture<InstanceState> stop() {
        if (state == InstanceState.CREATED) {
            state = InstanceState.STOPPED;
            terminated.complete(InstanceState.STOPPED);
            return terminated;
        }
        stopRequested = true;
        wake();
        StopCommand command = new StopCommand();
        while (state.isLive() && !enqueueControl(command)) {
            LockSupport.parkNanos(MAX_PARK_NANOS);
        }
        return terminated;
    }

    /**
     * Requests the first half of a hand-over for when the new version does not exist yet: after the events
     * offered before the request, the old version's state is exported and it is stopped; from then on the instance
     * is {@link InstanceState#DETACHED} and buffers its events (up to its queue capacity) until
     * {@link #attach(Strategy)} or {@link #stop()}.
     *
     * @return completes with the exported state once the old version is stopped; exceptionally if the instance
     *         is not live or {@link Strategy#exportState()} threw (which fails the instance)
     */
    public CompletableFuture<Map<String, String>> detach() {
        DetachCommand command = new DetachCommand();
        detachPending = true;
        if (!enqueueControl(command)) {
            detachPending = false;
            command.result.completeExceptionally(new IllegalStateException("strategy instance " + config.id()
                    + " is " + state + " or its queue is full"));
        }
        return command.result;
    }

    /**
     * Completes a hand-over begun by {@link #detach()}: the new version imports the exported state, is started on
     * the same context and receives the buffered events. May be called before the detach has happened; it then
     * waits for it.
     *
     * @param next the new version, not started
     * @return completes once the new version runs; with {@code swapped == false} if it refused the state (the
     *         instance stays detached and another version may be attached) or the instance is not live
     */
    public CompletableFuture<SwapResult> attach(Strategy next) {
        SwapCommand command = new SwapCommand(next, System.nanoTime());
        if (!state.isLive()) {
            command.result.complete(notSwapped("instance is " + state));
        } else if (!attachRequest.compareAndSet(null, command)) {
            command.result.complete(notSwapped("another version is being attached"));
        } else {
            LockSupport.unpark(thread);
            if (exited) {
                drainAfterExit();
            }
        }
        return command.result;
    }

    void offerTimer(long timerKey) {
        offer(new TimerFired(timerKey));
    }

    void offerOutcome(long clientOrderId, CommandResult result, Throwable failure) {
        if (!queue.offer(new CommandOutcome(clientOrderId, result, failure))) {
            rejectedEvents.incrementAndGet();
            return;
        }
        wake();
        if (exited) {
            drainAfterExit();
        }
    }

    void countCommandFailure() {
        commandFailures.incrementAndGet();
    }

    private boolean enqueueControl(Object command) {
        if (!state.isLive() || !queue.offer(command)) {
            return false;
        }
        wake();
        if (exited) {
            drainAfterExit();
        }
        return true;
    }

    private void wake() {
        if (waiting) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        if (!call("start", () -> strategy.start(context))) {
            finish();
            return;
        }
        int idle = 0;
        while (!ended) {
            Object event = queue.poll();
            if (event == null) {
                idle = idle(idle);
                continue;
            }
            idle = 0;
            try {
                dispatch(event);
            } catch (RuntimeException e) {
                fail("the engine's handling of " + event.getClass().getSimpleName(), e);
            }
        }
        finish();
    }

    private int idle(int idle) {
        if (idle < SPIN_LIMIT) {
            Thread.onSpinWait();
            return idle + 1;
        }
        if (idle < YIELD_LIMIT) {
            Thread.yield();
            return idle + 1;
        }
        waiting = true;
        if (queue.isEmpty()) {
            LockSupport.parkNanos(this, MAX_PARK_NANOS);
        }
        waiting = false;
        return idle;
    }

    private void dispatch(Object event) {
        if (event instanceof CommandOutcome outcome) {
            context.onOutcome(outcome.clientOrderId, outcome.result, outcome.failure);
        } else if (event instanceof SwapCommand command) {
            handOver(command);
        } else if (event instanceof DetachCommand command) {
            detachAndHold(command);
        } else if (event instanceof StopCommand) {
            call("stop", strategy::stop);
            if (!ended) {
                end(InstanceState.STOPPED);
            }
        } else if (event instanceof TimerFired timer) {
            long timerId = context.fireTimer(timer.key);
            if (timerId != 0) {
                deliver(timer, timerId);
            }
        } else {
            if (event instanceof ExecutionReport report) {
                context.track(report);
            }
            deliver(event, 0);
        }
    }

    private void deliver(Object event, long timerId) {
        long seq = ++sequence;
        context.beginEvent(seq);
        Strategy target = strategy;
        try {
            if (event instanceof Quote quote) {
                lagNanos = context.nowNanos() - quote.timestampNanos();
                target.onQuote(quote);
            } else if (event instanceof Trade trade) {
                lagNanos = context.nowNanos() - trade.timestampNanos();
                target.onTrade(trade);
            } else if (event instanceof Bar bar) {
                target.onBar(bar);
            } else if (event instanceof BookLevel level) {
                target.onBookLevel(level);
            } else if (event instanceof ExecutionReport report) {
                target.onExecutionReport(report);
            } else if (event instanceof TimerFired) {
                target.onTimer(timerId, context.nowNanos());
            }
        } catch (Throwable t) {
            rethrowIfFatal(t);
            fail(callbackName(event), t);
        }
        deliveredEvents = seq;
    }

    private void handOver(SwapCommand command) {
        long pausedAt = System.nanoTime();
        Strategy next = command.next;
        Map<String, String> exported;
        try {
            exported = Map.copyOf(strategy.exportState());
        } catch (Throwable t) {
            rethrowIfFatal(t);
            command.result.complete(notSwapped("exportState of version " + version + " failed: " + t));
            return;
        }
        try {
            next.importState(exported);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            command.result.complete(notSwapped("importState of the new version refused the state: " + t));
            return;
        }
        state = InstanceState.SWAPPING;
        String problem = null;
        try {
            strategy.stop();
        } catch (Throwable t) {
            rethrowIfFatal(t);
            problem = "stop of version " + version + " failed: " + t;
        }
        strategy = next;
        version = version + 1;
        if (!startNext(next)) {
            command.result.complete(new SwapResult(config.id(), false, version, System.nanoTime() - pausedAt,
                    System.nanoTime() - command.requestedAt, queue.size(), sequence, failure));
            return;
        }
        state = InstanceState.RUNNING;
        long resumedAt = System.nanoTime();
        SwapResult result = new SwapResult(config.id(), true, version, resumedAt - pausedAt,
                resumedAt - command.requestedAt, queue.size(), sequence, problem);
        swaps.add(result);
        command.result.complete(result);
    }

    private void detachAndHold(DetachCommand command) {
        long pausedAt = System.nanoTime();
        Map<String, String> exported;
        try {
            exported = Map.copyOf(strategy.exportState());
        } catch (Throwable t) {
            rethrowIfFatal(t);
            command.result.completeExceptionally(t);
            fail("exportState", t);
            return;
        }
        state = InstanceState.DETACHED;
        try {
            strategy.stop();
        } catch (Throwable t) {
            rethrowIfFatal(t);
        }
        detachedState = exported;
        detachedAt = pausedAt;
        command.result.complete(exported);
        int idle = 0;
        while (!ended) {
            if (stopRequested) {
                end(InstanceState.STOPPED);
                return;
            }
            SwapCommand attach = attachRequest.getAndSet(null);
            if (attach != null) {
                if (attachDetached(attach)) {
                    detachPending = false;
                    return;
                }
                continue;
            }
            if (idle < YIELD_LIMIT) {
                Thread.yield();
                idle++;
            } else {
                waiting = true;
                if (attachRequest.get() == null && !stopRequested) {
                    LockSupport.parkNanos(this, MAX_PARK_NANOS);
                }
                waiting = false;
            }
        }
    }

    private boolean attachDetached(SwapCommand command) {
        Strategy next = command.next;
        try {
            next.importState(detachedState);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            command.result.complete(notSwapped("importState of the new version refused the state: " + t));
            return false;
        }
        strategy = next;
        version = version + 1;
        if (!startNext(next)) {
            command.result.complete(new SwapResult(config.id(), false, version, System.nanoTime() - detachedAt,
                    System.nanoTime() - command.requestedAt, queue.size(), sequence, failure));
            return true;
        }
        state = InstanceState.RUNNING;
        detachedState = null;
        long resumedAt = System.nanoTime();
        SwapResult result = new SwapResult(config.id(), true, version, resumedAt - detachedAt,
                resumedAt - command.requestedAt, queue.size(), sequence, null);
        swaps.add(result);
        command.result.complete(result);
        return true;
    }

    private boolean startNext(Strategy next) {
        try {
            next.start(context);
            return true;
        } catch (Throwable t) {
            rethrowIfFatal(t);
            fail("start of version " + version, t);
            return false;
        }
    }

    private boolean call(String callback, Runnable action) {
        try {
            action.run();
            return true;
        } catch (Throwable t) {
            rethrowIfFatal(t);
            fail(callback, t);
            return false;
        }
    }

    private void fail(String callback, Throwable cause) {
        String reason = "strategy " + config.id() + " version " + version + " threw in " + callback + ": " + cause;
        failure = reason;
        if (!callback.equals("stop")) {
            try {
                strategy.stop();
            } catch (Throwable t) {
                rethrowIfFatal(t);
                cause.addSuppressed(t);
            }
        }
        end(InstanceState.FAILED);
        try {
            alerts.strategyFailed(config.id(), config.account(), reason, cause);
        } catch (Throwable t) {
            rethrowIfFatal(t);
        }
    }

    private void end(InstanceState finalState) {
        state = finalState;
        ended = true;
        context.cancelAllTimers();
        if (config.orderPolicy() == OrderPolicy.CANCEL_ALL) {
            try {
                context.cancelAll(null);
            } catch (RuntimeException e) {
                commandFailures.incrementAndGet();
            }
        }
        if (finalState == InstanceState.STOPPED) {
            try {
                alerts.strategyStopped(config.id(), config.account(), config.orderPolicy());
            } catch (Throwable t) {
                rethrowIfFatal(t);
            }
        }
    }

    private void finish() {
        exited = true;
        drainAfterExit();
        terminated.complete(state);
    }

    /**
     * Empties the queue once the thread has ended: order outcomes still update the context (so a cancel requested
     * before the core acknowledged the order is sent now), swap requests are answered, events are counted as
     * rejected. Whoever offers after the end drains too, one at a time.
     */
    private synchronized void drainAfterExit() {
        SwapCommand pendingAttach = attachRequest.getAndSet(null);
        if (pendingAttach != null) {
            pendingAttach.result.complete(notSwapped("instance is " + state));
        }
        Object leftover;
        while ((leftover = queue.poll()) != null) {
            if (leftover instanceof CommandOutcome outcome) {
                context.onOutcome(outcome.clientOrderId, outcome.result, outcome.failure);
            } else if (leftover instanceof SwapCommand command) {
                command.result.complete(notSwapped("instance is " + state));
            } else if (leftover instanceof DetachCommand command) {
                command.result.completeExceptionally(new IllegalStateException("strategy instance " + config.id()
                        + " is " + state));
            } else if (!(leftover instanceof StopCommand)) {
                rejectedEvents.incrementAndGet();
            }
        }
    }

    private SwapResult notSwapped(String problem) {
        return new SwapResult(config.id(), false, version, 0, 0, 0, deliveredEvents, problem);
    }

    private static String callbackName(Object event) {
        if (event instanceof Quote) {
            return "onQuote";
        } else if (event instanceof Trade) {
            return "onTrade";
        } else if (event instanceof Bar) {
            return "onBar";
        } else if (event instanceof BookLevel) {
            return "onBookLevel";
        } else if (event instanceof ExecutionReport) {
            return "onExecutionReport";
        } else if (event instanceof TimerFired) {
            return "onTimer";
        }
        return "on" + event.getClass().getSimpleName();
    }

    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError error) {
            throw error;
        }
    }

    private record TimerFired(long key) {
    }

    private record CommandOutcome(long clientOrderId, CommandResult result, Throwable failure) {
    }

    private static final class StopCommand {
    }

    private static final class DetachCommand {
        final CompletableFuture<Map<String, String>> result = new CompletableFuture<>();
    }

    private static final class SwapCommand {
        final Strategy next;
        final long requestedAt;
        final CompletableFuture<SwapResult> result = new CompletableFuture<>();

        SwapCommand(Strategy next, long requestedAt) {
            this.next = next;
            this.requestedAt = requestedAt;
        }
    }
}
