package io.nautilus.history.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.core.api.AccountRiskView;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.JournalHistory;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.TradingCoreAdminService;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.history.api.AccountRecord;
import io.nautilus.history.api.AlertRecord;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.BarRecord;
import io.nautilus.history.api.FillEvent;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.api.InstrumentRecord;
import io.nautilus.history.api.OrderEvent;
import io.nautilus.history.api.PositionSnapshot;
import io.nautilus.history.internal.db.SchemaMigrator;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.Subscription;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history store's DS component, configured by {@code etc/io.nautilus.history.cfg}: opens the database (the
 * embedded H2 one unless a JDBC URL is configured), runs the {@link HistoryWriter}, and registers
 * {@link HistoryService} and the {@link CommandResultListener} the core publishes to. It also subscribes to the
 * market-data engine's completed bars and samples the core's positions periodically.
 *
 * <p>It never stops trading: activation only starts threads (the writer opens the database and retries while it
 * cannot), a configuration it cannot use or a schema it refuses leaves the store DISABLED with the reason in
 * {@link #status()}, and a configuration change restarts it (DS default); the new writer catches up from the
 * journal what was published meanwhile.
 */
@Component(service = {HistoryService.class, CommandResultListener.class}, configurationPid = "io.nautilus.history",
        immediate = true)
@Designate(ocd = HistoryConfig.class)
public final class HistoryManager implements HistoryService, CommandResultListener {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryManager.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TradingCoreService core;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TradingCoreAdminService coreAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JournalHistory journal;

    private final Object lock = new Object();
    private MarketDataService marketData;
    private Subscription bars;

    private volatile Store store;
    private volatile String disabled;

    /** Creates the component (DS). */
    public HistoryManager() {
    }

    @Activate
    void activate(HistoryConfig config, BundleContext context) {
        disabled = null;
        if (!config.enabled()) {
            disabled = "switched off (enabled = false in etc/io.nautilus.history.cfg)";
            JournalHistory j = journal;
            if (j != null) {
                j.release(HistoryWriter.HOLDER);
            }
            LOG.info("history store DISABLED: {}", disabled);
            return;
        }
        try {
            WriterSettings settings = new WriterSettings(config.queue_capacity(), config.batch_size(),
                    WriterSettings.DEFAULTS.retryMin(), WriterSettings.DEFAULTS.retryMax(),
                    WriterSettings.DEFAULTS.stopTimeout());
            int interval = config.positions_snapshot_interval_seconds();
            if (interval < 0) {
                throw new IllegalArgumentException("positions.snapshot.interval.seconds " + interval
                        + " must be 0 (off) or more");
            }
            HistoryDatabase.Opened db = HistoryDatabase.open(config.url(), config.user(), config.password(),
                    config.poolSize(), folder(config.folder(), context));
            HistoryWriter writer = new HistoryWriter(db.dataSource(), db.sink(), SchemaMigrator.current(), settings,
                    new Link(), db.description());
            Store started = new Store(db, writer, new JdbcHistoryService(db.dataSource(), writer));
            writer.start();
            if (interval > 0) {
                started.sampler.scheduleAtFixedRate(() -> samplePositions(writer), 0, interval, TimeUnit.SECONDS);
            }
            store = started;
            synchronized (lock) {
                subscribeBars();
            }
            LOG.info("history store: {} ({} rows, queue {}, batch {}, positions every {} s)", db.description(),
                    db.sink().name(), settings.queueCapacity(), settings.batchSize(), interval);
        } catch (RuntimeException e) {
            disabled = "cannot start with etc/io.nautilus.history.cfg: " + e.getMessage();
            LOG.error("history store DISABLED: {}; trading goes on without history", disabled);
        }
    }

    @Deactivate
    void deactivate() {
        Store stopping = store;
        store = null;
        synchronized (lock) {
            closeBars();
        }
        if (stopping != null) {
            stopping.close();
        }
    }

    private static Path folder(String folder, BundleContext context) {
        Path path = Path.of(folder.isBlank() ? "data/nautilus/history" : folder.strip());
        if (path.isAbsolute()) {
            return path;
        }
        String base = context == null ? null : context.getProperty("karaf.base");
        return base == null ? path.toAbsolutePath() : Path.of(base).resolve(path);
    }

    private void samplePositions(HistoryWriter writer) {
        TradingCoreService c = core;
        if (c == null) {
            return;
        }
        try {
            List<PositionView> positions = c.positions(null);
            if (!positions.isEmpty()) {
                writer.offerPositions(HistoryTables.nanos(Instant.now()), positions);
            }
        } catch (RuntimeException e) {
            LOG.debug("history store: cannot sample the core's positions: {}", e.getMessage());
        }
    }

    // ---- market data: completed bars

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindMarketData")
    void bindMarketData(MarketDataService service) {
        synchronized (lock) {
            closeBars();
            marketData = service;
            subscribeBars();
        }
    }

    void unbindMarketData(MarketDataService service) {
        synchronized (lock) {
            if (marketData == service) {
                closeBars();
                marketData = null;
            }
        }
    }

    private void subscribeBars() {
        Store s = store;
        if (marketData == null || s == null || bars != null) {
            return;
        }
        HistoryWriter writer = s.writer;
        bars = marketData.subscribeDirect("history", new MarketDataSubscriber() {
            @Override
            public void onBar(BarSpec spec, Bar bar) {
                writer.offerBar(interval(spec), bar);
            }
        });
    }

    private void closeBars() {
        if (bars != null) {
            bars.close();
            bars = null;
        }
    }

    /**
     * The text of a bar spec, as {@code etc/io.nautilus.marketdata.cfg} writes it.
     *
     * @param spec a bar spec
     * @return e.g. {@code time:1m}, {@code time:250ms}, {@code ticks:100}, {@code volume:5000}
     */
    static String interval(BarSpec spec) {
        return switch (spec.type()) {
            case TICK -> "ticks:" + spec.size();
            case VOLUME -> "volume:" + spec.size();
            case TIME -> "time:" + duration(spec.size());
        };
    }

    private static String duration(long nanos) {
        long[] units = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};
        String[] names = {"h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (nanos % units[i] == 0) {
                return nanos / units[i] + names[i];
            }
        }
        return nanos + "ns";
    }

    // ---- CommandResultListener: to the writer, never blocking

    @Override
    public void onCommandResult(CommandResult result) {
        Store s = store;
        if (s != null) {
            s.writer.onCommandResult(result);
        }
    }

    @Override
    public void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
        Store s = store;
        if (s != null) {
            s.writer.onInstrumentDefined(seq, timestampNanos, instrument);
        }
    }

    @Override
    public void onAccountDefined(long seq, long timestampNanos, AccountView account, long capital) {
        Store s = store;
        if (s != null) {
            s.writer.onAccountDefined(seq, timestampNanos, account, capital);
        }
    }

    // ---- HistoryService

    @Override
    public List<OrderEvent> orders(HistoryQuery query) {
        return service().orders(query);
    }

    @Override
    public List<FillEvent> fills(HistoryQuery query) {
        return service().fills(query);
    }

    @Override
    public List<PositionSnapshot> positions(HistoryQuery query) {
        return service().positions(query);
    }

    @Override
    public List<BarRecord> bars(HistoryQuery query) {
        return service().bars(query);
    }

    @Override
    public List<AlertRecord> alerts(HistoryQuery query) {
        return service().alerts(query);
    }

    @Override
    public List<InstrumentRecord> instruments() {
        return service().instruments();
    }

    @Override
    public List<AccountRecord> accounts() {
        return service().accounts();
    }

    @Override
    public List<BacktestRun> backtestRuns(HistoryQuery query) {
        return service().backtestRuns(query);
    }

    @Override
    public boolean recordAlert(Alert alert) {
        Store s = store;
        return s != null && s.service.recordAlert(alert);
    }

    @Override
    public boolean recordNotification(NotificationRecord record) {
        Store s = store;
        return s != null && s.service.recordNotification(record);
    }

    @Override
    public List<NotificationRecord> notifications(HistoryQuery query) {
        return service().notifications(query);
    }

    @Override
    public void recordBacktestRun(BacktestRun run) {
        service().recordBacktestRun(run);
    }

    @Override
    public HistoryStatus status() {
        Store s = store;
        if (s != null) {
            return s.writer.status();
        }
        String reason = disabled;
        return new HistoryStatus(reason == null ? "STOPPED" : "DISABLED", "none", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                reason, null);
    }

    private JdbcHistoryService service() {
        Store s = store;
        if (s == null) {
            String reason = disabled;
            throw new HistoryUnavailableException("the history store is " + (reason == null ? "STOPPED"
                    : "DISABLED: " + reason), null);
        }
        return s.service;
    }

    /** The core as the writer sees it: each service read when asked, absent while the core is not there. */
    private final class Link implements CoreLink {
        @Override
        public int priceScale(InstrumentId instrument) {
            TradingCoreService c = core;
            return c == null ? OrderEvent.UNKNOWN_SCALE
                    : c.instrument(instrument).map(Instrument::priceScale).orElse(OrderEvent.UNKNOWN_SCALE);
        }

        @Override
        public int quantityScale(InstrumentId instrument) {
            TradingCoreService c = core;
            return c == null ? OrderEvent.UNKNOWN_SCALE
                    : c.instrument(instrument).map(Instrument::quantityScale).orElse(OrderEvent.UNKNOWN_SCALE);
        }

        @Override
        public int moneyScale() {
            TradingCoreAdminService admin = coreAdmin;
            if (admin == null) {
                return OrderEvent.UNKNOWN_SCALE;
            }
            List<AccountRiskView> risk = admin.accountRisk();
            return risk.isEmpty() ? OrderEvent.UNKNOWN_SCALE : risk.get(0).moneyScale();
        }

        @Override
        public JournalHistory journal() {
            return journal;
        }
    }

    /** One running store: its database, writer, queries and position sampler. */
    private static final class Store {
        private final HistoryDatabase.Opened db;
        private final HistoryWriter writer;
        private final JdbcHistoryService service;
        private final ScheduledExecutorService sampler;

        Store(HistoryDatabase.Opened db, HistoryWriter writer, JdbcHistoryService service) {
            this.db = db;
            this.writer = writer;
            this.service = service;
            this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "nautilus-history-positions");
                t.setDaemon(true);
                return t;
            });
        }

        void close() {
            sampler.shutdownNow();
            writer.close();
            try {
                db.closer().close();
            } catch (Exception e) {
                LOG.warn("history store: closing {} failed: {}", db.description(), e.getMessage());
            }
            LOG.info("history store stopped ({}; written up to core seq {})", db.description(),
                    writer.status().writtenSeq());
        }
    }
}
