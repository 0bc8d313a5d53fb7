package io.nautilus.web.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.NotificationListener;
import io.nautilus.web.json.ExecutionJson;
import io.nautilus.web.json.PnlJson;
import io.nautilus.web.json.PositionJson;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebModule;
import io.vertx.ext.web.Router;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The WebSocket streams {@code /api/v1/stream}: a {@link StreamHub} fed by the platform and mounted on the web
 * server. Execution reports come from the core's publish thread (this component is a {@link CommandResultListener}),
 * which only hands each result over ({@link ExecutionFeed}): the frames are written on the feed's own thread.
 * Quotes and bars come from a market-data subscription (its own thread, conflated by the market-data engine when
 * this falls behind), alerts from the {@code ui} notification channel (a {@link NotificationListener}).
 * Positions and P&amp;L are read again after fills (the accounts that traded, at most once per
 * {@code stream.positionsMillis}), for a new subscriber, and every {@code stream.refreshMillis} while someone
 * subscribes (marks move unrealised P&amp;L without fills); backtest progress every {@code stream.pollMillis}. Each is
 * published when it changed; values whose key disappeared are forgotten.
 *
 * <p>Settings are the {@code stream.*} keys of the web server's configuration ({@code etc/io.nautilus.web.cfg}).
 */
@Component(service = {WebModule.class, CommandResultListener.class, NotificationListener.class},
        configurationPid = "io.nautilus.web", immediate = true)
public final class StreamModule implements WebModule, CommandResultListener, NotificationListener {

    /** The {@code stream.*} keys of {@code io.nautilus.web}. */
    public @interface Config {
        /** @return frames each never-dropped topic keeps for {@code from} */
        int stream_replay() default 4096;

        /** @return never-dropped frames a client may have waiting before it is closed with 4008 */
        int stream_maxPending() default 1024;

        /** @return milliseconds a client's connection may stay unwritable before it is closed with 4008 */
        long stream_stallMillis() default 5000;

        /** @return topics one connection may subscribe to */
        int stream_maxTopics() default 256;

        /** @return stream connections accepted at once */
        int stream_maxClients() default 10_000;

        /** @return bytes of a connection's outgoing buffer before the hub stops writing to it */
        int stream_writeQueueBytes() default 65_536;

        /** @return milliseconds between reads of backtest progress */
        long stream_pollMillis() default 250;

        /** @return shortest milliseconds between two reads of positions and P&amp;L after fills (conflation) */
        long stream_positionsMillis() default 50;

        /** @return milliseconds between full reads of positions and P&amp;L while they have subscribers */
        long stream_refreshMillis() default 1000;

        /** @return execution results the core may hand over before the stream has written them */
        int stream_executionQueue() default 65_536;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StreamModule.class);
    private static final long CLOSE_GRACE_MILLIS = 2000;
    /** Accounts touched by fills above which a read takes every account's positions at once. */
    private static final int MAX_ACCOUNTS_READ_ONE_BY_ONE = 8;

    private final ObjectMapper json = new ObjectMapper();
    /** The last value published per topic and key, only of keys that exist (see {@link #forgetMissing}). */
    private final Map<String, Object> lastPublished = new ConcurrentHashMap<>();
    private final Set<String> tradedAccounts = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean readScheduled = new AtomicBoolean();
    private final AtomicBoolean fullReadWanted = new AtomicBoolean();
    private volatile long lastReadNanos;
    private volatile long positionsNanos;
    private ExecutionFeed feed;
    private volatile TradingCoreService core;
    private volatile BacktestService backtests;
    private MarketDataService marketData;
    private Subscription subscription;
    private StreamHub hub;
    private StreamEndpoint endpoint;
    private ScheduledExecutorService timer;

    @Activate
    void activate(Config config) {
        start(new StreamSettings(config.stream_replay(), config.stream_maxPending(), config.stream_stallMillis(),
                config.stream_maxTopics(), config.stream_maxClients()), config.stream_writeQueueBytes(),
                config.stream_pollMillis(), config.stream_positionsMillis(), config.stream_refreshMillis(),
                config.stream_executionQueue());
    }

    synchronized void start(StreamSettings settings, int writeQueueBytes, long pollMillis) {
        start(settings, writeQueueBytes, pollMillis, 50, 1000, 65_536);
    }

    synchronized void start(StreamSettings settings, int writeQueueBytes, long pollMillis, long positionsMillis,
                            long refreshMillis, int executionQueue) {
        if (writeQueueBytes < 1024 || pollMillis < 10 || positionsMillis < 1 || refreshMillis < 10
                || executionQueue < 1) {
            throw new IllegalArgumentException("stream.writeQueueBytes = " + writeQueueBytes + " must be at least"
                    + " 1024, stream.pollMillis = " + pollMillis + " and stream.refreshMillis = " + refreshMillis
                    + " at least 10, stream.positionsMillis = " + positionsMillis + " and stream.executionQueue = "
                    + executionQueue + " at least 1");
        }
        hub = new StreamHub(settings, json, System::nanoTime, this::instrumentKnown);
        hub.onSubscribe(this::subscribed);
        endpoint = new StreamEndpoint(hub, writeQueueBytes, CLOSE_GRACE_MILLIS);
        positionsNanos = TimeUnit.MILLISECONDS.toNanos(positionsMillis);
        lastReadNanos = System.nanoTime() - positionsNanos;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nautilus-web-stream");
            t.setDaemon(true);
            return t;
        });
        feed = new ExecutionFeed("nautilus-web-stream-executions", executionQueue, this::publishExecutions,
                this::executionsLost);
        long sweep = Math.max(10, Math.min(250, settings.stallMillis() / 4));
        timer.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::pollBacktests, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::refreshWhileSubscribed, refreshMillis, refreshMillis,
                TimeUnit.MILLISECONDS);
        if (marketData != null) {
            subscribe();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        unsubscribe();
        timer.shutdownNow();
        feed.close();
        hub.closeAll(1001, "the stream service is stopping");
    }

    @Override
    public void mount(Router router, WebContext context) {
        endpoint().mount(router, context);
    }

    /** @return the hub (for tests and statistics) */
    synchronized StreamHub hub() {
        return hub;
    }

    private synchronized StreamEndpoint endpoint() {
        return endpoint;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCore(TradingCoreService service) {
        core = service;
    }

    void unbindCore(TradingCoreService service) {
        if (core == service) {
            core = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBacktests(BacktestService service) {
        backtests = service;
    }

    void unbindBacktests(BacktestService service) {
        if (backtests == service) {
            backtests = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindMarketData(MarketDataService service) {
        unsubscribe();
        marketData = service;
        if (hub != null) {
            subscribe();
        }
    }

    synchronized void unbindMarketData(MarketDataService service) {
        if (marketData == service) {
            unsubscribe();
            marketData = null;
        }
    }

    /** On the core's publish thread: only hands results with reports over to the feed's thread. */
    @Override
    public void onCommandResult(CommandResult result) {
        ExecutionFeed f = feed;
        if (f != null && !result.reports().isEmpty()) {
            f.offer(result);
        }
    }

    /** On the feed's thread: the frames of the execution reports, then a read of the accounts that traded. */
    private void publishExecutions(List<CommandResult> results) {
        StreamHub h = hub;
        for (CommandResult result : results) {
            for (ExecutionReport report : result.reports()) {
                h.publish(StreamHub.EXECUTIONS, null,
                        ExecutionJson.of(result.seq(), report, instrument(report.instrument())));
                if (report.lastQuantity() > 0 && report.account() != null) {
                    tradedAccounts.add(report.account().value());
                }
            }
        }
        if (!tradedAccounts.isEmpty()) {
            scheduleRead();
        }
    }

    private void executionsLost(long count) {
        LOG.warn("The web stream fell behind the trading core: {} command results were not streamed", count);
        hub.lost(StreamHub.EXECUTIONS, count, "stream fell behind the core: " + count + " results lost; see"
                + " GET /api/v1/orders");
        fullReadWanted.set(true);
        scheduleRead();
    }

    /** A newcomer to positions or P&amp;L gets fresh values (the last ones may be old when nobody subscribed). */
    private void subscribed(String topic) {
        if (topic.equals(StreamHub.POSITIONS) || topic.equals(StreamHub.PNL)) {
            fullReadWanted.set(true);
            scheduleRead();
        }
    }

    /** Schedules one read of positions and P&amp;L, at most one per {@code stream.positionsMillis}. */
    private void scheduleRead() {
        if (!readScheduled.compareAndSet(false, true)) {
            return;
        }
        long delay = Math.max(0, lastReadNanos + positionsNanos - System.nanoTime());
        try {
            timer.schedule(this::readPositions, delay, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            readScheduled.set(false);
        }
    }

    /** On the stream's timer: positions and P&amp;L of the accounts that traded since the last read, or of all. */
    private void readPositions() {
        readScheduled.set(false);
        lastReadNanos = System.nanoTime();
        List<String> accounts = new ArrayList<>();
        for (var it = tradedAccounts.iterator(); it.hasNext(); ) {
            accounts.add(it.next());
            it.remove();
        }
        StreamHub h = hub();
        if (h.subscribers(StreamHub.POSITIONS) == 0 && h.subscribers(StreamHub.PNL) == 0) {
            return;
        }
        boolean all = fullReadWanted.getAndSet(false) || accounts.size() > MAX_ACCOUNTS_READ_ONE_BY_ONE;
        try {
            if (all) {
                publishPositions(h, null);
            } else {
                for (String account : accounts) {
                    publishPositions(h, AccountId.of(account));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Stream read of positions and P&L failed: {}", e.toString());
        }
    }

    @Override
    public void onNotification(Notification notification) {
        StreamHub h = hub;
        if (h != null) {
            h.publish(StreamHub.ALERTS, null, StreamData.NotificationJson.of(notification));
        }
    }

    private void subscribe() {
        StreamHub h = hub;
        subscription = marketData.subscribe("web-stream", new MarketDataSubscriber() {
            @Override
            public void onQuote(Quote quote) {
                String id = quote.instrument().value();
                h.publish(StreamHub.QUOTES_PREFIX + id, id,
                        StreamData.QuoteJson.of(quote, instrument(quote.instrument())));
            }

            @Override
            public void onBar(BarSpec spec, Bar bar) {
                h.publish(StreamHub.BARS_PREFIX + bar.instrument().value(), null,
                        StreamData.BarJson.of(spec, bar, instrument(bar.instrument())));
            }
        });
    }

    private void unsubscribe() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void sweep() {
        try {
            hub().sweep();
        } catch (RuntimeException e) {
            LOG.warn("Stream sweep failed: {}", e.toString());
        }
    }

    /**
     * Publishes the positions, P&amp;L totals and backtest runs that changed since they were last read, on the
     * stream's timer thread like every other read (so reads never race), and returns once they are published.
     */
    void poll() throws InterruptedException, java.util.concurrent.ExecutionException {
        timer.submit(() -> {
            try {
                publishPositions(hub(), null);
            } catch (RuntimeException e) {
                LOG.warn("Stream read of positions and P&L failed: {}", e.toString());
            }
            pollBacktests();
        }).get();
    }

    /** Every {@code stream.refreshMillis}: all positions and P&amp;L while anyone subscribes to them. */
    private void refreshWhileSubscribed() {
        StreamHub h = hub();
        if (h.subscribers(StreamHub.POSITIONS) > 0 || h.subscribers(StreamHub.PNL) > 0) {
            fullReadWanted.set(true);
            scheduleRead();
        }
    }

    /**
     * Reads and publishes what changed of one account's positions and P&amp;L, or of all accounts' (null), in which
     * case keys that no longer exist are forgotten.
     */
    private void publishPositions(StreamHub h, AccountId account) {
        TradingCoreService c = core;
        if (c == null) {
            return;
        }
        Set<String> seen = account == null ? new HashSet<>() : null;
        for (PositionView p : c.positions(account)) {
            String key = p.account().value() + "/" + p.instrument().value();
            publishChanged(h, StreamHub.POSITIONS, key, PositionJson.of(p, instrument(p.instrument())));
            if (seen != null) {
                seen.add(key);
            }
        }
        if (seen != null) {
            forgetMissing(h, StreamHub.POSITIONS, seen);
            seen.clear();
        }
        int scale = PnlJson.scale(c);
        for (AccountPnl p : c.pnl(account)) {
            publishChanged(h, StreamHub.PNL, p.account().value(), PnlJson.of(p, scale));
            if (seen != null) {
                seen.add(p.account().value());
            }
        }
        if (seen != null) {
            forgetMissing(h, StreamHub.PNL, seen);
        }
    }

    private void pollBacktests() {
        BacktestService b = backtests;
        if (b == null) {
            return;
        }
        try {
            StreamHub h = hub();
            Set<String> seen = new HashSet<>();
            for (BacktestInfo info : b.list()) {
                publishChanged(h, StreamHub.BACKTESTS, info.id(), StreamData.BacktestJson.of(info));
                seen.add(info.id());
            }
            forgetMissing(h, StreamHub.BACKTESTS, seen);
        } catch (RuntimeException e) {
            LOG.warn("Stream poll of backtests failed: {}", e.toString());
        }
    }

    private void publishChanged(StreamHub h, String topic, String key, Object data) {
        String k = topic + '\n' + key;
        Object previous = lastPublished.put(k, data);
        if (!data.equals(previous)) {
            h.publish(topic, key, data);
        }
    }

    /** Drops the last values of a topic's keys not seen in a full read: no key is kept after it is gone. */
    private void forgetMissing(StreamHub h, String topic, Set<String> seen) {
        String prefix = topic + '\n';
        for (var it = lastPublished.keySet().iterator(); it.hasNext(); ) {
            String k = it.next();
            if (k.startsWith(prefix) && !seen.contains(k.substring(prefix.length()))) {
                it.remove();
                h.forget(topic, k.substring(prefix.length()));
            }
        }
    }

    /** @return the topic/key pairs whose last value is kept (for tests) */
    int lastPublishedKeys() {
        return lastPublished.size();
    }


    private Instrument instrument(InstrumentId id) {
        TradingCoreService c = core;
        return c == null ? null : c.instrument(id).orElse(null);
    }

    private boolean instrumentKnown(String id) {
        InstrumentId instrument;
        try {
            instrument = InstrumentId.of(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
        TradingCoreService c = core;
        return c == null || c.instrument(instrument).isPresent();
    }
}
