package io.nautilus.simvenue;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated venue's market: the trading core's order books hold, next to the platform's own orders, the
 * market's liquidity mirrored from the market-data engine, booked to one account (by default {@code sim-market}).
 *
 * <ul>
 *   <li>Liquidity: for each instrument with a quote, {@code levels} limit orders per side at the quote's best
 *       price and {@code levels - 1} more prices behind it, each the quoted size times {@code sizeFactor}. Each
 *       {@link #refresh()} compares them with the account's working orders in the core and sends the replaces,
 *       cancels and new orders that make them match, so that liquidity taken by fills comes back and a moving
 *       market moves them. When the market moves through a platform order, the replaced mirror order trades with
 *       it, as the market would.</li>
 *   <li>Trades: each trade of the market is sent as an immediate-or-cancel order of its aggressor side at its price
 *       and size. It fills platform orders resting at that price or better in price-time order; with the
 *       account's self-trade prevention set to {@code cancel-resting} the mirror order it meets first is withdrawn
 *       (the print took that liquidity) and it goes on to the platform's orders behind it.</li>
 * </ul>
 *
 * <p>Quotes and trades arrive on the market-data subscription's thread and are only stored; {@link #refresh()} runs
 * on one thread (the venue's scheduler) and is the only one that sends commands. All commands of one pass are sent
 * in order without waiting (the core's ring keeps that order: a side moving away from the market is moved first, so
 * the mirror orders never cross each other), then their results are collected.
 */
public final class SimulatedMarket implements MarketDataSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMarket.class);
    private static final long RESULT_TIMEOUT_SECONDS = 10;

    /**
     * What the simulated market does.
     *
     * @param account           the account of the mirrored liquidity
     * @param instruments       instruments to make a market in; empty for every instrument with quotes
     * @param levels            price levels per side, 1 or more
     * @param levelSpacingTicks ticks between levels, 1 or more
     * @param sizeFactor        size of a level as a multiple of the quoted size, greater than zero
     * @param trades            whether the market's trades are replayed as immediate-or-cancel orders
     */
    public record Settings(AccountId account, Set<InstrumentId> instruments, int levels, int levelSpacingTicks,
                           double sizeFactor, boolean trades) {

        /** Validates the settings. */
        public Settings {
            Objects.requireNonNull(account, "account");
            instruments = Set.copyOf(instruments);
            if (levels < 1 || levels > 20) {
                throw new IllegalArgumentException("levels must be 1 to 20, was " + levels);
            }
            if (levelSpacingTicks < 1) {
                throw new IllegalArgumentException("level spacing must be 1 tick or more, was " + levelSpacingTicks);
            }
            if (!(sizeFactor > 0) || Double.isInfinite(sizeFactor)) {
                throw new IllegalArgumentException("size factor must be greater than zero, was " + sizeFactor);
            }
        }
    }

    private final TradingCoreService core;
    private final Settings settings;
    private final Map<InstrumentId, Quote> latest = new ConcurrentHashMap<>();
    private final ArrayBlockingQueue<Trade> trades = new ArrayBlockingQueue<>(4096);
    private final AtomicLong clientOrderIds;
    private final Map<String, Long> rejectsByReason = new ConcurrentHashMap<>();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong canceled = new AtomicLong();
    private final AtomicLong replayedTrades = new AtomicLong();
    private final AtomicLong droppedTrades = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<InstrumentId, String> skipped = new HashMap<>();

    /**
     * Creates the market.
     *
     * @param core     the trading core
     * @param settings what to do
     */
    public SimulatedMarket(TradingCoreService core, Settings settings) {
        this.core = Objects.requireNonNull(core, "core");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clientOrderIds = new AtomicLong(System.currentTimeMillis() * 1_000L);
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    @Override
    public void onQuote(Quote quote) {
        if (wants(quote.instrument())) {
            latest.put(quote.instrument(), quote);
        }
    }

    @Override
    public void onTrade(Trade trade) {
        if (settings.trades() && wants(trade.instrument()) && !trades.offer(trade)) {
            droppedTrades.incrementAndGet();
        }
    }

    private boolean wants(InstrumentId instrument) {
        return settings.instruments().isEmpty() || settings.instruments().contains(instrument);
    }

    /**
     * One pass: replays the trades received since the last pass, then brings every instrument's mirror orders in
     * line with its latest quote. Call from one thread only.
     *
     * @return the number of commands sent
     */
    public int refresh() {
        List<CompletableFuture<CommandResult>> sent = new ArrayList<>();
        Trade trade;
        while ((trade = trades.poll()) != null) {
            replay(trade, sent);
        }
        for (Map.Entry<InstrumentId, Quote> entry : latest.entrySet()) {
            reconcile(entry.getKey(), entry.getValue(), sent);
        }
        for (CompletableFuture<CommandResult> future : sent) {
            try {
                CommandResult result = future.get(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!result.accepted()) {
                    rejected(result.describe());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                rejected("core did not answer: " + e.getMessage());
            }
        }
        return sent.size();
    }

    private void replay(Trade trade, List<CompletableFuture<CommandResult>> sent) {
        Instrument instrument = instrument(trade.instrument());
        if (instrument == null || trade.aggressor() == null) {
            return;
        }
        long quantity = roundQuantity(instrument, trade.size());
        sent.add(core.submit(new NewOrder(clientOrderIds.incrementAndGet(), settings.account(), null,
                instrument.id(), trade.aggressor(), OrderType.LIMIT, TimeInForce.IOC, trade.price(), FixedPoint.NULL,
                quantity, 0, OrderFlags.NONE, 0)));
        replayedTrades.incrementAndGet();
    }

    private void reconcile(InstrumentId id, Quote quote, List<CompletableFuture<CommandResult>> sent) {
        Instrument instrument = instrument(id);
        if (instrument == null) {
            return;
        }
        List<OrderView> bids = new ArrayList<>();
        List<OrderView> asks = new ArrayList<>();
        for (OrderView order : core.orders(new OrderFilter(settings.account(), id, null, 0))) {
            if (order.type() == OrderType.LIMIT && order.timeInForce() == TimeInForce.GTC) {
                (order.side() == Side.BUY ? bids : asks).add(order);
            }
        }
        bids.sort(Comparator.comparingLong(OrderView::price).reversed().thenComparingLong(OrderView::orderId));
        asks.sort(Comparator.comparingLong(OrderView::price).thenComparingLong(OrderView::orderId));
        List<long[]> wantedBids = levels(instrument, quote.bidPrice(), quote.bidSize(), -1);
        List<long[]> wantedAsks = levels(instrument, quote.askPrice(), quote.askSize(), +1);
        // move first the side the market moves away from, so the two sides never cross each other
        boolean asksFirst = !wantedBids.isEmpty() && !asks.isEmpty() && wantedBids.get(0)[0] >= asks.get(0).price();
        if (asksFirst) {
            apply(instrument, Side.SELL, asks, wantedAsks, sent);
            apply(instrument, Side.BUY, bids, wantedBids, sent);
        } else {
            apply(instrument, Side.BUY, bids, wantedBids, sent);
            apply(instrument, Side.SELL, asks, wantedAsks, sent);
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

    private void apply(Instrument instrument, Side side, List<OrderView> existing, List<long[]> wanted,
                       List<CompletableFuture<CommandResult>> sent) {
        int both = Math.min(existing.size(), wanted.size());
        for (int i = 0; i < both; i++) {
            OrderView order = existing.get(i);
            long price = wanted.get(i)[0];
            long open = wanted.get(i)[1];
            if (order.price() != price || order.openQuantity() != open) {
                sent.add(core.replace(order.orderId(), price, order.filledQuantity() + open));
                replaced.incrementAndGet();
            }
        }
        for (int i = both; i < existing.size(); i++) {
            sent.add(core.cancel(existing.get(i).orderId()));
            canceled.incrementAndGet();
        }
        for (int i = both; i < wanted.size(); i++) {
            sent.add(core.submit(NewOrder.limit(clientOrderIds.incrementAndGet(), settings.account(), null,
                    instrument.id(), side, wanted.get(i)[0], wanted.get(i)[1])));
            submitted.incrementAndGet();
        }
    }

    /**
     * Rounds down to the lot, at least the minimum quantity.
     */
    static long roundQuantity(Instrument instrument, long quantity) {
        long lot = instrument.lotSize();
        long rounded = quantity / lot * lot;
        return Math.max(rounded, instrument.minQuantity());
    }

    private Instrument instrument(InstrumentId id) {
        Instrument instrument = core.instrument(id).orElse(null);
        if (instrument == null) {
            if (skipped.put(id, "unknown") == null) {
                LOG.warn("simulated venue: instrument {} has quotes but the trading core does not define it;"
                        + " no liquidity for it", id);
            }
            return null;
        }
        skipped.remove(id);
        return instrument;
    }

    private void rejected(String why) {
        long count = rejected.incrementAndGet();
        String key = why.length() > 80 ? why.substring(0, 80) : why;
        long forReason = rejectsByReason.merge(key, 1L, Long::sum);
        if (forReason == 1 || forReason % 1000 == 0) {
            LOG.warn("simulated venue: a mirror command was {} ({} such, {} rejects in all)", why, forReason,
                    count);
        }
    }

    /**
     * Counters since start.
     *
     * @return submitted, replaced, canceled, replayed trades, dropped trades, rejected commands
     */
    public Map<String, Long> counters() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        out.put("submitted", submitted.get());
        out.put("replaced", replaced.get());
        out.put("canceled", canceled.get());
        out.put("tradesReplayed", replayedTrades.get());
        out.put("tradesDropped", droppedTrades.get());
        out.put("rejected", rejected.get());
        return out;
    }
}
