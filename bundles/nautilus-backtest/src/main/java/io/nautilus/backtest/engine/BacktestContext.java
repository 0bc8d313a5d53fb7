package io.nautilus.backtest.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.core.embedded.EmbeddedCore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The strategy's {@link StrategyContext} in a backtest, on the simulated clock: orders go to the simulated
 * {@link Exchange} (client order ids from 1), positions come from the strategy's fills, P&amp;L from the trading
 * core, timers from the {@link Scheduler}. It also delivers events to the strategy, turning an exception thrown by
 * the strategy into the end of the run.
 */
public final class BacktestContext implements StrategyContext {

    private final StrategyId strategyId;
    private final AccountId account;
    private final Scheduler scheduler;
    private final EmbeddedCore core;
    private final Map<String, String> parameters;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Map<Long, InstrumentId> working = new LinkedHashMap<>();
    private final Map<InstrumentId, long[]> positions = new HashMap<>();
    private final Map<Long, long[]> timers = new HashMap<>();
    private final OrderLog orderLog;
    private Strategy strategy;
    private Exchange exchange;
    private boolean stopped;
    private long nextClientOrderId = 1;
    private long nextTimerId = 1;

    /**
     * @param strategyId the strategy's id
     * @param account    the account its orders are booked to
     * @param scheduler  the simulated clock
     * @param core       the core (instrument definitions, P&amp;L)
     * @param parameters the strategy's parameters, as text
     * @param orderLog   hears the strategy's new orders and replace requests, before the exchange does
     */
    public BacktestContext(StrategyId strategyId, AccountId account, Scheduler scheduler, EmbeddedCore core,
                           Map<String, String> parameters, OrderLog orderLog) {
        this.orderLog = Objects.requireNonNull(orderLog, "orderLog");
        this.strategyId = Objects.requireNonNull(strategyId, "strategyId");
        this.account = Objects.requireNonNull(account, "account");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.core = Objects.requireNonNull(core, "core");
        this.parameters = Map.copyOf(parameters);
        for (Instrument i : core.instruments()) {
            instruments.put(i.id(), i);
        }
    }

    /**
     * Binds the strategy and the exchange (built after this context, which receives the exchange's results).
     *
     * @param strategy the strategy this context serves
     * @param exchange where its orders go
     */
    public void bind(Strategy strategy, Exchange exchange) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
    }

    @Override
    public StrategyId strategyId() {
        return strategyId;
    }

    @Override
    public AccountId account() {
        return account;
    }

    @Override
    public long nowNanos() {
        return scheduler.now();
    }

    /**
     * Records the alert in the run's output ({@code alerts.csv}, at simulated time), keyed {@code strategy:<id>:<key>}
     * as the live engine keys it; a backtest tells nobody.
     *
     * @throws IllegalArgumentException if the key or the text is blank
     */
    @Override
    public void alert(io.nautilus.api.alert.Severity severity, String key, String text) {
        Objects.requireNonNull(severity, "severity");
        if (key == null || key.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("alert of strategy " + strategyId + ": key '" + key
                    + "' and text must not be blank");
        }
        orderLog.alert(severity, "strategy:" + strategyId.value() + ":" + key, text, scheduler.now());
    }

    @Override
    public long submit(InstrumentId instrument, Side side, OrderType type, TimeInForce timeInForce, long price,
                       long stopPrice, long quantity, int flags, long expireTimeNanos) {
        long id = nextClientOrderId;
        NewOrder order = new NewOrder(id, account, strategyId, instrument, side, type, timeInForce, price, stopPrice,
                quantity, 0, flags, expireTimeNanos);
        nextClientOrderId++;
        working.put(id, instrument);
        orderLog.submitted(order, scheduler.now());
        exchange.submit(order);
        return id;
    }

    @Override
    public long cancel(long clientOrderId) {
        exchange.cancel(clientOrderId);
        return nextClientOrderId++;
    }

    @Override
    public long replace(long clientOrderId, long price, long quantity) {
        if (price == FixedPoint.NULL && quantity == 0) {
            throw new IllegalArgumentException("replace of order " + clientOrderId + " changes neither price nor"
                    + " quantity");
        }
        long newQuantity = quantity == 0 ? FixedPoint.NULL : quantity;
        orderLog.replaceRequested(clientOrderId, price, newQuantity);
        exchange.replace(clientOrderId, price, newQuantity);
        return clientOrderId;
    }

    @Override
    public int cancelAll(InstrumentId instrument) {
        List<Long> ids = new ArrayList<>();
        working.forEach((id, i) -> {
            if (instrument == null || instrument.equals(i)) {
                ids.add(id);
            }
        });
        for (long id : ids) {
            cancel(id);
        }
        return ids.size();
    }

    @Override
    public long position(InstrumentId instrument) {
        long[] p = positions.get(instrument);
        return p == null ? 0 : p[0];
    }

    @Override
    public long realizedPnl(InstrumentId instrument) {
        return core.realizedPnl(account, instrument);
    }

    @Override
    public long unrealizedPnl(InstrumentId instrument) {
        return core.unrealizedPnl(account, instrument);
    }

    @Override
    public Instrument instrument(InstrumentId instrument) {
        return instruments.get(instrument);
    }

    @Override
    public long scheduleTimer(long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("timer delay " + delayNanos + " must not be negative");
        }
        return schedule(delayNanos, 0);
    }

    @Override
    public long scheduleRepeatingTimer(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("timer period " + periodNanos + " must be greater than zero");
        }
        return schedule(periodNanos, periodNanos);
    }

    @Override
    public boolean cancelTimer(long timerId) {
        long[] timer = timers.remove(timerId);
        return timer != null && scheduler.cancel(timer[0]);
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    /** @return the client order ids of the strategy's orders not finished yet, in submission order */
    public List<Long> workingOrders() {
        return List.copyOf(working.keySet());
    }

    void start() {
        try {
            strategy.start(this);
        } catch (RuntimeException | Error e) {
            throw new StrategyFailure("start", scheduler.now(), e);
        }
    }

    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            strategy.stop();
        } catch (RuntimeException | Error e) {
            throw new StrategyFailure("stop", scheduler.now(), e);
        }
    }

    void onQuote(Quote quote) {
        if (stopped) {
            return;
        }
        try {
            strategy.onQuote(quote);
        } catch (RuntimeException | Error e) {
            throw new StrategyFailure("onQuote", scheduler.now(), e);
        }
    }

    void onTrade(Trade trade) {
        if (stopped) {
            return;
        }
        try {
            strategy.onTrade(trade);
        } catch (RuntimeException | Error e) {
            throw new StrategyFailure("onTrade", scheduler.now(), e);
        }
    }

    void onBar(Bar bar) {
        if (stopped) {
            return;
        }
        try {
            strategy.onBar(bar);
        } catch (RuntimeException | Error e) {
            throw new StrategyFailure("onBar", scheduler.now(), e);
        }
    }

    /**
     * A report of one of the strategy's orders: updates working orders and positions, then tells the strategy.
     *
     * @param report the report
     */
    void onExecutionReport(ExecutionReport report) {
        if (report.status().isFinished()) {
            working.remove(report.clientOrderId());
            if (report.origClientOrderId() != 0) {
                working.remove(report.origClientOrderId());
            }
        }
        if (report.isFill()) {
            positions.computeIfAbsent(report.instrument(), k -> new long[1])[0] += report.signedLastQuantity();
        }
        if (stopped) {
            return;
        }
        try {
            strategy.onExecutionReport(report);
        } catch (RuntimeException | Error e) {
            throw new StrategyFailure("onExecutionReport", scheduler.now(), e);
        }
    }

    private long schedule(long delayNanos, long periodNanos) {
        long id = nextTimerId++;
        long[] timer = {0, periodNanos};
        timers.put(id, timer);
        arm(id, timer, scheduler.now() + delayNanos);
        return id;
    }

    private void arm(long id, long[] timer, long at) {
        timer[0] = scheduler.at(at, () -> fire(id, timer, at));
    }

    private void fire(long id, long[] timer, long at) {
        if (timer[1] > 0) {
            arm(id, timer, at + timer[1]);
        } else {
            timers.remove(id);
        }
        if (stopped) {
            return;
        }
        try {
            strategy.onTimer(id, scheduler.now());
        } catch (RuntimeException | Error e) {
            throw new StrategyFailure("onTimer", scheduler.now(), e);
        }
    }
}
