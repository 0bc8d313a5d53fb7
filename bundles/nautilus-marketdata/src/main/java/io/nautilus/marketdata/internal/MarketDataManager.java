package io.nautilus.marketdata.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;
import io.nautilus.api.marketdata.MarketDataFeed;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.core.api.TradingCoreService;
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

    /** Creates the component (DS). */
    public MarketDataManager() {
    }

    @Activate
    void activate(MarketDataManagerConfig config) {
        MarketDataEngine started = new MarketDataEngine(core.instruments(), toConfig(config));
        engine = started;
        for (MarketDataFeed feed : feeds) {
            feed.setListener(started.listenerFor(feed.feedId()));
        }
    }

    @Deactivate
    void deactivate() {
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
        for (String name : config.flag_reasons()) {
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
        return engine().subscribe(name, subscriber);
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
