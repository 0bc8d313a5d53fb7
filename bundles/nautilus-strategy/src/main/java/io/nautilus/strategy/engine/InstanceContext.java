package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.core.api.CommandResult;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.Object2LongHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The {@link StrategyContext} of one strategy instance. It outlives strategy versions: a hot swap hands the same
 * context, with its working orders, positions and timers, to the new version.
 *
 * <p>Owned by the instance's thread: the strategy calls it from its callbacks, the instance feeds it execution
 * reports and command outcomes. Only the {@code volatile} counters may be read from other threads.
 */
public final class InstanceContext implements StrategyContext {

    private final InstanceConfig config;
    private final TradingPort port;
    private final LongSupplier clock;
    private final AtomicLong clientOrderIds;
    private final ScheduledExecutorService scheduler;
    private final StrategyInstance instance;
    private final Long2ObjectHashMap<WorkingOrder> working = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<ScheduledFuture<?>> timers = new Long2ObjectHashMap<>();
    private final Object2LongHashMap<InstrumentId> positions = new Object2LongHashMap<>(0L);
    private long nextTimerId;
    private long eventSequence;
    private volatile int workingOrderCount;
    private OrderOwners owners = OrderOwners.NONE;

    /**
     * Told which orders this instance sent and when they finished, so that the engine can route execution reports
     * that do not carry a strategy id (the trading core identifies orders by account and client order id).
     */
    interface OrderOwners {
        /** Ignores everything. */
        OrderOwners NONE = new OrderOwners() {
            @Override
            public void sent(long clientOrderId) {
            }

            @Override
            public void finished(long clientOrderId) {
            }
        };

        /** @param clientOrderId an order this instance is about to send */
        void sent(long clientOrderId);

        /** @param clientOrderId an order of this instance that is finished (filled, canceled, rejected, expired) */
        void finished(long clientOrderId);
    }

    /** Sets the owner registry; before the instance starts. */
    void owners(OrderOwners registry) {
        this.owners = registry;
    }

    InstanceContext(InstanceConfig config, TradingPort port, LongSupplier clock, AtomicLong clientOrderIds,
                    ScheduledExecutorService scheduler, StrategyInstance instance) {
        this.config = config;
        this.port = port;
        this.clock = clock;
        this.clientOrderIds = clientOrderIds;
        this.scheduler = scheduler;
        this.instance = instance;
    }

    /**
     * The sequence number of the event being delivered (or last delivered) to this instance: 1 for the first
     * event, +1 per event, across strategy versions.
     *
     * @return the sequence number, 0 before the first event
     */
    public long eventSequence() {
        return eventSequence;
    }

    /**
     * The number of working orders tracked; readable from any thread.
     *
     * @return orders submitted and not yet finished
     */
    public int workingOrderCount() {
        return workingOrderCount;
    }

    @Override
    public StrategyId strategyId() {
        return config.id();
    }

    @Override
    public AccountId account() {
        return config.account();
    }

    /**
     * Hands the alert to the engine's {@link StrategyAlertHook}, which keys it {@code strategy:<id>:<key>} and labels
     * it with this instance's strategy and account; returns at once.
     *
     * @throws IllegalArgumentException if the key or the text is blank
     */
    @Override
    public void alert(io.nautilus.api.alert.Severity severity, String key, String text) {
        java.util.Objects.requireNonNull(severity, "severity");
        if (key == null || key.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("alert of strategy " + config.id() + ": key '" + key
                    + "' and text must not be blank");
        }
        instance.alertHook().strategyAlert(config.id(), config.account(), severity, key, text);
    }

    @Override
    public long nowNanos() {
        return clock.getAsLong();
    }

    @Override
    public long submit(InstrumentId instrument, Side side, OrderType type, TimeInForce timeInForce, long price,
                       long stopPrice, long quantity, int flags, long expireTimeNanos) {
        long clientOrderId = clientOrderIds.incrementAndGet();
        NewOrder order = new NewOrder(clientOrderId, config.account(), config.id(), instrument, side, type,
                timeInForce, price, stopPrice, quantity, 0, flags, expireTimeNanos);
        working.put(clientOrderId, new WorkingOrder(clientOrderId, instrument, side));
        workingOrderCount = working.size();
        owners.sent(clientOrderId);
        try {
            port.submit(order).whenComplete((result, failure) -> instance.offerOutcome(clientOrderId, result,
                    failure));
        } catch (RuntimeException e) {
            working.remove(clientOrderId);
            workingOrderCount = working.size();
            owners.finished(clientOrderId);
            throw e;
        }
        return clientOrderId;
    }

    @Override
    public long cancel(long clientOrderId) {
        WorkingOrder order = working.get(clientOrderId);
        if (order == null) {
            return 0;
        }
        requestCancel(order);
        return clientOrderIds.incrementAndGet();
    }

    @Override
    public long replace(long clientOrderId, long price, long quantity) {
        if (price == FixedPoint.NULL && quantity == 0) {
            throw new IllegalArgumentException("replace of order " + clientOrderId
                    + " changes nothing: give a new price, a new quantity or both");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("replace of order " + clientOrderId + ": quantity " + quantity
                    + " must be greater than zero, or 0 to keep it");
        }
        WorkingOrder order = working.get(clientOrderId);
        if (order == null || order.cancelRequested) {
            return 0;
        }
        long newQuantity = quantity == 0 ? FixedPoint.NULL : quantity;
        if (order.orderId == 0) {
            if (price != FixedPoint.NULL) {
                order.pendingPrice = price;
            }
            if (newQuantity != FixedPoint.NULL) {
                order.pendingQuantity = newQuantity;
            }
        } else {
            port.replace(order.orderId, price, newQuantity).whenComplete(this::countFailure);
        }
        return clientOrderId;
    }

    @Override
    public int cancelAll(InstrumentId instrument) {
        int sent = 0;
        for (WorkingOrder order : working.values()) {
            if (!order.cancelRequested && (instrument == null || instrument.equals(order.instrument))) {
                requestCancel(order);
                sent++;
            }
        }
        return sent;
    }

    @Override
    public long position(InstrumentId instrument) {
        return positions.getValue(instrument);
    }

    @Override
    public long realizedPnl(InstrumentId instrument) {
        return port.realizedPnl(config.account(), instrument);
    }

    @Override
    public long unrealizedPnl(InstrumentId instrument) {
        return port.unrealizedPnl(config.account(), instrument);
    }

    @Override
    public Instrument instrument(InstrumentId instrument) {
        return port.instrument(instrument);
    }

    @Override
    public long scheduleTimer(long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("timer delay " + delayNanos + " ns must not be negative");
        }
        long timerId = ++nextTimerId;
        timers.put(timerId, scheduler.schedule(() -> instance.offerTimer(timerId), delayNanos,
                TimeUnit.NANOSECONDS));
        return timerId;
    }

    @Override
    public long scheduleRepeatingTimer(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("timer period " + periodNanos + " ns must be greater than zero");
        }
        long timerId = -(++nextTimerId);
        timers.put(timerId, scheduler.scheduleAtFixedRate(() -> instance.offerTimer(timerId), periodNanos,
                periodNanos, TimeUnit.NANOSECONDS));
        return -timerId;
    }

    @Override
    public boolean cancelTimer(long timerId) {
        ScheduledFuture<?> timer = timers.remove(timerId);
        if (timer == null) {
            timer = timers.remove(-timerId);
        }
        if (timer == null) {
            return false;
        }
        timer.cancel(false);
        return true;
    }

    @Override
    public Map<String, String> parameters() {
        return config.parameters();
    }

    void beginEvent(long sequence) {
        eventSequence = sequence;
    }

    /**
     * Resolves a fired timer key (negative for repeating timers).
     *
     * @return the timer id to pass to the strategy, or 0 if the timer was canceled meanwhile
     */
    long fireTimer(long key) {
        if (key > 0) {
            return timers.remove(key) != null ? key : 0;
        }
        return timers.containsKey(key) ? -key : 0;
    }

    void track(ExecutionReport report) {
        if (report.isFill()) {
            long position = positions.getValue(report.instrument()) + report.signedLastQuantity();
            if (position == 0) {
                positions.removeKey(report.instrument()); // 0 is the map's missing value: flat is absent
            } else {
                positions.put(report.instrument(), position);
            }
        }
        WorkingOrder order = working.get(report.clientOrderId());
        if (order == null && report.origClientOrderId() != 0) {
            order = working.get(report.origClientOrderId());
        }
        if (order == null) {
            return;
        }
        if (report.status().isFinished()) {
            working.remove(order.clientOrderId);
            workingOrderCount = working.size();
            owners.finished(order.clientOrderId);
            return;
        }
        if (report.execType() == ExecType.REJECTED && report.origClientOrderId() != 0) {
            order.cancelRequested = false;
        }
        learnOrderId(order, report.orderId());
    }

    void onOutcome(long clientOrderId, CommandResult result, Throwable failure) {
        WorkingOrder order = working.get(clientOrderId);
        if (order == null) {
            return;
        }
        if (failure != null || !result.accepted()) {
            if (failure != null) {
                instance.countCommandFailure();
            }
            working.remove(clientOrderId);
            workingOrderCount = working.size();
            owners.finished(clientOrderId);
            return;
        }
        learnOrderId(order, result.orderId());
    }

    void cancelAllTimers() {
        for (ScheduledFuture<?> timer : timers.values()) {
            timer.cancel(false);
        }
        timers.clear();
    }

    /**
     * The client order ids of the working orders, for tests and the shell; call on the instance's thread or
     * when it has ended.
     */
    List<Long> workingClientOrderIds() {
        List<Long> ids = new ArrayList<>(working.size());
        for (WorkingOrder order : working.values()) {
            ids.add(order.clientOrderId);
        }
        return ids;
    }

    private void learnOrderId(WorkingOrder order, long orderId) {
        if (orderId == 0 || order.orderId != 0) {
            return;
        }
        order.orderId = orderId;
        if (order.cancelRequested) {
            port.cancel(orderId).whenComplete(this::countFailure);
        } else if (order.hasPendingReplace()) {
            port.replace(orderId, order.pendingPrice, order.pendingQuantity).whenComplete(this::countFailure);
        }
        order.pendingPrice = FixedPoint.NULL;
        order.pendingQuantity = FixedPoint.NULL;
    }

    private void requestCancel(WorkingOrder order) {
        if (order.cancelRequested) {
            return;
        }
        order.cancelRequested = true;
        if (order.orderId != 0) {
            port.cancel(order.orderId).whenComplete(this::countFailure);
        }
    }

    private void countFailure(CommandResult result, Throwable failure) {
        if (failure != null) {
            instance.countCommandFailure();
        }
    }
}
