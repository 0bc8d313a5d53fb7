package io.nautilus.backtest.exchange;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import io.nautilus.backtest.api.BacktestRequest.FillModel;
import io.nautilus.backtest.engine.Exchange;
import io.nautilus.backtest.engine.Scheduler;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.VenueReport;
import io.nautilus.core.embedded.EmbeddedCore;
import io.nautilus.data.MarketEvent;
import io.nautilus.data.MarketEventSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The backtest's simulated venue for every instrument: orders reach the core after the latency model's delay, and the
 * fill model decides their fills from the historical quotes, trades or bars, answered to the core as venue reports
 * (the core keeps the order states, positions and fees). Deterministic: the same events, calls and settings give the
 * same results; random choices (latency jitter, probabilistic fills) come from two streams seeded with
 * {@link ExchangeSettings#seed()}, so changing the fill model does not change the latencies drawn.
 *
 * <p>An order decided at {@code now} arrives at {@code now + latency + jitter}: the core gets the instrument's latest
 * price as its mark (if it changed), then the order ({@code submit}: risk checks, PENDING_NEW); the exchange
 * acknowledges it and it meets the market: the first quote at or after its arrival (the latest quote if it is
 * exactly at the arrival time), for an instrument without quotes in the data the first trade, for one with bars only
 * the first bar closing after the arrival (at its open). See {@code docs/backtesting.md} ("Simulated execution") for
 * the rules of market, limit and stop orders and of each {@link FillModel}.
 *
 * <p>One thread; an event for an instrument without orders at the exchange only updates that instrument's latest
 * prices (no allocation).
 */
public final class SimulatedExchange implements Exchange {

    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final long NO_HANDLE = Long.MIN_VALUE;
    private static final long NULL = FixedPoint.NULL;

    private final ExchangeSettings settings;
    private final EmbeddedCore core;
    private final Scheduler scheduler;
    private final Consumer<CommandResult> results;
    private final InstrumentMarket[] markets;
    private final Map<InstrumentId, InstrumentMarket> byId = new HashMap<>();
    private final SplittableRandom latencyRandom;
    private final SplittableRandom fillRandom;
    private final FillModel model;
    private final double probability;
    /** Unfinished orders by decision sequence. */
    private final TreeMap<Long, SimOrder> unfinished = new TreeMap<>();
    private final Map<Long, SimOrder> byClientId = new HashMap<>();
    private final Map<Long, Long> finishedOrderIds = new HashMap<>();
    private long orderSeq;
    private long restSeq;
    private long fillSeq;
    /** The order whose fill the core is processing, for the fee model. */
    private SimOrder filling;
    private boolean finished;

    /**
     * @param settings  the models
     * @param core      the core's engine: the data's instruments defined as external, the accounts defined
     * @param data      the data (its instruments and the kinds of event each has; not advanced)
     * @param scheduler the simulated clock
     * @param results   receives every core result, in order
     */
    public SimulatedExchange(ExchangeSettings settings, EmbeddedCore core, MarketEventSource data,
                             Scheduler scheduler, Consumer<CommandResult> results) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.core = Objects.requireNonNull(core, "core");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.results = Objects.requireNonNull(results, "results");
        this.model = settings.fillModel();
        this.probability = settings.fillProbability();
        List<Instrument> instruments = data.instruments();
        this.markets = new InstrumentMarket[instruments.size()];
        for (int i = 0; i < markets.length; i++) {
            Instrument instrument = instruments.get(i);
            markets[i] = newMarket(instrument.id(), instrument, data.kinds(i));
            byId.putIfAbsent(instrument.id(), markets[i]);
        }
        this.latencyRandom = new SplittableRandom(settings.seed());
        this.fillRandom = new SplittableRandom(settings.seed()).split();
        core.feeModel(this::fee);
    }

    /**
     * The factory the backtest engine takes.
     *
     * @param settings the models
     * @return a factory of exchanges with these settings
     */
    public static Exchange.Factory factory(ExchangeSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return (core, data, scheduler, results) -> new SimulatedExchange(settings, core, data, scheduler, results);
    }

    @Override
    public void submit(NewOrder order) {
        InstrumentMarket m = market(order.instrument());
        long now = scheduler.now();
        SimOrder o = new SimOrder(++orderSeq, order, m, now + settings.latencyNanos() + jitter());
        unfinished.put(o.seq, o);
        byClientId.put(order.clientOrderId(), o);
        if (finished) {
            o.arrivalHandle = scheduler.at(now, () -> {
                if (submitToCore(o, scheduler.now())) {
                    endOfData(o, scheduler.now());
                }
            });
            return;
        }
        o.arrivalHandle = scheduler.at(o.arrival, () -> arrive(o));
    }

    @Override
    public void cancel(long clientOrderId) {
        long effective = scheduler.now() + settings.cancelLatencyNanos() + jitter();
        scheduler.at(effective, () -> onCancel(clientOrderId));
    }

    @Override
    public void replace(long clientOrderId, long price, long quantity) {
        long effective = scheduler.now() + settings.cancelLatencyNanos() + jitter();
        scheduler.at(effective, () -> onReplace(clientOrderId, price, quantity));
    }

    @Override
    public void onMarketEvent(MarketEvent event) {
        InstrumentMarket m = markets[event.instrument];
        switch (event.kind) {
            case MarketEvent.QUOTE -> {
                long bid = event.bidPrice;
                long ask = event.askPrice;
                m.bid = bid;
                m.bidSize = event.bidSize;
                m.ask = ask;
                m.askSize = event.askSize;
                m.quoteTime = event.timestamp;
                if (bid != NULL && ask != NULL) {
                    m.lastPrice = bid + (ask - bid) / 2;
                } else if (bid != NULL || ask != NULL) {
                    m.lastPrice = bid != NULL ? bid : ask;
                }
            }
            case MarketEvent.TRADE -> {
                m.tradePrice = event.price;
                m.tradeTime = event.timestamp;
                m.lastPrice = event.price;
            }
            case MarketEvent.BAR -> m.lastPrice = event.close;
            default -> {
                return;
            }
        }
        if (m.live != 0) {
            onEvent(m, event);
        }
    }

    @Override
    public void finish() {
        finished = true;
        long now = scheduler.now();
        List<SimOrder> open = new ArrayList<>(unfinished.values());
        for (SimOrder o : open) {
            if (o.state == SimOrder.DONE) {
                continue;
            }
            if (o.state == SimOrder.IN_FLIGHT) {
                cancelHandle(o.arrivalHandle);
                o.arrivalHandle = NO_HANDLE;
                if (!submitToCore(o, now)) {
                    continue;
                }
            }
            endOfData(o, now);
        }
    }

    // ---- arrival, cancel, replace, expiry (scheduled actions)

    private void arrive(SimOrder o) {
        o.arrivalHandle = NO_HANDLE;
        if (finished) {
            return;
        }
        long now = scheduler.now();
        if (!submitToCore(o, now)) {
            return;
        }
        report(o, VenueReport.Kind.ACK, "", now);
        TimeInForce tif = o.order.timeInForce();
        if (tif == TimeInForce.GTD) {
            o.expiryHandle = scheduler.at(o.order.expireTimeNanos(), () -> expire(o));
        } else if (tif == TimeInForce.DAY) {
            o.expiryHandle = scheduler.at(Math.floorDiv(now, DAY_NANOS) * DAY_NANOS + DAY_NANOS, () -> expire(o));
        }
        if (o.deferred != null) {
            for (SimOrder.Deferred d : o.deferred) {
                if (o.state == SimOrder.DONE) {
                    break;
                }
                if (d.cancel()) {
                    cancelAtExchange(o, now);
                } else {
                    replaceAtExchange(o, d.price(), d.quantity(), now);
                }
            }
            o.deferred = null;
            if (o.state == SimOrder.DONE) {
                return;
            }
        }
        place(o, now);
    }

    /** Marks the instrument, submits the order to the core; false if the core rejected it (then it is finished). */
    private boolean submitToCore(SimOrder o, long now) {
        InstrumentMarket m = o.market;
        mark(m, now);
        CommandResult r = core.submit(o.order, now);
        if (r.accepted()) {
            o.orderId = r.orderId();
            o.state = SimOrder.PENDING;
            m.live++;
        } else {
            done(o);
        }
        results.accept(r);
        return r.accepted();
    }

    private void onCancel(long clientOrderId) {
        if (finished) {
            return;
        }
        long now = scheduler.now();
        SimOrder o = byClientId.get(clientOrderId);
        if (o == null) {
            Long orderId = finishedOrderIds.get(clientOrderId);
            if (orderId != null) {
                results.accept(core.cancel(orderId, now));
            }
            return;
        }
        if (o.state == SimOrder.IN_FLIGHT) {
            o.defer(new SimOrder.Deferred(true, 0, 0));
            return;
        }
        cancelAtExchange(o, now);
    }

    private void cancelAtExchange(SimOrder o, long now) {
        CommandResult r = core.cancel(o.orderId, now);
        results.accept(r);
        if (r.accepted()) {
            endOrder(o, VenueReport.Kind.CANCELED, "canceled", now);
        }
    }

    /** Cancels an order at the end of the data (unsolicited if the core refuses the cancel request). */
    private void endOfData(SimOrder o, long now) {
        CommandResult r = core.cancel(o.orderId, now);
        results.accept(r);
        endOrder(o, VenueReport.Kind.CANCELED, "end of data", now);
    }

    private void onReplace(long clientOrderId, long price, long quantity) {
        if (finished) {
            return;
        }
        long now = scheduler.now();
        SimOrder o = byClientId.get(clientOrderId);
        if (o == null) {
            Long orderId = finishedOrderIds.get(clientOrderId);
            if (orderId != null) {
                results.accept(core.replace(orderId, price, quantity, now));
            }
            return;
        }
        if (o.state == SimOrder.IN_FLIGHT) {
            o.defer(new SimOrder.Deferred(false, price, quantity));
            return;
        }
        replaceAtExchange(o, price, quantity, now);
    }

    private void replaceAtExchange(SimOrder o, long price, long quantity, long now) {
        InstrumentMarket m = o.market;
        mark(m, now);
        CommandResult r = core.replace(o.orderId, price, quantity, now);
        results.accept(r);
        if (!r.accepted()) {
            return;
        }
        long newPrice = price == NULL ? o.price : price;
        long newQuantity = quantity == NULL ? o.quantity : quantity;
        if (o.state == SimOrder.WORKING && o.postOnly && newPrice != o.price && crosses(m, o.buy, newPrice)) {
            results.accept(core.venueReport(new VenueReport(o.orderId, VenueReport.Kind.REPLACE_REJECTED, 0, 0,
                    false, "post-only would cross"), now));
            return;
        }
        results.accept(core.venueReport(new VenueReport(o.orderId, VenueReport.Kind.REPLACED, newPrice, newQuantity,
                false, ""), now));
        if (newQuantity <= o.filled) {
            done(o);
            return;
        }
        boolean losesPlace = newPrice != o.price || newQuantity > o.quantity;
        o.price = newPrice;
        o.quantity = newQuantity;
        o.open = newQuantity - o.filled;
        if (o.state == SimOrder.WORKING && losesPlace) {
            (o.buy ? m.buys : m.sells).remove(o);
            o.state = SimOrder.PENDING;
            activate(o, m.standingPrice(o.buy), now);
        }
    }

    private void expire(SimOrder o) {
        o.expiryHandle = NO_HANDLE;
        if (finished || o.state == SimOrder.DONE || o.state == SimOrder.IN_FLIGHT) {
            return;
        }
        endOrder(o, VenueReport.Kind.EXPIRED, "expired", scheduler.now());
    }

    // ---- meeting the market

    /** An arrived order: stops wait for their trigger; others meet the market now or at the next event. */
    private void place(SimOrder o, long now) {
        InstrumentMarket m = o.market;
        if (o.isUntriggeredStop()) {
            o.state = SimOrder.STOP;
            m.stops.add(o);
            return;
        }
        if (m.activation == MarketEvent.QUOTE && m.quoteTime >= o.arrival) {
            activate(o, m.standingPrice(o.buy), now);
        } else if (m.activation == MarketEvent.TRADE && m.tradeTime >= o.arrival) {
            activate(o, m.tradePrice, now);
        } else {
            o.state = SimOrder.PENDING;
            m.pending.add(o);
        }
    }

    /**
     * An order meets the market: a market order fills whole at the price a taker meets (plus slippage); a
     * marketable limit order fills whole as taker, never beyond its limit (post-only: rejected); an IOC/FOK that
     * cannot is canceled; other limit orders rest.
     *
     * @param taking the price a taker of the order's side meets (ask for a buy, bid for a sell, trade price, bar
     *               open), or NULL if none
     */
    private void activate(SimOrder o, long taking, long now) {
        if (o.isMarket()) {
            if (taking == NULL) {
                endOrder(o, VenueReport.Kind.CANCELED, "no liquidity", now);
            } else {
                fill(o, o.open, slipped(o, taking), false, now);
            }
            return;
        }
        if (taking != NULL && (o.buy ? taking <= o.price : taking >= o.price)) {
            if (o.postOnly) {
                endOrder(o, VenueReport.Kind.REJECTED, "post-only would cross", now);
                return;
            }
            long px = slipped(o, taking);
            fill(o, o.open, o.buy ? Math.min(px, o.price) : Math.max(px, o.price), false, now);
            return;
        }
        if (o.order.timeInForce().isImmediate()) {
            endOrder(o, VenueReport.Kind.CANCELED, o.order.timeInForce() == TimeInForce.FOK ? "FOK not filled"
                    : "IOC not filled", now);
            return;
        }
        rest(o);
    }

    private void rest(SimOrder o) {
        InstrumentMarket m = o.market;
        o.state = SimOrder.WORKING;
        o.restSeq = ++restSeq;
        o.queueAhead = -1;
        if (model == FillModel.QUEUE && m.activation == MarketEvent.QUOTE) {
            updateQueue(o, m);
        }
        m.rest(o);
    }

    private long slipped(SimOrder o, long price) {
        long slip = settings.slippageTicks() * o.market.tickSize;
        return o.buy ? price + slip : Math.max(price - slip, o.market.tickSize);
    }

    private static boolean crosses(InstrumentMarket m, boolean buy, long price) {
        long taking = m.standingPrice(buy);
        return taking != NULL && (buy ? taking <= price : taking >= price);
    }

    private void onEvent(InstrumentMarket m, MarketEvent e) {
        byte kind = e.kind;
        if (kind == MarketEvent.BAR && m.activation != MarketEvent.BAR) {
            return;
        }
        long now = e.timestamp;
        m.compact();
        if (!m.buys.isEmpty() || !m.sells.isEmpty()) {
            switch (kind) {
                case MarketEvent.QUOTE -> restingOnQuote(m, now);
                case MarketEvent.TRADE -> restingOnTrade(m, e.price, e.size, now);
                default -> {
                    for (int i = 0, n = m.buys.size(); i < n; i++) {
                        restingOnBar(m.buys.get(i), e, now);
                    }
                    for (int i = 0, n = m.sells.size(); i < n; i++) {
                        restingOnBar(m.sells.get(i), e, now);
                    }
                }
            }
        }
        if (!m.stops.isEmpty() && kind == m.trigger) {
            triggerStops(m, e, now);
        }
        if (!m.pending.isEmpty() && kind == m.activation) {
            activatePending(m, e, now);
        }
        m.compact();
    }

    /** Resting orders against a quote: crossed by the opposite side (at their price, up to its size); queues. */
    private void restingOnQuote(InstrumentMarket m, long now) {
        boolean queue = model == FillModel.QUEUE;
        long ask = m.ask;
        long available = ask == NULL ? 0 : m.askSize;
        for (int i = 0, n = m.buys.size(); i < n; i++) {
            SimOrder o = m.buys.get(i);
            if (o.state != SimOrder.WORKING) {
                continue;
            }
            if (queue) {
                updateQueue(o, m);
            }
            if (available > 0 && ask <= o.price) {
                long q = Math.min(o.open, available);
                available -= q;
                fill(o, q, o.price, true, now);
            }
        }
        long bid = m.bid;
        available = bid == NULL ? 0 : m.bidSize;
        for (int i = 0, n = m.sells.size(); i < n; i++) {
            SimOrder o = m.sells.get(i);
            if (o.state != SimOrder.WORKING) {
                continue;
            }
            if (queue) {
                updateQueue(o, m);
            }
            if (available > 0 && bid >= o.price) {
                long q = Math.min(o.open, available);
                available -= q;
                fill(o, q, o.price, true, now);
            }
        }
    }

    /**
     * Queue model: the quantity ahead of an order is set when its price becomes the best on its side (the size shown
     * there; 0 if it improves the best), and only goes down: to a smaller size shown at its price.
     */
    private static void updateQueue(SimOrder o, InstrumentMarket m) {
        long best = o.buy ? m.bid : m.ask;
        long size = o.buy ? m.bidSize : m.askSize;
        if (o.queueAhead < 0) {
            if (best == NULL || (o.buy ? best < o.price : best > o.price)) {
                o.queueAhead = 0;
            } else if (best == o.price) {
                o.queueAhead = size;
            }
        } else if (best == o.price && size < o.queueAhead) {
            o.queueAhead = size;
        }
    }

    /** Resting orders against a trade: through their price always, at their price as the fill model says. */
    private void restingOnTrade(InstrumentMarket m, long price, long size, long now) {
        long available = size;
        for (int i = 0, n = m.buys.size(); i < n; i++) {
            SimOrder o = m.buys.get(i);
            if (o.state == SimOrder.WORKING && price <= o.price) {
                available -= tradeFill(o, price < o.price, size, available, now);
            }
        }
        available = size;
        for (int i = 0, n = m.sells.size(); i < n; i++) {
            SimOrder o = m.sells.get(i);
            if (o.state == SimOrder.WORKING && price >= o.price) {
                available -= tradeFill(o, price > o.price, size, available, now);
            }
        }
    }

    /** @return the quantity filled by a trade at or through the order's price */
    private long tradeFill(SimOrder o, boolean through, long size, long available, long now) {
        long q;
        if (through || model == FillModel.TOUCH) {
            q = Math.min(o.open, available);
        } else if (model == FillModel.QUEUE) {
            if (o.queueAhead < 0) {
                return 0;
            }
            long excess = size - o.queueAhead;
            o.queueAhead = Math.max(0, o.queueAhead - size);
            q = excess > 0 ? Math.min(o.open, Math.min(excess, available)) : 0;
        } else {
            q = available > 0 && fillRandom.nextDouble() < probability ? Math.min(o.open, available) : 0;
        }
        if (q > 0) {
            fill(o, q, o.price, true, now);
        }
        return q;
    }

    /** A resting order against a bar (instruments with bars only): gapped through at the open, else its range. */
    private void restingOnBar(SimOrder o, MarketEvent e, long now) {
        if (o.state != SimOrder.WORKING) {
            return;
        }
        long p = o.price;
        boolean buy = o.buy;
        long open = e.open;
        long extreme = buy ? e.low : e.high;
        boolean touchesOpen = buy ? open <= p : open >= p;
        boolean throughOpen = buy ? open < p : open > p;
        boolean touches = buy ? extreme <= p : extreme >= p;
        boolean through = buy ? extreme < p : extreme > p;
        boolean atOpen;
        boolean atPrice;
        switch (model) {
            case TOUCH -> {
                atOpen = touchesOpen;
                atPrice = touches;
            }
            case QUEUE -> {
                atOpen = throughOpen;
                atPrice = through;
            }
            default -> {
                atOpen = throughOpen;
                atPrice = through || touches && fillRandom.nextDouble() < probability;
            }
        }
        if (atOpen) {
            fill(o, o.open, open, true, now);
        } else if (atPrice) {
            fill(o, o.open, p, true, now);
        }
    }

    /** Stops whose trigger the event reaches act as market or limit orders meeting the market at this event. */
    private void triggerStops(InstrumentMarket m, MarketEvent e, long now) {
        for (int i = 0, n = m.stops.size(); i < n; i++) {
            SimOrder o = m.stops.get(i);
            if (o.state != SimOrder.STOP) {
                continue;
            }
            long stop = o.order.stopPrice();
            boolean buy = o.buy;
            long taking;
            switch (e.kind) {
                case MarketEvent.TRADE -> {
                    if (buy ? e.price < stop : e.price > stop) {
                        continue;
                    }
                    taking = m.activation == MarketEvent.QUOTE ? m.standingPrice(buy) : e.price;
                }
                case MarketEvent.QUOTE -> {
                    taking = m.standingPrice(buy);
                    if (taking == NULL || (buy ? taking < stop : taking > stop)) {
                        continue;
                    }
                }
                default -> {
                    if (buy ? e.high < stop : e.low > stop) {
                        continue;
                    }
                    taking = buy ? Math.max(e.open, stop) : Math.min(e.open, stop);
                }
            }
            o.triggered = true;
            o.state = SimOrder.PENDING;
            m.dirty = true;
            activate(o, taking, now);
        }
    }

    /** Arrived orders meet their first market event. */
    private void activatePending(InstrumentMarket m, MarketEvent e, long now) {
        for (int i = 0, n = m.pending.size(); i < n; i++) {
            SimOrder o = m.pending.get(i);
            if (o.state != SimOrder.PENDING) {
                continue;
            }
            long taking;
            switch (e.kind) {
                case MarketEvent.QUOTE -> taking = m.standingPrice(o.buy);
                case MarketEvent.TRADE -> taking = e.price;
                default -> {
                    if (e.timestamp <= o.arrival) {
                        continue;
                    }
                    taking = e.open;
                }
            }
            m.dirty = true;
            activate(o, taking, now);
            if (e.kind == MarketEvent.BAR) {
                restingOnBar(o, e, now);
            }
        }
    }

    // ---- reports to the core

    private void fill(SimOrder o, long quantity, long price, boolean maker, long now) {
        CommandResult r;
        filling = o;
        try {
            r = core.venueReport(new VenueReport(o.orderId, VenueReport.Kind.FILL, price, quantity, maker,
                    "X-" + (++fillSeq)), now);
        } finally {
            filling = null;
        }
        if (r.accepted()) {
            o.open -= quantity;
            o.filled += quantity;
        }
        if (!r.accepted() || o.open == 0) {
            done(o);
        }
        results.accept(r);
    }

    private void report(SimOrder o, VenueReport.Kind kind, String text, long now) {
        results.accept(core.venueReport(new VenueReport(o.orderId, kind, 0, 0, false, text), now));
    }

    /** Finishes an order at the exchange with a venue report (CANCELED, EXPIRED or REJECTED). */
    private void endOrder(SimOrder o, VenueReport.Kind kind, String text, long now) {
        CommandResult r = core.venueReport(new VenueReport(o.orderId, kind, 0, 0, false, text), now);
        done(o);
        results.accept(r);
    }

    private void done(SimOrder o) {
        if (o.state == SimOrder.DONE) {
            return;
        }
        InstrumentMarket m = o.market;
        if (o.state != SimOrder.IN_FLIGHT) {
            m.live--;
        }
        m.dirty = true;
        o.state = SimOrder.DONE;
        unfinished.remove(o.seq);
        long clientOrderId = o.order.clientOrderId();
        if (byClientId.get(clientOrderId) == o) {
            byClientId.remove(clientOrderId);
            if (o.orderId > 0) {
                finishedOrderIds.put(clientOrderId, o.orderId);
            }
        }
        cancelHandle(o.expiryHandle);
        o.expiryHandle = NO_HANDLE;
        cancelHandle(o.arrivalHandle);
        o.arrivalHandle = NO_HANDLE;
    }

    private void cancelHandle(long handle) {
        if (handle != NO_HANDLE) {
            scheduler.cancel(handle);
        }
    }

    private void mark(InstrumentMarket m, long now) {
        long price = m.lastPrice;
        if (price != NULL && price > 0 && price != m.markedPrice) {
            m.markedPrice = price;
            results.accept(core.mark(m.id, price, now));
        }
    }

    /**
     * The fee model installed in the core: the instrument's schedule plus the per-unit fee, and for each order at
     * least the minimum fee in total (each fill pays the increase of the order's total).
     */
    private long fee(AccountId account, InstrumentId instrument, long orderId, long price, long quantity,
                     boolean maker, long scheduleFee) {
        SimOrder o = filling;
        if (o == null || o.orderId != orderId) {
            return scheduleFee;
        }
        InstrumentMarket m = o.market;
        o.feeComputed = Math.addExact(o.feeComputed, Math.addExact(scheduleFee, m.perUnitFee(quantity)));
        long total = m.minFee > 0 ? Math.max(o.feeComputed, m.minFee) : o.feeComputed;
        long charge = total - o.feeCharged;
        o.feeCharged = total;
        return charge;
    }

    private long jitter() {
        long bound = settings.jitterNanos();
        return bound == 0 ? 0 : latencyRandom.nextLong(bound + 1);
    }

    private InstrumentMarket market(InstrumentId id) {
        InstrumentMarket m = byId.get(id);
        if (m == null) {
            m = newMarket(id, null, 0);
            byId.put(id, m);
        }
        return m;
    }

    private InstrumentMarket newMarket(InstrumentId id, Instrument fromData, int kinds) {
        EmbeddedCore.Definition definition = core.definition(id);
        Instrument instrument = definition != null ? definition.instrument() : fromData;
        return new InstrumentMarket(id, instrument, kinds, settings.feePerUnit(), settings.minFeePerOrder());
    }
}
