package io.nautilus.web.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket streams {@code /api/v1/stream}: a {@link StreamHub} fed by the platform and mounted on the web
 * server. Execution reports come from the core's publish thread (this component is a {@link CommandResultListener}),
 * quotes and bars from a market-data subscription (its own thread, conflated by the market-data engine when this
 * falls behind), alerts from the {@code ui} notification channel (a {@link NotificationListener}); positions, P&amp;L
 * and backtest progress are read every {@code stream.pollMillis} and published when they changed.
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

        /** @return milliseconds between reads of positions, P&amp;L and backtest progress */
        long stream_pollMillis() default 250;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StreamModule.class);
    private static final long CLOSE_GRACE_MILLIS = 2000;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Object> lastPublished = new HashMap<>();
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
                config.stream_pollMillis());
    }

    synchronized void start(StreamSettings settings, int writeQueueBytes, long pollMillis) {
        if (writeQueueBytes < 1024 || pollMillis < 10) {
            throw new IllegalArgumentException("stream.writeQueueBytes = " + writeQueueBytes
                    + " must be at least 1024 and stream.pollMillis = " + pollMillis + " at least 10");
        }
        hub = new StreamHub(settings, json, System::nanoTime, this::instrumentKnown);
        endpoint = new StreamEndpoint(hub, writeQueueBytes, CLOSE_GRACE_MILLIS);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nautilus-web-stream");
            t.setDaemon(true);
            return t;
        });
        long sweep = Math.max(10, Math.min(250, settings.stallMillis() / 4));
        timer.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        if (marketData != null) {
            subscribe();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        unsubscribe();
        timer.shutdownNow();
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

    @Override
    public void onCommandResult(CommandResult result) {
        StreamHub h = hub;
        if (h == null) {
            return;
        }
        for (ExecutionReport report : result.reports()) {
            h.publish(StreamHub.EXECUTIONS, null,
                    ExecutionJson.of(result.seq(), report, instrument(report.instrument())));
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

    /** Publishes the positions, P&amp;L totals and backtest runs that changed since the last poll. */
    void poll() {
        try {
            StreamHub h = hub();
            TradingCoreService c = core;
            if (c != null) {
                for (PositionView p : c.positions(null)) {
                    publishChanged(h, StreamHub.POSITIONS, p.account().value() + "/" + p.instrument().value(),
                            PositionJson.of(p, instrument(p.instrument())));
                }
                int scale = PnlJson.scale(c);
                for (AccountPnl p : c.pnl(null)) {
                    publishChanged(h, StreamHub.PNL, p.account().value(), PnlJson.of(p, scale));
                }
            }
            BacktestService b = backtests;
            if (b != null) {
                for (BacktestInfo info : b.list()) {
                    publishChanged(h, StreamHub.BACKTESTS, info.id(), StreamData.BacktestJson.of(info));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Stream poll of positions, P&L and backtests failed: {}", e.toString());
        }
    }

    private void publishChanged(StreamHub h, String topic, String key, Object data) {
        String k = topic + '\n' + key;
        if (!data.equals(lastPublished.get(k))) {
            lastPublished.put(k, data);
            h.publish(topic, key, data);
        }
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
