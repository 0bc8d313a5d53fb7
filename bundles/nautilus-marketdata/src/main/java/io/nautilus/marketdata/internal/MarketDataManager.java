package io.nautilus.marketdata.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.MarketDataFeed;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.marketdata.api.MarketDataIngest;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.MarketSnapshot;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.api.ValidationAction;
import io.nautilus.marketdata.api.ValidationReason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The DS component: runs one {@link MarketDataEngine} over the trading core's instruments, configured by
 * {@code etc/io.nautilus.marketdata.cfg}, and connects every {@link MarketDataFeed} service to it. A
 * configuration change restarts the component (DS default), so settings are never half-applied.
 */
@Component(service = {MarketDataService.class, MarketDataAdminService.class, MarketDataIngest.class},
        configurationPid = "io.nautilus.marketdata", immediate = true)
@Designate(ocd = MarketDataManagerConfig.class)
public final class MarketDataManager implements MarketDataService, MarketDataAdminService, MarketDataIngest {

    @Reference
    private TradingCoreService core;
    private final Set<MarketDataFeed> feeds = ConcurrentHashMap.newKeySet();
    private volatile MarketDataEngine engine;
    private volatile MarketDataConfig settings;
    private java.util.concurrent.ScheduledExecutorService instrumentWatch;
    private volatile AlertService alertService;
    private volatile FeedAlerts feedAlerts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAlertService(AlertService service) {
        alertService = service;
        FeedAlerts current = feedAlerts;
        if (current != null) {
            current.bind(service);
        }
    }

    void unbindAlertService(AlertService service) {
        if (alertService == service) {
            alertService = null;
        }
        FeedAlerts current = feedAlerts;
        if (current != null) {
            current.unbind(service);
        }
    }

    /** Creates the component (DS). */
    public MarketDataManager() {
    }

    @Activate
    void activate(MarketDataManagerConfig config) {
        settings = toConfig(config);
        if (config.alert_stale_s() < 0 || config.alert_rejects() < 0 || config.alert_rejects_window_s() < 1) {
            throw new IllegalArgumentException("io.nautilus.marketdata: alert.stale.s " + config.alert_stale_s()
                    + " and alert.rejects " + config.alert_rejects() + " must not be negative, alert.rejects.window.s "
                    + config.alert_rejects_window_s() + " must be at least 1");
        }
        FeedAlerts watch = new FeedAlerts(TimeUnit.SECONDS.toNanos(config.alert_stale_s()), config.alert_rejects(),
                TimeUnit.SECONDS.toNanos(config.alert_rejects_window_s()));
        AlertService bound = alertService;
        if (bound != null) {
            watch.bind(bound);
        }
        feedAlerts = watch;
        MarketDataEngine started = new MarketDataEngine(core.instruments(), settings);
        engine = started;
        for (MarketDataFeed feed : feeds) {
            feed.setListener(started.listenerFor(feed.feedId()));
        }
        instrumentWatch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nautilus-marketdata-instruments");
            t.setDaemon(true);
            return t;
        });
        instrumentWatch.scheduleWithFixedDelay(this::followInstruments, 1, 1, TimeUnit.SECONDS);
        instrumentWatch.scheduleWithFixedDelay(this::markCore, 1, 1, TimeUnit.SECONDS);
        instrumentWatch.scheduleWithFixedDelay(this::watchFeeds, 1, 1, TimeUnit.SECONDS);
    }

    /** Once a second, judges the feeds' counters for stale feeds and reject bursts (alerts). */
    void watchFeeds() {
        try {
            MarketDataEngine current = engine;
            FeedAlerts watch = feedAlerts;
            if (current != null && watch != null) {
                watch.check(current.feedStats(), System.nanoTime());
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MarketDataManager.class).debug("feed watch failed: {}",
                    e.getMessage());
        }
    }

    private final Map<InstrumentId, Long> marked = new ConcurrentHashMap<>();

    /**
     * Once a second, marks the trading core's positions (and its price-band reference) to each instrument's quote
     * mid, or its last trade when the quote is one-sided; only prices that changed are sent (each mark is a journaled
     * core command).
     */
    void markCore() {
        try {
            MarketDataEngine current = engine;
            if (current == null) {
                return;
            }
            MarketSnapshot snapshot = current.snapshot();
            java.util.Set<InstrumentId> ids = new java.util.TreeSet<>(java.util.Comparator.comparing(InstrumentId::value));
            ids.addAll(snapshot.quotes().keySet());
            ids.addAll(snapshot.trades().keySet());
            for (InstrumentId id : ids) {
                long price = markPrice(snapshot.quotes().get(id), snapshot.trades().get(id));
                if (price > 0 && !Long.valueOf(price).equals(marked.get(id))) {
                    marked.put(id, price);
                    core.mark(id, price);
                }
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MarketDataManager.class).debug("marking the core failed: {}",
                    e.getMessage());
        }
    }

    /**
     * @param quote the last quote, or null
     * @param trade the last trade, or null
     * @return the mid of a two-sided quote (rounded down), else the last trade price, else 0
     */
    static long markPrice(Quote quote, Trade trade) {
        if (quote != null && quote.bidPrice() != io.nautilus.api.instrument.FixedPoint.NULL
                && quote.askPrice() != io.nautilus.api.instrument.FixedPoint.NULL && quote.bidSize() > 0
                && quote.askSize() > 0) {
            return (quote.bidPrice() + quote.askPrice()) / 2;
        }
        return trade == null ? 0 : trade.price();
    }

    /**
     * Follows the trading core's instruments (etc/io.nautilus.core.instruments.cfg may define them after this
     * engine started): the engine is rebuilt with the new set and every open subscription is moved to it (its
     * subscriber stays subscribed; ticks that arrive during the move, bars in progress and the validation counters
     * of the old engine are lost, which is logged).
     */
    void followInstruments() {
        try {
            MarketDataEngine current = engine;
            if (current == null) {
                return;
            }
            List<io.nautilus.api.instrument.Instrument> wanted = core.instruments();
            if (new java.util.HashSet<>(wanted).equals(new java.util.HashSet<>(current.instruments()))) {
                return;
            }
            MarketDataEngine replacement = new MarketDataEngine(wanted, settings);
            int moved;
            synchronized (subscriptions) {
                for (MovableSubscription subscription : subscriptions) {
                    subscription.moveTo(replacement);
                }
                moved = subscriptions.size();
                engine = replacement;
            }
            for (MarketDataFeed feed : feeds) {
                feed.setListener(replacement.listenerFor(feed.feedId()));
            }
            current.close();
            org.slf4j.LoggerFactory.getLogger(MarketDataManager.class).info("market-data engine follows the core's"
                    + " {} instruments ({} subscription(s) moved to the rebuilt engine; bars in progress and feed"
                    + " counters restart)", wanted.size(), moved);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MarketDataManager.class).warn("cannot follow the core's instruments:"
                    + " {}", e.getMessage());
        }
    }

    private final List<MovableSubscription> subscriptions = new java.util.ArrayList<>();

    /**
     * A subscription handed to a client, which outlives the engine it started on: it moves to a rebuilt engine.
     */
    private final class MovableSubscription implements Subscription {
        private final String name;
        private final MarketDataSubscriber subscriber;
        private final boolean direct;
        private volatile Subscription inner;
        private boolean closed;

        MovableSubscription(String name, MarketDataSubscriber subscriber, boolean direct, MarketDataEngine on) {
            this.name = name;
            this.subscriber = subscriber;
            this.direct = direct;
            this.inner = direct ? on.subscribeDirect(name, subscriber) : on.subscribe(name, subscriber);
        }

        /** Closes the old delivery first, so the subscriber is never called from two threads. */
        void moveTo(MarketDataEngine replacement) {
            inner.close();
            inner = direct ? replacement.subscribeDirect(name, subscriber) : replacement.subscribe(name, subscriber);
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public SubscriptionStats stats() {
            return inner.stats();
        }

        @Override
        public void close() {
            synchronized (subscriptions) {
                if (closed) {
                    return;
                }
                closed = true;
                subscriptions.remove(this);
                inner.close();
            }
        }
    }

    @Deactivate
    void deactivate() {
        if (instrumentWatch != null) {
            instrumentWatch.shutdownNow();
        }
        MarketDataEngine stopping = engine;
        engine = null;
        for (MarketDataFeed feed : feeds) {
            feed.setListener(null);
        }
        if (stopping != null) {
            stopping.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFeed(MarketDataFeed feed) {
        feeds.add(feed);
        MarketDataEngine current = engine;
        if (current != null) {
            feed.setListener(current.listenerFor(feed.feedId()));
        }
    }

    void removeFeed(MarketDataFeed feed) {
        if (feeds.remove(feed)) {
            feed.setListener(null);
        }
    }

    /**
     * Translates the Metatype configuration.
     *
     * @param config the configuration
     * @return the engine settings
     * @throws IllegalArgumentException naming the first bad value
     */
    static MarketDataConfig toConfig(MarketDataManagerConfig config) {
        Map<ValidationReason, ValidationAction> actions = new EnumMap<>(ValidationReason.class);
        for (String name : String.join(",", config.flag_reasons()).split(",")) {
            if (name == null || name.isBlank()) {
                continue;
            }
            try {
                actions.put(ValidationReason.valueOf(name.strip()), ValidationAction.FLAG);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("flag.reasons: '" + name + "' is not one of "
                        + List.of(ValidationReason.values()), e);
            }
        }
        return new MarketDataConfig(config.ring_size(), TimeUnit.MILLISECONDS.toNanos(config.max_age_ms()),
                config.price_band_bps(), actions, BarSpecs.parse(config.bars()), config.queue_capacity(),
                config.book_depth());
    }

    private MarketDataEngine engine() {
        MarketDataEngine current = engine;
        if (current == null) {
            throw new IllegalStateException("the market-data engine is not running");
        }
        return current;
    }

    @Override
    public Subscription subscribe(String name, MarketDataSubscriber subscriber) {
        return movable(name, subscriber, false);
    }

    @Override
    public Subscription subscribeDirect(String name, MarketDataSubscriber subscriber) {
        return movable(name, subscriber, true);
    }

    private Subscription movable(String name, MarketDataSubscriber subscriber, boolean direct) {
        synchronized (subscriptions) {
            MovableSubscription subscription = new MovableSubscription(name, subscriber, direct, engine());
            subscriptions.add(subscription);
            return subscription;
        }
    }

    @Override
    public Quote lastQuote(InstrumentId instrument) {
        return engine().lastQuote(instrument);
    }

    @Override
    public Trade lastTrade(InstrumentId instrument) {
        return engine().lastTrade(instrument);
    }

    @Override
    public MarketSnapshot snapshot() {
        return engine().snapshot();
    }

    @Override
    public List<FeedStats> feedStats() {
        return engine().feedStats();
    }

    @Override
    public List<SubscriptionStats> subscriptionStats() {
        return engine().subscriptionStats();
    }

    @Override
    public List<BarSpec> barSpecs() {
        return engine().barSpecs();
    }

    @Override
    public List<Bar> bars(InstrumentId instrument, BarSpec spec, int count) {
        return engine().bars(instrument, spec, count);
    }

    @Override
    public void quote(String feedId, String symbol, long sequence, String bidPrice, String bidSize, String askPrice,
                      String askSize, long timestampNanos, long receivedNanos) {
        engine().quote(feedId, symbol, sequence, bidPrice, bidSize, askPrice, askSize, timestampNanos, receivedNanos);
    }

    @Override
    public void trade(String feedId, String symbol, long sequence, String price, String size, Side aggressor,
                      String tradeId, long timestampNanos, long receivedNanos) {
        engine().trade(feedId, symbol, sequence, price, size, aggressor, tradeId, timestampNanos, receivedNanos);
    }

    @Override
    public void trade(String feedId, String symbol, long sequence, double price, double size, Side aggressor,
                      String tradeId, long timestampNanos, long receivedNanos) {
        engine().trade(feedId, symbol, sequence, price, size, aggressor, tradeId, timestampNanos, receivedNanos);
    }

    @Override
    public void bookLevel(String feedId, String symbol, long sequence, Side side, int level, String price,
                          String size, int orderCount, long timestampNanos, long receivedNanos) {
        engine().bookLevel(feedId, symbol, sequence, side, level, price, size, orderCount, timestampNanos,
                receivedNanos);
    }

    @Override
    public void clock(long nowNanos) {
        engine().clock(nowNanos);
    }

    @Override
    public void feedState(String feedId, ConnectionState state) {
        engine().feedState(feedId, state);
    }
}
