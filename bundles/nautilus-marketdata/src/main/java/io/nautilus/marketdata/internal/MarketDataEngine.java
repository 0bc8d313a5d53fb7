package io.nautilus.marketdata.internal;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.MarketDataListener;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.marketdata.api.MarketDataIngest;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.MarketSnapshot;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.api.ValidationReason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The market-data engine: feed threads normalise raw ticks and publish them into the engine's own Disruptor
 * ring; the single engine thread validates them, updates the last quote and trade, aggregates bars and hands
 * every update to each subscriber's conflating mailbox (see {@link SubscriberChannel}), which never blocks.
 *
 * <p>All per-feed and per-instrument state is owned by the engine thread; other threads read counters and
 * last values only. The instrument set is fixed for the engine's life. Reading no clock, the engine is
 * deterministic for a given input order.
 */
public final class MarketDataEngine
        implements MarketDataService, MarketDataAdminService, MarketDataIngest, AutoCloseable {

    /** Completed bars kept per instrument and spec for {@link #bars}. */
    public static final int BAR_HISTORY = 50;

    private final MarketDataConfig config;
    private final InstrumentTable instruments;
    private final LastValueCache lastValues;
    /** Validation, last values and bars of every tick: the code the backtest's TickPipeline runs too. */
    private final TickHandler ticks;
    private final Disruptor<MarketDataEvent> disruptor;
    private final RingBuffer<MarketDataEvent> ring;
    private final EventHandler<MarketDataEvent> handler;
    private final int slotsPerInstrument;
    private final AtomicLong handlerErrors = new AtomicLong();

    /** Engine thread only. */
    private final Map<String, FeedCounters> feeds = new HashMap<>();
    /** Engine thread only. */
    private long updateSequence;
    /** Engine thread only: the feed of the previous tick, so a run of ticks from one feed skips the map. */
    private String lastFeedId;
    private FeedCounters lastCounters;
    /** Completed bars, [instrument][spec]; written by the engine thread, read by any. */
    private final BarHistory[][] barHistory;
    private final List<BarSpec> barSpecs;

    private volatile List<FeedCounters> feedList = List.of();
    private volatile SubscriberChannel[] channels = new SubscriberChannel[0];
    private volatile DirectSubscription[] direct = new DirectSubscription[0];
    private final Object channelsLock = new Object();

    /**
     * Creates and starts the engine.
     *
     * @param instruments the instruments it accepts ticks for
     * @param config      the settings
     */
    public MarketDataEngine(Collection<Instrument> instruments, MarketDataConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.instruments = new InstrumentTable(instruments);
        this.slotsPerInstrument = 2 + 2 * config.bookDepth();
        List<BarSpec> specs = config.bars();
        this.barSpecs = specs;
        this.barHistory = new BarHistory[this.instruments.size()][specs.size()];
        for (int i = 0; i < this.instruments.size(); i++) {
            for (int s = 0; s < specs.size(); s++) {
                barHistory[i][s] = new BarHistory(BAR_HISTORY);
            }
        }
        this.ticks = new TickHandler(this.instruments, config, new TickHandler.Output() {
            @Override
            public void quote(int instrument, Quote quote, ValidationReason flag) {
                fanOut(++updateSequence, instrument * slotsPerInstrument, quote, flag, null);
            }

            @Override
            public void trade(int instrument, Trade trade, ValidationReason flag) {
                fanOut(++updateSequence, instrument * slotsPerInstrument + 1, trade, flag, null);
            }

            @Override
            public void book(int instrument, BookLevel level, ValidationReason flag) {
                int slot = level.level() < config.bookDepth()
                        ? instrument * slotsPerInstrument + 2 + (level.side() == Side.BUY ? 0 : config.bookDepth())
                        + level.level()
                        : -1;
                fanOut(++updateSequence, slot, level, flag, null);
            }

            @Override
            public void bar(int instrument, int specIndex, BarSpec spec, Bar bar) {
                barHistory[instrument][specIndex].add(bar);
                fanOut(++updateSequence, -1, bar, null, spec);
            }
        });
        this.lastValues = ticks.lastValues();
        this.disruptor = new Disruptor<>(MarketDataEvent::new, config.ringSize(), runnable -> {
            Thread thread = new Thread(runnable, "nautilus-md-engine");
            thread.setDaemon(true);
            return thread;
        }, ProducerType.MULTI, new ParkingWaitStrategy());
        this.handler = (event, sequence, endOfBatch) -> handle(event);
        disruptor.handleEventsWith(handler);
        this.ring = disruptor.start();
    }

    // ---------------------------------------------------------------- ingest (feed threads)

    @Override
    public void quote(String feedId, String symbol, long sequence, String bidPrice, String bidSize, String askPrice,
                      String askSize, long timestampNanos, long receivedNanos) {
        int index = instruments.indexOfSymbol(symbol);
        long bid = FixedPoint.NULL;
        long bidQty = 0;
        long ask = FixedPoint.NULL;
        long askQty = 0;
        String error = null;
        if (index >= 0) {
            Instrument instrument = instruments.get(index);
            try {
                if (bidPrice != null || bidSize != null) {
                    bid = TickNormaliser.price(instrument, "bid", bidPrice);
                    bidQty = TickNormaliser.quantity(instrument, "bid size", bidSize);
                }
                if (askPrice != null || askSize != null) {
                    ask = TickNormaliser.price(instrument, "ask", askPrice);
                    askQty = TickNormaliser.quantity(instrument, "ask size", askSize);
                }
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        publishTick(MarketDataEvent.QUOTE, feedId, symbol, index, sequence, bid, bidQty, ask, askQty, null, 0, 0,
                null, timestampNanos, receivedNanos, error);
    }

    @Override
    public void trade(String feedId, String symbol, long sequence, String price, String size, Side aggressor,
                      String tradeId, long timestampNanos, long receivedNanos) {
        int index = instruments.indexOfSymbol(symbol);
        long px = 0;
        long qty = 0;
        String error = null;
        if (index >= 0) {
            try {
                px = TickNormaliser.price(instruments.get(index), "price", price);
                qty = TickNormaliser.quantity(instruments.get(index), "size", size);
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        publishTick(MarketDataEvent.TRADE, feedId, symbol, index, sequence, px, qty, 0, 0, aggressor, 0, 0, tradeId,
                timestampNanos, receivedNanos, error);
    }

    @Override
    public void trade(String feedId, String symbol, long sequence, double price, double size, Side aggressor,
                      String tradeId, long timestampNanos, long receivedNanos) {
        int index = instruments.indexOfSymbol(symbol);
        long px = 0;
        long qty = 0;
        String error = null;
        if (index >= 0) {
            try {
                px = TickNormaliser.price(instruments.get(index), "price", price);
                qty = TickNormaliser.quantity(instruments.get(index), "size", size);
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        publishTick(MarketDataEvent.TRADE, feedId, symbol, index, sequence, px, qty, 0, 0, aggressor, 0, 0, tradeId,
                timestampNanos, receivedNanos, error);
    }

    @Override
    public void bookLevel(String feedId, String symbol, long sequence, Side side, int level, String price,
                          String size, int orderCount, long timestampNanos, long receivedNanos) {
        int index = instruments.indexOfSymbol(symbol);
        long px = 0;
        long qty = 0;
        String error = null;
        if (index >= 0) {
            try {
                if (side == null || level < 0 || orderCount < 0) {
                    throw new IllegalArgumentException(instruments.get(index).id() + " book level: side " + side
                            + ", level " + level + " and order count " + orderCount + " must be set and not negative");
                }
                px = TickNormaliser.price(instruments.get(index), "level price", price);
                qty = TickNormaliser.quantity(instruments.get(index), "level size", size);
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        publishTick(MarketDataEvent.BOOK, feedId, symbol, index, sequence, px, qty, 0, 0, side, level, orderCount,
                null, timestampNanos, receivedNanos, error);
    }

    @Override
    public void clock(long nowNanos) {
        long seq = ring.next();
        try {
            MarketDataEvent event = ring.get(seq);
            event.clear();
            event.kind = MarketDataEvent.CLOCK;
            event.timestampNanos = nowNanos;
        } finally {
            ring.publish(seq);
        }
    }

    @Override
    public void feedState(String feedId, ConnectionState state) {
        long seq = ring.next();
        try {
            MarketDataEvent event = ring.get(seq);
            event.clear();
            event.kind = MarketDataEvent.STATE;
            event.feedId = feedId;
            event.state = state;
        } finally {
            ring.publish(seq);
        }
    }

    private void publishTick(byte kind, String feedId, String symbol, int index, long sequence, long price1,
                             long size1, long price2, long size2, Side side, int level, int orderCount,
                             String tradeId, long timestampNanos, long receivedNanos, String error) {
        long seq = ring.next();
        try {
            MarketDataEvent event = ring.get(seq);
            event.clear();
            event.kind = kind;
            event.feedId = feedId == null ? "unknown" : feedId;
            event.instrument = index;
            event.sequence = sequence;
            event.price1 = price1;
            event.size1 = size1;
            event.price2 = price2;
            event.size2 = size2;
            event.side = side;
            event.level = level;
            event.orderCount = orderCount;
            event.tradeId = tradeId;
            event.timestampNanos = timestampNanos;
            event.receivedNanos = receivedNanos;
            if (index < 0) {
                event.preReason = ValidationReason.UNKNOWN_INSTRUMENT;
                event.error = "unknown instrument '" + symbol + "'";
            } else if (error != null || timestampNanos < 0) {
                event.preReason = ValidationReason.INVALID_VALUE;
                event.error = error != null ? error : symbol + ": timestamp " + timestampNanos + " is negative";
            }
        } finally {
            ring.publish(seq);
        }
    }

    /**
     * A listener that feeds a {@link io.nautilus.api.marketdata.MarketDataFeed}'s already fixed-point events into
     * the engine under a feed id. Such events carry no feed sequence and no arrival time, so the sequence and
     * staleness checks do not apply to them; everything else is validated as for raw ticks.
     *
     * @param feedId the feed id the events are counted under
     * @return the listener, safe to call from the feed's thread
     */
    public MarketDataListener listenerFor(String feedId) {
        Objects.requireNonNull(feedId, "feedId");
        return new MarketDataListener() {
            @Override
            public void onQuote(Quote quote) {
                publishTick(MarketDataEvent.QUOTE, feedId, quote.instrument().value(),
                        instruments.indexOf(quote.instrument()), 0, quote.bidPrice(), quote.bidSize(),
                        quote.askPrice(), quote.askSize(), null, 0, 0, null, quote.timestampNanos(),
                        quote.timestampNanos(), null);
            }

            @Override
            public void onTrade(Trade trade) {
                publishTick(MarketDataEvent.TRADE, feedId, trade.instrument().value(),
                        instruments.indexOf(trade.instrument()), 0, trade.price(), trade.size(), 0, 0,
                        trade.aggressor(), 0, 0, trade.tradeId(), trade.timestampNanos(), trade.timestampNanos(), null);
            }

            @Override
            public void onBookLevel(BookLevel level) {
                publishTick(MarketDataEvent.BOOK, feedId, level.instrument().value(),
                        instruments.indexOf(level.instrument()), 0, level.price(), level.size(), 0, 0, level.side(),
                        level.level(), level.orderCount(), null, level.timestampNanos(), level.timestampNanos(), null);
            }

            @Override
            public void onFeedState(String id, ConnectionState state) {
                feedState(id, state);
            }
        };
    }

    // ---------------------------------------------------------------- engine thread

    private void handle(MarketDataEvent event) {
        try {
            switch (event.kind) {
                case MarketDataEvent.CLOCK -> ticks.clock(event.timestampNanos);
                case MarketDataEvent.STATE -> fanOut(++updateSequence, -1,
                        new Update.FeedState(event.feedId, event.state), null, null);
                default -> handleTick(event);
            }
        } catch (RuntimeException e) {
            handlerErrors.incrementAndGet();
        }
    }

    private void handleTick(MarketDataEvent event) {
        FeedCounters counters = event.feedId == lastFeedId ? lastCounters : feeds.get(event.feedId);
        if (counters == null) {
            counters = new FeedCounters(event.feedId, instruments.size());
            feeds.put(event.feedId, counters);
            List<FeedCounters> list = new ArrayList<>(feedList);
            list.add(counters);
            feedList = List.copyOf(list);
        }
        lastFeedId = event.feedId;
        lastCounters = counters;
        if (event.preReason != null) {
            counters.rejected(event.preReason);
            counters.error(event.error);
            return;
        }
        ticks.handle(event, counters);
    }

    /** Offers one update to every subscriber: the payload is shared, queuing it allocates nothing. */
    private void fanOut(long sequence, int slot, Object payload, ValidationReason flag, BarSpec spec) {
        SubscriberChannel[] current = channels;
        for (int i = 0; i < current.length; i++) {
            current[i].offer(sequence, slot, payload, flag, spec);
        }
        DirectSubscription[] inline = direct;
        for (int i = 0; i < inline.length; i++) {
            inline[i].deliver(payload, flag, spec);
        }
    }

    // ---------------------------------------------------------------- services (any thread)

    @Override
    public Subscription subscribe(String name, MarketDataSubscriber subscriber) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subscriber, "subscriber");
        SubscriberChannel[] holder = new SubscriberChannel[1];
        SubscriberChannel channel = new SubscriberChannel(name, subscriber, config.queueCapacity(),
                Math.max(1, instruments.size() * slotsPerInstrument), () -> remove(holder[0]));
        holder[0] = channel;
        synchronized (channelsLock) {
            SubscriberChannel[] next = Arrays.copyOf(channels, channels.length + 1);
            next[next.length - 1] = channel;
            channels = next;
        }
        channel.start();
        return channel;
    }

    /**
     * Subscribes a subscriber that is called on the engine's own thread (see {@link DirectSubscription}): every
     * update, in engine order, with no hand-off; it must return at once and never block.
     *
     * @param name       for statistics
     * @param subscriber the receiver
     * @return the subscription
     */
    @Override
    public Subscription subscribeDirect(String name, MarketDataSubscriber subscriber) {
        DirectSubscription[] holder = new DirectSubscription[1];
        DirectSubscription subscription = new DirectSubscription(name, subscriber, () -> {
            synchronized (channelsLock) {
                direct = Arrays.stream(direct).filter(d -> d != holder[0]).toArray(DirectSubscription[]::new);
            }
        });
        holder[0] = subscription;
        synchronized (channelsLock) {
            DirectSubscription[] next = Arrays.copyOf(direct, direct.length + 1);
            next[next.length - 1] = subscription;
            direct = next;
        }
        return subscription;
    }

    private void remove(SubscriberChannel channel) {
        synchronized (channelsLock) {
            channels = Arrays.stream(channels).filter(c -> c != channel).toArray(SubscriberChannel[]::new);
        }
    }

    @Override
    public Quote lastQuote(InstrumentId instrument) {
        return lastValues.quote(instrument);
    }

    @Override
    public Trade lastTrade(InstrumentId instrument) {
        return lastValues.trade(instrument);
    }

    @Override
    public MarketSnapshot snapshot() {
        return lastValues.snapshot();
    }

    @Override
    public List<FeedStats> feedStats() {
        List<FeedStats> stats = new ArrayList<>();
        for (FeedCounters counters : feedList) {
            stats.add(counters.stats());
        }
        return stats;
    }

    @Override
    public List<SubscriptionStats> subscriptionStats() {
        List<SubscriptionStats> stats = new ArrayList<>();
        for (SubscriberChannel channel : channels) {
            stats.add(channel.stats());
        }
        for (DirectSubscription subscription : direct) {
            stats.add(subscription.stats());
        }
        return stats;
    }

    @Override
    public List<BarSpec> barSpecs() {
        return barSpecs;
    }

    @Override
    public List<Bar> bars(InstrumentId instrument, BarSpec spec, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("bar count " + count + " must not be negative");
        }
        int index = instruments.indexOf(instrument);
        int s = spec == null ? -1 : barSpecs.indexOf(spec);
        if (index < 0 || s < 0 || count == 0) {
            return List.of();
        }
        return barHistory[index][s].last(count);
    }

    /**
     * Events the engine thread failed on unexpectedly (a bug, not bad data).
     *
     * @return the count since start
     */
    public long handlerErrors() {
        return handlerErrors.get();
    }

    /**
     * The instruments the engine accepts.
     *
     * @return in configuration order
     */
    public List<Instrument> instruments() {
        return instruments.all();
    }

    /**
     * Waits until the engine thread has handled every event published before the call; for tests and
     * orderly hand-over, not for the hot path.
     *
     * @param timeoutMillis the longest wait
     * @return true if caught up, false on timeout
     */
    public boolean awaitProcessed(long timeoutMillis) {
        long target = ring.getCursor();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (disruptor.getSequenceValueFor(handler) < target) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }

    /** Processes every tick already published, then stops the engine thread and all subscriptions. */
    @Override
    public void close() {
        disruptor.shutdown();
        for (SubscriberChannel channel : channels) {
            channel.close();
        }
        for (DirectSubscription subscription : direct) {
            subscription.close();
        }
    }
}
