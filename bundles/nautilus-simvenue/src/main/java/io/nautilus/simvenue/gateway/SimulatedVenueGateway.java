package io.nautilus.simvenue.gateway;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import io.nautilus.api.venue.VenueGateway;
import io.nautilus.api.venue.VenueSession;
import io.nautilus.api.venue.VenueSessionInfo;
import io.nautilus.api.venue.VenueStateListener;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.matching.MatchingEngine;
import io.nautilus.core.matching.OrderView;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A simulated venue behind the {@link VenueGateway} SPI: a private instance of the platform's own
 * {@link MatchingEngine} is the exchange, with the market's quotes mirrored into it as the liquidity of an internal
 * "market" account (and optionally the market's trades replayed as immediate-or-cancel prints), and the platform's
 * orders applied to it after a configurable latency. Used for paper trading and by the venue layer's tests.
 *
 * <p>Threads: everything that touches the engine or the orders runs on the {@link VenueScheduler}'s one thread (a
 * single writer fed by a queue). Send methods and market data only enqueue. That thread is also the gateway's session
 * thread ({@link VenueSession}): execution reports and state changes reach the listeners there, in order.
 *
 * <p>Behaviour:
 * <ul>
 *   <li>Latency: every order message (new, cancel, replace, status request) reaches the engine {@code latencyMs}
 *       plus 0..{@code jitterMs} (seeded) after it was sent; messages never overtake each other. Market data has no
 *       latency.</li>
 *   <li>Reports: NEW, PARTIAL_FILL/FILL (MAKER when the platform order rested, TAKER when it crossed), CANCELED,
 *       REPLACED, REJECTED (new order, or cancel/replace with {@code origClientOrderId}), EXPIRED (GTD), TRIGGERED,
 *       ORDER_STATUS. Client order ids are the venue's ClOrdIDs; the report's order id is the venue's.</li>
 *   <li>Rejects: a valid new order is rejected ({@link RejectReason#VENUE_REJECT}) with probability
 *       {@code rejectProbability} (seeded).</li>
 *   <li>Partial fills: an order that crosses on arrival fills at most {@code partialFillRatio} of its quantity
 *       (rounded down to the lot, at least one lot) per match. The rest of an IOC or market order is canceled; the
 *       rest of a resting limit order waits for the next match (next quote, trade or refresh) while it still
 *       crosses, and rests in the book once it no longer does. Fill-or-kill, post-only and stop orders are not
 *       capped.</li>
 *   <li>Session: {@link #connect()} / {@link #disconnect(String)} switch between LOGGED_ON and DOWN. While DOWN
 *       sends are refused (false), matching goes on (market moves fill resting orders) and reports produced are not
 *       delivered: the platform reconciles with {@link #requestStatus} after the next logon.</li>
 * </ul>
 *
 * <p>Limits: stop orders trigger only on trades in the private book (platform orders trading), not on market
 * prints; DAY orders do not expire (there is no trading day).
 */
public final class SimulatedVenueGateway implements VenueGateway, MarketDataSubscriber, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVenueGateway.class);

    /** Dense engine account of the mirrored market liquidity. */
    static final int MARKET_ACCOUNT = 0;
    /** Dense engine account of every platform order. */
    static final int PLATFORM_ACCOUNT = 1;
    private static final int MAX_FINISHED_KEPT = 100_000;
    private static final int MAX_QUEUED_TRADES = 4096;
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();

    private final SimulatedVenueSettings settings;
    private final Function<InstrumentId, Optional<Instrument>> definitions;
    private final VenueScheduler scheduler;

    // ---- any thread ----
    private final VenueSession session;
    private final Object sendLock = new Object();
    private final SplittableRandom latencyRandom;
    private long lastDue = Long.MIN_VALUE;
    private final Map<InstrumentId, Quote> latestQuotes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Trade> trades = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedTrades = new AtomicInteger();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private volatile boolean closed;

    private final VenueSession.Counter received;
    private final VenueSession.Counter refused;
    private final VenueSession.Counter workingOrders;
    private final VenueSession.Counter acks;
    private final VenueSession.Counter fills;
    private final VenueSession.Counter rejects;
    private final VenueSession.Counter cancels;
    private final VenueSession.Counter replaces;
    private final VenueSession.Counter expiries;
    private final VenueSession.Counter statusAnswers;
    private final VenueSession.Counter undelivered;
    private final VenueSession.Counter mirrorCommands;
    private final VenueSession.Counter mirrorRejects;
    private final VenueSession.Counter tradesReplayed;
    private final VenueSession.Counter tradesDropped;

    // ---- venue thread only ----
    private final MatchingEngine engine = new MatchingEngine();
    private final Command slot = new Command();
    private final SplittableRandom behaviourRandom;
    private final Map<InstrumentId, Defined> instruments = new HashMap<>();
    private final Map<Integer, Defined> instrumentsByDense = new HashMap<>();
    private final Map<OrderKey, VenueOrder> byClientOrderId = new HashMap<>();
    private final Map<Long, VenueOrder> byEngineId = new HashMap<>();
    private final LinkedHashMap<Long, VenueOrder> finished = new LinkedHashMap<>();
    private final Map<Integer, LinkedHashSet<VenueOrder>> parked = new HashMap<>();
    private final Set<InstrumentId> warnedInstruments = new java.util.HashSet<>();
    private long nextEngineId;
    private long nextVenueOrderId;
    private long nextExecId;
    private long seq;

    private record OrderKey(AccountId account, long clientOrderId) {
    }

    private record Defined(int dense, Instrument definition) {
    }

    /** One order as the venue knows it; its engine order may change (slices, rest after a capped match). */
    private static final class VenueOrder {
        final long venueOrderId;
        final NewOrder order;
        final Defined instrument;
        long clientOrderId;
        long price;
        long quantity;
        long cumulative;
        BigInteger notional = BigInteger.ZERO;
        /** Every client order id the order had (new, replaces, cancel), for lookups and forgetting it. */
        final List<OrderKey> keys = new ArrayList<>(2);
        long average = FixedPoint.NULL;
        OrderStatus status = OrderStatus.PENDING_NEW;
        boolean acked;
        /** The engine order working for it, 0 if none (parked or finished). */
        long engineId;
        /** Venue cumulative quantity when the engine order was placed. */
        long engineOffset;
        boolean slice;
        boolean parkedFlag;
        /** The cancel or replace being applied: its client order id, its original, and the replace's quantity. */
        long requestId;
        long requestOrig;
        boolean replaceToFilled;

        VenueOrder(long venueOrderId, NewOrder order, Defined instrument) {
            this.venueOrderId = venueOrderId;
            this.order = order;
            this.instrument = instrument;
            this.clientOrderId = order.clientOrderId();
            this.price = order.price();
            this.quantity = order.quantity();
        }

        long leaves() {
            return status.isFinished() ? 0 : quantity - cumulative;
        }

        boolean isImmediate() {
            return order.type() == OrderType.MARKET || order.timeInForce().isImmediate();
        }
    }

    /**
     * Creates the gateway, DOWN until {@link #connect()}.
     *
     * @param settings    what it does
     * @param definitions the instrument definitions (tick, lot, minimum), usually the trading core's
     * @param scheduler   its thread and clock; closed with the gateway
     */
    public SimulatedVenueGateway(SimulatedVenueSettings settings,
                                 Function<InstrumentId, Optional<Instrument>> definitions, VenueScheduler scheduler) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.session = VenueSession.builder(settings.venue()).name("simulated venue " + settings.venue())
                .logger(SimulatedVenueGateway.class).sessionThread(scheduler::execute)
                .clock(() -> scheduler.epochNanos() / 1_000_000L).build();
        this.received = session.counter("received");
        this.refused = session.counter("refused");
        this.workingOrders = session.counter("working");
        this.acks = session.counter("acks");
        this.fills = session.counter("fills");
        this.rejects = session.counter("rejects");
        this.cancels = session.counter("cancels");
        this.replaces = session.counter("replaces");
        this.expiries = session.counter("expiries");
        this.statusAnswers = session.counter("statusAnswers");
        this.undelivered = session.counter(VenueSession.UNDELIVERED);
        this.mirrorCommands = session.counter("mirrorCommands");
        this.mirrorRejects = session.counter("mirrorRejects");
        this.tradesReplayed = session.counter("tradesReplayed");
        this.tradesDropped = session.counter("tradesDropped");
        this.latencyRandom = new SplittableRandom(settings.seed());
        this.behaviourRandom = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + 1);
        engine.defineAccount(MARKET_ACCOUNT, SelfTradePrevention.CANCEL_RESTING);
        engine.defineAccount(PLATFORM_ACCOUNT, SelfTradePrevention.NONE);
        if (settings.refreshMs() > 0) {
            scheduleTimedRefresh();
        }
    }

    /** @return the settings */
    public SimulatedVenueSettings settings() {
        return settings;
    }

    // =========================================================================================== session (any thread)

    @Override
    public VenueId venueId() {
        return settings.venue();
    }

    @Override
    public ConnectionState state() {
        return session.state();
    }

    @Override
    public void setListener(ExecutionReportListener listener) {
        session.setListener(listener);
    }

    @Override
    public void setStateListener(VenueStateListener listener) {
        session.setStateListener(listener);
    }

    @Override
    public void connect() {
        session.changeState(ConnectionState.LOGGED_ON, "logon");
    }

    @Override
    public void disconnect(String reason) {
        String why = reason == null || reason.isBlank() ? "logout" : reason;
        if (session.changeState(ConnectionState.DOWN, why)) {
            session.problem("disconnected: " + why);
        }
    }

    @Override
    public boolean sendNew(NewOrder order) {
        Objects.requireNonNull(order, "order");
        return send(() -> onNew(order));
    }

    @Override
    public boolean sendCancel(CancelOrder cancel) {
        Objects.requireNonNull(cancel, "cancel");
        return send(() -> onCancel(cancel));
    }

    @Override
    public boolean sendReplace(ReplaceOrder replace) {
        Objects.requireNonNull(replace, "replace");
        return send(() -> onReplace(replace));
    }

    @Override
    public boolean requestStatus(OrderStatusQuery query) {
        Objects.requireNonNull(query, "query");
        return send(() -> onStatus(query));
    }

    /** Hands a message to the session: it reaches the venue after the latency, in order. */
    private boolean send(Runnable arrival) {
        synchronized (sendLock) {
            if (!session.state().isUsable() || closed) {
                refused.increment();
                return false;
            }
            received.increment();
            long delay = TimeUnit.MILLISECONDS.toNanos(settings.latencyMs());
            if (settings.jitterMs() > 0) {
                delay += latencyRandom.nextLong(TimeUnit.MILLISECONDS.toNanos(settings.jitterMs()) + 1);
            }
            long now = scheduler.nanoTime();
            long due = now + delay;
            if (lastDue != Long.MIN_VALUE && due - lastDue < 0) {
                due = lastDue;
            }
            lastDue = due;
            scheduler.scheduleAt(due, arrival);
            return true;
        }
    }

    @Override
    public VenueSessionInfo sessionInfo() {
        String detail = "simulated venue (private matching engine), latency " + settings.latencyMs() + "+0.."
                + settings.jitterMs() + " ms, reject p " + settings.rejectProbability() + ", partial fill ratio "
                + settings.partialFillRatio() + "; messages " + received.get() + ", refused " + refused.get()
                + ", working " + workingOrders.get() + ", acks " + acks.get() + ", fills " + fills.get()
                + ", rejects " + rejects.get() + ", cancels " + cancels.get() + ", replaces " + replaces.get()
                + ", undelivered " + undelivered.get();
        return session.info(detail, -1, -1);
    }

    /**
     * Counters since start: the session's ({@code reports}, {@code undelivered}, {@code listenerFailures}), then
     * {@code received}, {@code refused}, {@code working}, {@code acks}, {@code fills}, {@code rejects},
     * {@code cancels}, {@code replaces}, {@code expiries}, {@code statusAnswers}, {@code mirrorCommands},
     * {@code mirrorRejects}, {@code tradesReplayed}, {@code tradesDropped}.
     *
     * @return name to count
     */
    public Map<String, Long> counters() {
        return session.counters();
    }

    /**
     * Stops the venue: DOWN (last problem "disconnected: closed"), its thread stopped, nothing more delivered; the
     * state listener hears of it only if the venue thread runs before it stops.
     */
    @Override
    public void close() {
        if (!session.isClosed() && session.state() != ConnectionState.DOWN) {
            session.problem("disconnected: closed");
        }
        session.close("closed");
        closed = true;
        scheduler.close();
    }

    // =================================================================================== market data (any thread)

    @Override
    public void onQuote(Quote quote) {
        if (wants(quote.instrument())) {
            latestQuotes.put(quote.instrument(), quote);
            requestRefresh();
        }
    }

    @Override
    public void onTrade(Trade trade) {
        if (!settings.trades() || !wants(trade.instrument())) {
            return;
        }
        if (queuedTrades.incrementAndGet() > MAX_QUEUED_TRADES) {
            queuedTrades.decrementAndGet();
            tradesDropped.increment();
            return;
        }
        trades.add(trade);
        requestRefresh();
    }

    private boolean wants(InstrumentId instrument) {
        return settings.instruments().isEmpty() || settings.instruments().contains(instrument);
    }

    private void requestRefresh() {
        if (!closed && refreshPending.compareAndSet(false, true)) {
            scheduler.execute(this::refresh);
        }
    }

    private void scheduleTimedRefresh() {
        scheduler.scheduleAt(scheduler.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.refreshMs()), () -> {
            if (!closed) {
                refresh();
                scheduleTimedRefresh();
            }
        });
    }

    // ======================================================================================= venue thread: market

    /** Replays the queued prints, brings the mirrored liquidity in line with the latest quotes, releases capped orders. */
    private void refresh() {
        refreshPending.set(false);
        Trade trade;
        while ((trade = trades.poll()) != null) {
            queuedTrades.decrementAndGet();
            replay(trade);
        }
        for (Quote quote : latestQuotes.values()) {
            Defined defined = define(quote.instrument());
            if (defined != null) {
                reconcile(defined, quote);
            }
        }
        releaseParked();
    }

    private void replay(Trade trade) {
        Defined defined = define(trade.instrument());
        if (defined == null || trade.aggressor() == null || trade.size() <= 0) {
            return;
        }
        long quantity = roundQuantity(defined.definition(), trade.size());
        Command c = newCommand(Op.NEW);
        c.orderId = ++nextEngineId;
        c.account = MARKET_ACCOUNT;
        c.instrument = defined.dense();
        c.side = trade.aggressor();
        c.type = OrderType.LIMIT;
        c.tif = TimeInForce.IOC;
        c.price = trade.price();
        c.qty = quantity;
        tradesReplayed.increment();
        runMirror(c);
    }

    private void reconcile(Defined defined, Quote quote) {
        int dense = defined.dense();
        List<OrderView> bids = new ArrayList<>();
        List<OrderView> asks = new ArrayList<>();
        for (OrderView order : engine.bookOrders(dense, Side.BUY)) {
            if (order.account() == MARKET_ACCOUNT) {
                bids.add(order);
            }
        }
        for (OrderView order : engine.bookOrders(dense, Side.SELL)) {
            if (order.account() == MARKET_ACCOUNT) {
                asks.add(order);
            }
        }
        List<long[]> wantedBids = levels(defined.definition(), quote.bidPrice(), quote.bidSize(), -1);
        List<long[]> wantedAsks = levels(defined.definition(), quote.askPrice(), quote.askSize(), +1);
        boolean asksFirst = !wantedBids.isEmpty() && !asks.isEmpty() && wantedBids.get(0)[0] >= asks.get(0).price();
        if (asksFirst) {
            apply(dense, Side.SELL, asks, wantedAsks);
            apply(dense, Side.BUY, bids, wantedBids);
        } else {
            apply(dense, Side.BUY, bids, wantedBids);
            apply(dense, Side.SELL, asks, wantedAsks);
        }
    }

    private List<long[]> levels(Instrument instrument, long best, long size, int direction) {
        List<long[]> out = new ArrayList<>();
        if (FixedPoint.isNull(best) || size <= 0) {
            return out;
        }
        long quantity = roundQuantity(instrument, (long) Math.floor(size * settings.sizeFactor()));
        long step = instrument.tickSize() * settings.levelSpacingTicks();
        for (int level = 0; level < settings.levels(); level++) {
            long price = best + direction * level * step;
            if (price <= 0) {
                break;
            }
            out.add(new long[] {price, quantity});
        }
        return out;
    }

    private void apply(int dense, Side side, List<OrderView> existing, List<long[]> wanted) {
        int both = Math.min(existing.size(), wanted.size());
        for (int i = 0; i < both; i++) {
            OrderView order = existing.get(i);
            long price = wanted.get(i)[0];
            long open = wanted.get(i)[1];
            if (!engine.isWorking(order.orderId())) {
                continue; // withdrawn by an earlier command of this pass
            }
            OrderView now = engine.order(order.orderId()).orElse(order);
            if (now.price() != price || now.openQty() != open) {
                Command c = newCommand(Op.REPLACE);
                c.orderId = order.orderId();
                c.price = price;
                c.qty = now.filledQty() + open;
                runMirror(c);
            }
        }
        for (int i = both; i < existing.size(); i++) {
            if (engine.isWorking(existing.get(i).orderId())) {
                Command c = newCommand(Op.CANCEL);
                c.orderId = existing.get(i).orderId();
                runMirror(c);
            }
        }
        for (int i = both; i < wanted.size(); i++) {
            Command c = newCommand(Op.NEW);
            c.orderId = ++nextEngineId;
            c.account = MARKET_ACCOUNT;
            c.instrument = dense;
            c.side = side;
            c.type = OrderType.LIMIT;
            c.tif = TimeInForce.GTC;
            c.price = wanted.get(i)[0];
            c.qty = wanted.get(i)[1];
            runMirror(c);
        }
    }

    private void runMirror(Command c) {
        mirrorCommands.increment();
        engine.process(c);
        if (c.rejected()) {
            mirrorRejects.increment();
            long count = mirrorRejects.get();
            if (count == 1 || count % 1000 == 0) {
                LOG.warn("simulated venue {}: a mirror {} was rejected: {} ({} such rejects)", settings.venue(),
                        Op.name(c.op), c.rejectReason.description(), count);
            }
            return;
        }
        handleEvents(c);
    }

    /** Rounds down to the lot, at least the minimum quantity. */
    static long roundQuantity(Instrument instrument, long quantity) {
        long lot = instrument.lotSize();
        return Math.max(quantity / lot * lot, instrument.minQuantity());
    }

    private Defined define(InstrumentId id) {
        if (!wants(id)) {
            return null;
        }
        Instrument definition = definitions.apply(id).orElse(null);
        Defined known = instruments.get(id);
        if (definition == null) {
            if (known == null && warnedInstruments.add(id)) {
                LOG.warn("simulated venue {}: instrument {} is not defined (no tick/lot); its orders are rejected and"
                        + " it has no liquidity", settings.venue(), id);
            }
            return known;
        }
        if (known != null && known.definition().equals(definition)) {
            return known;
        }
        int dense = known != null ? known.dense() : instruments.size();
        // minimum 0 in the engine: the venue checks the minimum on arrival, so that slices and rests may be smaller
        engine.defineInstrument(dense, definition.tickSize(), definition.lotSize(), 0, 0, 0);
        Defined defined = new Defined(dense, definition);
        instruments.put(id, defined);
        instrumentsByDense.put(dense, defined);
        warnedInstruments.remove(id);
        return defined;
    }

    // ======================================================================================= venue thread: orders

    private void onNew(NewOrder order) {
        OrderKey key = new OrderKey(order.account(), order.clientOrderId());
        Defined defined = define(order.instrument());
        RejectReason reason = RejectReason.NONE;
        String text = null;
        if (byClientOrderId.containsKey(key)) {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        } else if (defined == null) {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
            text = "instrument " + order.instrument() + " is not traded at " + settings.venue();
        } else {
            reason = order.checkAgainst(defined.definition());
        }
        if (reason == RejectReason.NONE && settings.rejectProbability() > 0
                && behaviourRandom.nextDouble() < settings.rejectProbability()) {
            reason = RejectReason.VENUE_REJECT;
            text = "simulated venue reject (reject.probability " + settings.rejectProbability() + ")";
        }
        if (reason != RejectReason.NONE) {
            rejectNew(order, reason, text != null ? text : reason.description());
            return;
        }
        VenueOrder v = new VenueOrder(++nextVenueOrderId, order, defined);
        register(key, v);
        workingOrders.increment();
        if (order.timeInForce() == TimeInForce.GTD) {
            long delay = order.expireTimeNanos() - scheduler.epochNanos();
            scheduler.scheduleAt(scheduler.nanoTime() + Math.max(0, delay), this::onClock);
        }
        if (capped(v)) {
            acknowledge(v);
            release(v);
        } else {
            submit(v, order.quantity(), order.type(), order.timeInForce(), order.flags(), false);
        }
    }

    /** Whether the order crosses on arrival and its fills are capped. */
    private boolean capped(VenueOrder v) {
        NewOrder order = v.order;
        return settings.partialFillRatio() < 1 && (order.type() == OrderType.LIMIT || order.type() == OrderType.MARKET)
                && order.timeInForce() != TimeInForce.FOK && !OrderFlags.isPostOnly(order.flags())
                && crosses(v) && cap(v) < order.quantity();
    }

    private long cap(VenueOrder v) {
        long lot = v.instrument.definition().lotSize();
        long capped = (long) Math.floor(v.quantity * settings.partialFillRatio()) / lot * lot;
        return Math.max(lot, capped);
    }

    private boolean crosses(VenueOrder v) {
        int dense = v.instrument.dense();
        boolean buy = v.order.side() == Side.BUY;
        long best = buy ? engine.bestAsk(dense) : engine.bestBid(dense);
        if (best == MatchingEngine.NO_PRICE) {
            return false;
        }
        return v.order.type() == OrderType.MARKET || (buy ? best <= v.price : best >= v.price);
    }

    /**
     * One match of a capped order: an immediate-or-cancel slice of at most the cap; then the rest is canceled (IOC
     * and market orders), waits for the next match (it still crosses) or rests in the book.
     */
    private void release(VenueOrder v) {
        v.parkedFlag = false;
        unpark(v);
        long remaining = v.quantity - v.cumulative;
        if (remaining <= 0 || v.status.isFinished()) {
            return;
        }
        if (!crosses(v)) {
            if (v.isImmediate()) {
                cancelImmediateRest(v);
            } else {
                submit(v, remaining, v.order.type(), v.order.timeInForce(), v.order.flags(), false);
            }
            return;
        }
        long sliceQty = Math.min(cap(v), remaining);
        long before = v.cumulative;
        submit(v, sliceQty, v.order.type(), TimeInForce.IOC, OrderFlags.NONE, true);
        if (v.status.isFinished()) {
            return;
        }
        long filled = v.cumulative - before;
        if (v.isImmediate()) {
            cancelImmediateRest(v);
        } else if (filled == sliceQty && crosses(v)) {
            v.parkedFlag = true;
            parked.computeIfAbsent(v.instrument.dense(), k -> new LinkedHashSet<>()).add(v);
        } else {
            submit(v, v.quantity - v.cumulative, v.order.type(), v.order.timeInForce(), v.order.flags(), false);
        }
    }

    private void unpark(VenueOrder v) {
        LinkedHashSet<VenueOrder> set = parked.get(v.instrument.dense());
        if (set != null) {
            set.remove(v);
        }
    }

    private void releaseParked() {
        if (parked.isEmpty()) {
            return;
        }
        for (LinkedHashSet<VenueOrder> set : new ArrayList<>(parked.values())) {
            for (VenueOrder v : new ArrayList<>(set)) {
                if (v.parkedFlag) {
                    release(v);
                }
            }
        }
        parked.values().removeIf(Set::isEmpty);
    }

    private void cancelImmediateRest(VenueOrder v) {
        v.engineId = 0;
        finish(v, OrderStatus.CANCELED);
        cancels.increment();
        emit(report(v, v.clientOrderId, 0, ExecType.CANCELED, RejectReason.NONE,
                v.order.timeInForce() == TimeInForce.FOK ? CancelReason.FOK_NOT_FILLED : CancelReason.IOC_REMAINDER,
                Liquidity.NONE, null, FixedPoint.NULL, 0));
    }

    /** Places an engine order for the venue order and reports what it did. */
    private void submit(VenueOrder v, long quantity, OrderType type, TimeInForce tif, int flags, boolean slice) {
        NewOrder order = v.order;
        Command c = newCommand(Op.NEW);
        c.orderId = ++nextEngineId;
        c.clientOrderId = v.clientOrderId;
        c.account = PLATFORM_ACCOUNT;
        c.instrument = v.instrument.dense();
        c.side = order.side();
        c.type = type;
        c.tif = tif;
        c.price = type.hasLimitPrice() ? v.price : 0;
        c.stopPrice = type.hasStopPrice() ? order.stopPrice() : 0;
        c.qty = quantity;
        c.displayQty = slice || order.displayQuantity() == 0 ? 0 : Math.min(order.displayQuantity(), quantity);
        c.flags = flags;
        c.expiry = tif == TimeInForce.GTD ? order.expireTimeNanos() : 0;
        v.engineId = c.orderId;
        v.engineOffset = v.cumulative;
        v.slice = slice;
        byEngineId.put(c.orderId, v);
        engine.process(c);
        if (c.rejected()) {
            byEngineId.remove(c.orderId);
            v.engineId = 0;
            if (!v.acked) {
                byClientOrderId.remove(new OrderKey(order.account(), order.clientOrderId()));
                workingOrders.add(-1);
                rejectNew(order, c.rejectReason, c.rejectReason.description());
            } else {
                LOG.warn("simulated venue {}: order {} could not be placed again ({}); canceled", settings.venue(),
                        v.clientOrderId, c.rejectReason.description());
                finish(v, OrderStatus.CANCELED);
                cancels.increment();
                emit(report(v, v.clientOrderId, 0, ExecType.CANCELED, RejectReason.NONE, CancelReason.VENUE,
                        Liquidity.NONE, c.rejectReason.description(), FixedPoint.NULL, 0));
            }
            return;
        }
        handleEvents(c);
        if (slice && byEngineId.remove(c.orderId) != null && v.engineId == c.orderId) {
            v.engineId = 0;
        }
    }

    private void onCancel(CancelOrder cancel) {
        VenueOrder v = byClientOrderId.get(new OrderKey(cancel.account(), cancel.origClientOrderId()));
        if (v == null || v.status.isFinished()) {
            refuse(v, cancel.clientOrderId(), cancel.origClientOrderId(), cancel.account(), cancel.instrument(),
                    v == null ? RejectReason.UNKNOWN_ORDER : RejectReason.ORDER_FINISHED);
            return;
        }
        register(new OrderKey(cancel.account(), cancel.clientOrderId()), v);
        if (v.engineId == 0) {
            long orig = v.clientOrderId;
            v.clientOrderId = cancel.clientOrderId();
            finish(v, OrderStatus.CANCELED);
            cancels.increment();
            emit(report(v, cancel.clientOrderId(), orig, ExecType.CANCELED, RejectReason.NONE, CancelReason.USER,
                    Liquidity.NONE, null, FixedPoint.NULL, 0));
            return;
        }
        v.requestId = cancel.clientOrderId();
        v.requestOrig = v.clientOrderId;
        v.replaceToFilled = false;
        Command c = newCommand(Op.CANCEL);
        c.orderId = v.engineId;
        engine.process(c);
        if (c.rejected()) {
            refuse(v, cancel.clientOrderId(), cancel.origClientOrderId(), cancel.account(), cancel.instrument(),
                    c.rejectReason);
        } else {
            handleEvents(c);
        }
        v.requestId = 0;
    }

    private void onReplace(ReplaceOrder replace) {
        VenueOrder v = byClientOrderId.get(new OrderKey(replace.account(), replace.origClientOrderId()));
        if (v == null || v.status.isFinished()) {
            refuse(v, replace.clientOrderId(), replace.origClientOrderId(), replace.account(), replace.instrument(),
                    v == null ? RejectReason.UNKNOWN_ORDER : RejectReason.ORDER_FINISHED);
            return;
        }
        RejectReason check = replace.checkAgainst(v.instrument.definition());
        if (check == RejectReason.NONE && replace.changesPrice() && !v.order.type().hasLimitPrice()) {
            check = RejectReason.INVALID_ORDER;
        }
        if (check != RejectReason.NONE) {
            refuse(v, replace.clientOrderId(), replace.origClientOrderId(), replace.account(), replace.instrument(),
                    check);
            return;
        }
        long newPrice = replace.changesPrice() ? replace.price() : v.price;
        long newQty = replace.changesQuantity() ? replace.quantity() : v.quantity;
        register(new OrderKey(replace.account(), replace.clientOrderId()), v);
        long orig = v.clientOrderId;
        if (newQty <= v.cumulative) {
            // to or below the filled quantity: the order is done
            if (v.engineId != 0) {
                Command c = newCommand(Op.CANCEL);
                c.orderId = v.engineId;
                v.requestId = replace.clientOrderId();
                v.requestOrig = orig;
                v.replaceToFilled = true;
                engine.process(c);
                handleEvents(c);
                v.requestId = 0;
                v.replaceToFilled = false;
            } else {
                v.clientOrderId = replace.clientOrderId();
                finish(v, OrderStatus.CANCELED);
                cancels.increment();
                emit(report(v, replace.clientOrderId(), orig, ExecType.CANCELED, RejectReason.NONE,
                        CancelReason.REPLACED_TO_FILLED, Liquidity.NONE, null, FixedPoint.NULL, 0));
            }
            return;
        }
        if (v.engineId == 0) {
            v.clientOrderId = replace.clientOrderId();
            v.price = newPrice;
            v.quantity = newQty;
            replaces.increment();
            emit(report(v, replace.clientOrderId(), orig, ExecType.REPLACED, RejectReason.NONE, CancelReason.NONE,
                    Liquidity.NONE, null, FixedPoint.NULL, 0));
            release(v);
            return;
        }
        Command c = newCommand(Op.REPLACE);
        c.orderId = v.engineId;
        c.price = replace.changesPrice() ? newPrice : Command.UNCHANGED;
        c.qty = replace.changesQuantity() ? newQty - v.engineOffset : Command.UNCHANGED;
        v.requestId = replace.clientOrderId();
        v.requestOrig = orig;
        engine.process(c);
        if (c.rejected()) {
            OrderKey refused = new OrderKey(replace.account(), replace.clientOrderId());
            byClientOrderId.remove(refused);
            v.keys.remove(refused);
            refuse(v, replace.clientOrderId(), replace.origClientOrderId(), replace.account(), replace.instrument(),
                    c.rejectReason);
        } else {
            handleEvents(c);
        }
        v.requestId = 0;
    }

    private void onStatus(OrderStatusQuery query) {
        VenueOrder v = byClientOrderId.get(new OrderKey(query.account(), query.clientOrderId()));
        statusAnswers.increment();
        long now = scheduler.epochNanos();
        if (v == null) {
            emit(new ExecutionReport(++nextExecId, query.clientOrderId(), 0, 0, query.account(), null,
                    query.instrument(), settings.venue(), query.side(), ExecType.ORDER_STATUS, OrderStatus.REJECTED,
                    RejectReason.UNKNOWN_ORDER, CancelReason.NONE, Liquidity.NONE, "unknown order", FixedPoint.NULL,
                    0, 0, 0, FixedPoint.NULL, now, now));
            return;
        }
        OrderStatus status = v.status == OrderStatus.PENDING_NEW ? OrderStatus.NEW : v.status;
        emit(new ExecutionReport(++nextExecId, query.clientOrderId(), 0, v.venueOrderId, v.order.account(),
                v.order.strategy(), v.order.instrument(), settings.venue(), v.order.side(), ExecType.ORDER_STATUS,
                status, status == OrderStatus.REJECTED ? RejectReason.VENUE_REJECT : RejectReason.NONE,
                CancelReason.NONE, Liquidity.NONE, null, FixedPoint.NULL, 0, v.leaves(), v.cumulative,
                v.cumulative > 0 ? v.average : FixedPoint.NULL, now, now));
    }

    /** GTD expiry: the engine expires its orders; parked ones expire here. */
    private void onClock() {
        long now = scheduler.epochNanos();
        Command c = newCommand(Op.CLOCK);
        c.timestamp = now;
        engine.process(c);
        handleEvents(c);
        for (LinkedHashSet<VenueOrder> set : new ArrayList<>(parked.values())) {
            for (VenueOrder v : new ArrayList<>(set)) {
                if (v.order.timeInForce() == TimeInForce.GTD && v.order.expireTimeNanos() <= now) {
                    set.remove(v);
                    v.parkedFlag = false;
                    expire(v);
                }
            }
        }
    }

    private void refuse(VenueOrder v, long clientOrderId, long orig, AccountId account, InstrumentId instrument,
                        RejectReason reason) {
        rejects.increment();
        long now = scheduler.epochNanos();
        if (v == null) {
            // the venue does not know the order, so not its side either: reported as BUY
            emit(new ExecutionReport(++nextExecId, clientOrderId, orig, 0, account, null, instrument,
                    settings.venue(), Side.BUY, ExecType.REJECTED, OrderStatus.REJECTED, reason, CancelReason.NONE,
                    Liquidity.NONE, "unknown order", FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, now, now));
            return;
        }
        OrderStatus status = v.status == OrderStatus.PENDING_NEW ? OrderStatus.NEW : v.status;
        emit(new ExecutionReport(++nextExecId, clientOrderId, orig, v.venueOrderId, v.order.account(),
                v.order.strategy(), v.order.instrument(), settings.venue(), v.order.side(), ExecType.REJECTED, status,
                reason, CancelReason.NONE, Liquidity.NONE, reason.description(), FixedPoint.NULL, 0, v.leaves(),
                v.cumulative, v.cumulative > 0 ? v.average : FixedPoint.NULL, now, now));
    }

    private void rejectNew(NewOrder order, RejectReason reason, String text) {
        rejects.increment();
        long now = scheduler.epochNanos();
        emit(new ExecutionReport(++nextExecId, order.clientOrderId(), 0, 0, order.account(), order.strategy(),
                order.instrument(), settings.venue(), order.side(), ExecType.REJECTED, OrderStatus.REJECTED, reason,
                CancelReason.NONE, Liquidity.NONE, text, FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, now, now));
    }

    // ======================================================================================= venue thread: events

    private void handleEvents(Command c) {
        Events ev = c.events;
        for (int i = 0, n = ev.size(); i < n; i++) {
            switch (ev.type(i)) {
                case Events.ACCEPTED -> {
                    VenueOrder v = platform(ev.orderId(i), ev.account(i));
                    if (v != null) {
                        acknowledge(v);
                    }
                }
                case Events.TRADE -> {
                    VenueOrder taker = platform(ev.orderId(i), ev.account(i));
                    VenueOrder maker = platform(ev.counterOrderId(i), ev.counterAccount(i));
                    if (maker != null) {
                        fill(maker, ev.price(i), ev.qty(i), Liquidity.MAKER);
                    }
                    if (taker != null) {
                        fill(taker, ev.price(i), ev.qty(i), Liquidity.TAKER);
                    }
                }
                case Events.CANCELED -> {
                    VenueOrder v = platform(ev.orderId(i), ev.account(i));
                    if (v != null) {
                        canceled(v, ev.orderId(i), CANCEL_REASONS[ev.reason(i)]);
                    }
                }
                case Events.REPLACED -> {
                    VenueOrder v = platform(ev.orderId(i), ev.account(i));
                    if (v != null) {
                        long orig = v.clientOrderId;
                        v.clientOrderId = v.requestId != 0 ? v.requestId : v.clientOrderId;
                        v.price = ev.price(i);
                        v.quantity = ev.qty(i) + v.engineOffset;
                        replaces.increment();
                        emit(report(v, v.clientOrderId, orig, ExecType.REPLACED, RejectReason.NONE,
                                CancelReason.NONE, Liquidity.NONE, null, FixedPoint.NULL, 0));
                    }
                }
                case Events.EXPIRED -> {
                    VenueOrder v = platform(ev.orderId(i), ev.account(i));
                    if (v != null) {
                        byEngineId.remove(ev.orderId(i));
                        v.engineId = 0;
                        expire(v);
                    }
                }
                case Events.TRIGGERED -> {
                    VenueOrder v = platform(ev.orderId(i), ev.account(i));
                    if (v != null) {
                        emit(report(v, v.clientOrderId, 0, ExecType.TRIGGERED, RejectReason.NONE, CancelReason.NONE,
                                Liquidity.NONE, null, FixedPoint.NULL, 0));
                    }
                }
                default -> {
                }
            }
        }
    }

    private VenueOrder platform(long engineId, int account) {
        return account == PLATFORM_ACCOUNT && engineId > 0 ? byEngineId.get(engineId) : null;
    }

    private void acknowledge(VenueOrder v) {
        if (!v.acked) {
            v.acked = true;
            v.status = OrderStatus.NEW;
            acks.increment();
            emit(report(v, v.clientOrderId, 0, ExecType.NEW, RejectReason.NONE, CancelReason.NONE, Liquidity.NONE,
                    null, FixedPoint.NULL, 0));
        }
    }

    private void fill(VenueOrder v, long price, long quantity, Liquidity liquidity) {
        v.cumulative += quantity;
        v.notional = v.notional.add(BigInteger.valueOf(price).multiply(BigInteger.valueOf(quantity)));
        v.average = new BigDecimal(v.notional).divide(BigDecimal.valueOf(v.cumulative), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
        boolean complete = v.cumulative >= v.quantity;
        fills.increment();
        if (complete) {
            byEngineId.remove(v.engineId);
            v.engineId = 0;
            finish(v, OrderStatus.FILLED);
        } else {
            v.status = OrderStatus.PARTIALLY_FILLED;
        }
        emit(report(v, v.clientOrderId, 0, complete ? ExecType.FILL : ExecType.PARTIAL_FILL, RejectReason.NONE,
                CancelReason.NONE, liquidity, null, price, quantity));
    }

    private void canceled(VenueOrder v, long engineId, CancelReason reason) {
        byEngineId.remove(engineId);
        if (v.engineId == engineId) {
            v.engineId = 0;
        }
        if (v.slice && reason == CancelReason.IOC_REMAINDER) {
            return; // the rest of a capped slice: the venue decides after the slice
        }
        long clientOrderId = v.clientOrderId;
        long orig = 0;
        if (v.requestId != 0) {
            clientOrderId = v.requestId;
            orig = v.requestOrig;
            v.clientOrderId = v.requestId;
            if (v.replaceToFilled) {
                reason = CancelReason.REPLACED_TO_FILLED;
            }
        }
        finish(v, OrderStatus.CANCELED);
        cancels.increment();
        emit(report(v, clientOrderId, orig, ExecType.CANCELED, RejectReason.NONE, reason, Liquidity.NONE, null,
                FixedPoint.NULL, 0));
    }

    private void expire(VenueOrder v) {
        finish(v, OrderStatus.EXPIRED);
        expiries.increment();
        emit(report(v, v.clientOrderId, 0, ExecType.EXPIRED, RejectReason.NONE, CancelReason.EXPIRED,
                Liquidity.NONE, null, FixedPoint.NULL, 0));
    }

    private void finish(VenueOrder v, OrderStatus status) {
        if (v.status.isFinished()) {
            return;
        }
        v.status = status;
        v.parkedFlag = false;
        unpark(v);
        workingOrders.add(-1);
        finished.put(v.venueOrderId, v);
        if (finished.size() > MAX_FINISHED_KEPT) {
            Iterator<VenueOrder> oldest = finished.values().iterator();
            VenueOrder forget = oldest.next();
            oldest.remove();
            for (OrderKey key : forget.keys) {
                byClientOrderId.remove(key, forget);
            }
        }
    }

    private void register(OrderKey key, VenueOrder v) {
        if (byClientOrderId.putIfAbsent(key, v) == null) {
            v.keys.add(key);
        }
    }

    private ExecutionReport report(VenueOrder v, long clientOrderId, long orig, ExecType type, RejectReason reject,
                                   CancelReason cancel, Liquidity liquidity, String text, long lastPrice,
                                   long lastQuantity) {
        long now = scheduler.epochNanos();
        return new ExecutionReport(++nextExecId, clientOrderId, orig, v.venueOrderId, v.order.account(),
                v.order.strategy(), v.order.instrument(), settings.venue(), v.order.side(), type, v.status, reject,
                cancel, liquidity, text, lastPrice, lastQuantity, v.leaves(), v.cumulative,
                v.cumulative > 0 ? v.average : FixedPoint.NULL, now, now);
    }

    /** A report reaches the platform only while the session is up: a lost one is what reconciliation is for. */
    private void emit(ExecutionReport report) {
        if (!session.state().isUsable()) {
            undelivered.increment();
            return;
        }
        session.dispatch(report);
    }

    private Command newCommand(byte op) {
        Command c = slot;
        c.clear();
        c.seq = ++seq;
        c.timestamp = scheduler.epochNanos();
        c.op = op;
        return c;
    }

    // ======================================================================================= test support

    /**
     * The venue's book of one instrument as seen from the venue thread; for tests and diagnostics, call it on the
     * venue thread (with {@link ManualVenueScheduler}, the test thread).
     *
     * @param instrument the instrument
     * @param side       the side
     * @return price and open quantity of each resting order, best first, market's and platform's
     */
    public List<long[]> bookForTest(InstrumentId instrument, Side side) {
        Defined defined = instruments.get(instrument);
        List<long[]> out = new ArrayList<>();
        if (defined != null) {
            for (OrderView o : engine.bookOrders(defined.dense(), side)) {
                out.add(new long[] {o.price(), o.openQty(), o.account()});
            }
        }
        return out;
    }
}
