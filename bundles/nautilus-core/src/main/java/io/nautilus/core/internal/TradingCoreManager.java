package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.api.VenueReport;
import io.nautilus.core.api.VenueOrderRouter;
import io.nautilus.core.api.VenueExecutionService;
import io.nautilus.core.TradingState;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.api.JournalHistory;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.core.api.CoreMetrics;
import io.nautilus.core.api.CoreMetricsService;
import io.nautilus.core.api.JournalInfo;
import io.nautilus.core.api.LatencySnapshot;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.AccountRiskView;
import io.nautilus.core.api.RiskLimitView;
import io.nautilus.core.api.Scope;
import io.nautilus.core.api.TradingCoreAdminService;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.core.api.TradingStateView;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.matching.LevelView;
import io.nautilus.core.pipeline.CommandTranslator;
import io.nautilus.core.pipeline.CorePipeline;
import io.nautilus.core.pipeline.PipelineConfig;
import io.nautilus.core.pipeline.PipelineStats;
import io.nautilus.core.position.AccountTotals;
import io.nautilus.core.risk.RiskEngine;
import io.nautilus.core.risk.RiskLimits;
import io.nautilus.core.risk.ScopeState;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.agrona.collections.ArrayUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading core in OSGi: owns the {@link CorePipeline} and its {@link TradingEngine}, recovers them from the
 * journal at activation, and offers them as {@link TradingCoreService} and {@link TradingCoreAdminService}. Orders
 * and admin changes are published into the ring; reads run as queries on the writer thread between commands.
 * Execution reports go to every {@link ExecutionReportListener} service from the publish thread, and results with
 * their seq (and definitions) to every {@link CommandResultListener}; the journal is offered as
 * {@link JournalHistory} (replays on the caller's thread, holds).
 */
@Component(service = {TradingCoreService.class, TradingCoreAdminService.class, VenueExecutionService.class,
        JournalHistory.class, CoreMetricsService.class, TradingCoreManager.class},
        configurationPid = "io.nautilus.core", immediate = true)
@Designate(ocd = TradingCoreConfig.class)
public final class TradingCoreManager implements TradingCoreService, TradingCoreAdminService, VenueExecutionService,
        JournalHistory, CoreMetricsService {

    private static final Logger LOG = LoggerFactory.getLogger(TradingCoreManager.class);
    private static final long QUERY_TIMEOUT_SECONDS = 10;

    /** Copy-on-write arrays (written under {@link #listenerLock}): the publish thread loops without an iterator. */
    private volatile ExecutionReportListener[] listeners = new ExecutionReportListener[0];
    private volatile CommandResultListener[] resultListeners = new CommandResultListener[0];
    private final Object listenerLock = new Object();
    private final JournalHolds holds = new JournalHolds();
    private final Function<Registry.InstrumentDef, Instrument> instrumentOf = this::toInstrument;
    /** Exceptions thrown by result listeners (publish thread). */
    private long resultListenerFailures;
    /** The report builder of the running pipeline (publish thread state; a snapshot part). */
    private volatile ReportBuilder reports = new ReportBuilder();
    private final AtomicLong nextOrderId = new AtomicLong(1);

    private volatile TradingEngine engine;
    private volatile CorePipeline<TradingEngine> pipeline;
    private volatile List<String> recoveryReport = List.of();
    private int moneyScale = 2;
    private int finishedOrdersKept;
    /** The order memory of the running pipeline; written on its publish thread only (see {@link OrderMemory}). */
    private volatile OrderMemory memory;
    private final CoreAlerts alerts = new CoreAlerts();
    private final java.util.function.Supplier<Registry.View> viewOf = this::currentView;
    private final CoreClock clock = new CoreClock(() -> pipeline, alerts, this::checkBreaches);
    private final VenueCommandPublisher venueCommands = new VenueCommandPublisher();
    private final ConfigApplier applier = new ConfigApplier(new ConfigApplier.Core() {
        @Override
        public Registry.View registry() {
            return TradingCoreManager.this.registry();
        }

        @Override
        public CompletableFuture<CommandResult> send(java.util.function.Consumer<Command> filler) {
            return TradingCoreManager.this.send(filler);
        }

        @Override
        public <T> T query(Function<TradingEngine, T> function) {
            return TradingCoreManager.this.query(function);
        }

        @Override
        public void checkBreaches(String cause) {
            TradingCoreManager.this.checkBreaches(cause);
        }

        @Override
        public int moneyScale() {
            return moneyScale;
        }
    });

    /** Creates the component (DS). */
    public TradingCoreManager() {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ExecutionReportListener listener) {
        synchronized (listenerLock) {
            listeners = ArrayUtil.add(listeners, listener);
        }
    }

    void removeListener(ExecutionReportListener listener) {
        synchronized (listenerLock) {
            listeners = ArrayUtil.remove(listeners, listener);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResultListener(CommandResultListener listener) {
        synchronized (listenerLock) {
            resultListeners = ArrayUtil.add(resultListeners, listener);
        }
    }

    void removeResultListener(CommandResultListener listener) {
        synchronized (listenerLock) {
            resultListeners = ArrayUtil.remove(resultListeners, listener);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAlertService(AlertService service) {
        alerts.bind(service);
    }

    void unbindAlertService(AlertService service) {
        alerts.unbind(service);
    }

    /** @return the core's alerts, for tests in this package */
    CoreAlerts alerts() {
        return alerts;
    }

    private volatile CoreSettings settings;

    /**
     * Starts the core with its configuration: an invalid one is logged and the core does not start.
     *
     * @param config the typed configuration of {@code etc/io.nautilus.core.cfg}
     * @throws IOException if recovery from the journal fails
     */
    @Activate
    void activate(TradingCoreConfig config) throws IOException {
        CoreSettings parsed;
        try {
            parsed = CoreSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("etc/io.nautilus.core.cfg is invalid, the trading core does not start: {}", e.getMessage());
            throw e;
        }
        run(parsed);
    }

    /**
     * A saved change of {@code etc/io.nautilus.core.cfg}: an invalid file is logged and changes nothing (the core
     * keeps running as it was); a valid change restarts the core with it (drain, stop, recover from the journal).
     */
    @Modified
    void modified(TradingCoreConfig config) throws IOException {
        CoreSettings parsed;
        try {
            parsed = CoreSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("etc/io.nautilus.core.cfg not applied, the trading core keeps its settings: {}", e.getMessage());
            return;
        }
        if (parsed.equals(settings)) {
            return;
        }
        LOG.info("etc/io.nautilus.core.cfg changed: restarting the trading core (drain, stop, recover)");
        deactivate();
        run(parsed);
    }

    private void run(CoreSettings parsed) throws IOException {
        moneyScale = parsed.moneyScale();
        finishedOrdersKept = parsed.finishedOrdersKept();
        start(parsed.pipeline());
        clock.start(parsed.tickMillis(), parsed.dayEnd(), parsed.zone());
        settings = parsed;
    }

    /**
     * Builds and starts engine and pipeline (also used by tests outside OSGi).
     *
     * @param config pipeline settings
     * @throws IOException if recovery fails
     */
    void start(PipelineConfig config) throws IOException {
        TradingEngine e = new TradingEngine(moneyScale);
        List<String> report = new CopyOnWriteArrayList<>();
        OrderMemory m = new OrderMemory(finishedOrdersKept);
        memory = m;
        ReportBuilder rb = new ReportBuilder();
        reports = rb;
        CorePipeline<TradingEngine> p = new CorePipeline<>(config, e, e.snapshotParts(), this::onResult)
                .publishedParts(List.of(rb))
                .holds(holds::lowest);
        p.replayTo((c, endOfBatch) -> remember(m, c, rb.reports(c, e.registry().view(), c.timestamp)));
        alerts.moneyScale(moneyScale);
        io.nautilus.core.journal.Recovery.Result recovered;
        try {
            recovered = p.start();
        } catch (IOException | RuntimeException ex) {
            alerts.recoveryFailed(String.valueOf(ex.getMessage()));
            throw ex;
        }
        engine = e;
        pipeline = p;
        long max = query(TradingEngine::maxOrderId);
        applier.recovered(query(x -> x.risk().limits().limits()));
        nextOrderId.set(Math.max(max + 1, System.currentTimeMillis() * 1_000));
        report.add("recovered to seq " + recovered.lastSeq() + " (snapshot at seq " + recovered.snapshotSeq()
                + ", " + recovered.replayed() + " journal records replayed"
                + (recovered.tailRepaired() ? ", a torn or corrupt journal tail was cut off" : "")
                + (recovered.processorFailures() > 0 ? ", " + recovered.processorFailures() + " failed" : "") + ")");
        recoveryReport = List.copyOf(report);
        alerts.recovered(report.get(0), recovered.tailRepaired(), recovered.processorFailures());
        alerts.states(query(x -> x.risk().tradingStates()), e.registry().view());
        checkBreaches("after recovery");
        LOG.info("trading core started: {}; journal {}, wait strategy {}, fsync {}", report.get(0),
                config.journalDir(), config.waitStrategy(), config.fsync());
    }

    @Deactivate
    void deactivate() {
        clock.stop();
        CorePipeline<TradingEngine> p = pipeline;
        pipeline = null;
        if (p != null) {
            p.stop();
        }
    }

    // ------------------------------------------------------------------ results (publish thread)

    private void onResult(Command c, boolean endOfBatch) {
        alerts.onCommand(c, viewOf);
        TradingEngine running = engine;
        if (running != null && venueCommands.hasRouters()) {
            venueCommands.publish(c, running, applier.venues());
        }
        Object reply = c.reply;
        OrderMemory m = memory;
        boolean results = resultListeners.length > 0;
        ExecutionReportListener[] reportListeners = listeners;
        boolean wanted = reply instanceof CompletableFuture<?>
                || c.events.size() > 0 && (reportListeners.length > 0 || m != null || results);
        if (!wanted) {
            if (results && ResultDelivery.defines(c)) {
                deliver(c, null);
            }
            return;
        }
        TradingEngine e = engine;
        List<ExecutionReport> list;
        try {
            list = reports.reports(c, e == null ? new Registry().view() : e.registry().view(),
                    CoreClock.epochNanos());
        } catch (RuntimeException ex) {
            LOG.error("cannot build execution reports of command {}", c, ex);
            list = List.of();
        }
        CommandResult result = reply instanceof CompletableFuture<?> || results && !list.isEmpty()
                ? ResultDelivery.result(c, list) : null;
        if (reply instanceof CompletableFuture<?> future) {
            @SuppressWarnings("unchecked")
            CompletableFuture<CommandResult> f = (CompletableFuture<CommandResult>) future;
            f.complete(result);
        }
        for (ExecutionReportListener listener : reportListeners) {
            for (int i = 0, n = list.size(); i < n; i++) {
                ExecutionReport r = list.get(i);
                try {
                    listener.onExecutionReport(r);
                } catch (RuntimeException ex) {
                    LOG.warn("execution report listener {} failed on {}", listener, r, ex);
                }
            }
        }
        if (results) {
            deliver(c, list.isEmpty() ? null : result);
        }
        if (m != null) {
            remember(m, c, list);
        }
    }

    /** Hands a command's result and definition to every {@link CommandResultListener} (publish thread). */
    private void deliver(Command c, CommandResult result) {
        if (result == null && !ResultDelivery.defines(c)) {
            return;
        }
        for (CommandResultListener listener : resultListeners) {
            try {
                ResultDelivery.deliver(listener, c, result, instrumentOf);
            } catch (RuntimeException ex) {
                if (Long.bitCount(++resultListenerFailures) == 1) {
                    LOG.warn("command result listener {} failed on seq {} ({} failures so far; logged at powers of"
                            + " two); publishing goes on", listener, c.seq, resultListenerFailures, ex);
                }
            }
        }
    }

    private static void remember(OrderMemory m, Command c, List<ExecutionReport> list) {
        try {
            m.record(c, list);
        } catch (RuntimeException ex) {
            LOG.error("order memory failed on command {}", c, ex);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRouter(VenueOrderRouter router) {
        venueCommands.add(router);
    }

    void removeRouter(VenueOrderRouter router) {
        venueCommands.remove(router);
    }

    @Override
    public CompletableFuture<CommandResult> submit(NewOrder order, VenueId venue) {
        if (venue == null) {
            return submit(order);
        }
        return submitTo(order, venue.value());
    }

    @Override
    public CompletableFuture<CommandResult> venueReport(VenueReport report) {
        OrderEntry entry = OrderEntry.get();
        entry.report = report;
        return send(OrderEntry.VENUE_REPORT, entry);
    }

    // ------------------------------------------------------------------ publishing

    private CorePipeline<TradingEngine> running() {
        CorePipeline<TradingEngine> p = pipeline;
        if (p == null || !p.isRunning()) {
            throw new IllegalStateException("the trading core is not running");
        }
        return p;
    }

    private CompletableFuture<CommandResult> send(java.util.function.Consumer<Command> filler) {
        CompletableFuture<CommandResult> future = new CompletableFuture<>();
        try {
            running().publish(c -> {
                filler.accept(c);
                c.reply = future;
            });
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    /**
     * Publishes an order-entry command through a static translator (nothing allocated but the future), then clears
     * the entry.
     */
    private CompletableFuture<CommandResult> send(CommandTranslator<OrderEntry> translator, OrderEntry entry) {
        CompletableFuture<CommandResult> future = new CompletableFuture<>();
        entry.reply = future;
        try {
            running().publish(translator, entry);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        } finally {
            entry.clear();
        }
        return future;
    }

    private static CompletableFuture<CommandResult> rejected(RejectReason reason, String detail) {
        return CompletableFuture.completedFuture(new CommandResult(0, 0, reason, detail, 0, 0, List.of()));
    }

    private <T> T query(Function<TradingEngine, T> function) {
        return awaitQuery(running().query(function::apply));
    }

    /** The answer of a query to the pipeline, waited for at most {@value #QUERY_TIMEOUT_SECONDS} s. */
    private static <T> T awaitQuery(CompletableFuture<T> answer) {
        try {
            return answer.get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while querying the trading core", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("trading core query failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the trading core did not answer within " + QUERY_TIMEOUT_SECONDS + " s");
        }
    }

    private Registry.View currentView() {
        TradingEngine e = engine;
        return e == null ? new Registry().view() : e.registry().view();
    }

    /**
     * Asks the risk engine which limits are already breached and raises or resolves their alerts, off the pipeline's
     * threads (the answer is handled on the common pool).
     *
     * @param cause what made the check run, for the alert's text
     */
    private void checkBreaches(String cause) {
        CorePipeline<TradingEngine> p = pipeline;
        TradingEngine e = engine;
        if (p == null || e == null || !p.isRunning()) {
            return;
        }
        try {
            p.query(x -> x.risk().breaches()).whenCompleteAsync((breaches, error) -> {
                if (error == null) {
                    alerts.breaches(breaches, e.registry().view(), cause);
                } else {
                    LOG.debug("risk limit breach check failed", error);
                }
            });
        } catch (RuntimeException ex) {
            LOG.debug("risk limit breach check not run: {}", ex.getMessage());
        }
    }

    private Registry.View registry() {
        TradingEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("the trading core is not running");
        }
        return e.registry().view();
    }

    // ------------------------------------------------------------------ TradingCoreService

    @Override
    public CompletableFuture<CommandResult> submit(NewOrder order) {
        return submitTo(order, null);
    }

    /** A NEW command; {@code venue} (journaled in the command's text) picks the venue of an external order. */
    private CompletableFuture<CommandResult> submitTo(NewOrder order, String venue) {
        Registry.View view = registry();
        int account = view.accountId(order.account().value());
        if (account < 0) {
            return rejected(RejectReason.UNKNOWN_ACCOUNT, "account " + order.account().value());
        }
        int instrument = view.instrumentId(order.instrument().value());
        if (instrument < 0) {
            return rejected(RejectReason.UNKNOWN_INSTRUMENT, "instrument " + order.instrument().value());
        }
        OrderEntry entry = OrderEntry.get();
        entry.order = order;
        entry.orderId = nextOrderId.getAndIncrement();
        entry.account = account;
        entry.instrument = instrument;
        entry.venue = venue;
        return send(OrderEntry.NEW, entry);
    }

    @Override
    public CompletableFuture<CommandResult> cancel(long orderId) {
        OrderEntry entry = OrderEntry.get();
        entry.orderId = orderId;
        return send(OrderEntry.CANCEL, entry);
    }

    @Override
    public CompletableFuture<CommandResult> replace(long orderId, long newPrice, long newQuantity) {
        OrderEntry entry = OrderEntry.get();
        entry.orderId = orderId;
        entry.price = newPrice;
        entry.qty = newQuantity;
        return send(OrderEntry.REPLACE, entry);
    }

    @Override
    public CompletableFuture<CommandResult> reduce(long orderId, long quantity) {
        OrderEntry entry = OrderEntry.get();
        entry.orderId = orderId;
        entry.qty = quantity;
        return send(OrderEntry.REDUCE, entry);
    }

    @Override
    public CompletableFuture<CommandResult> mark(InstrumentId instrument, long price) {
        int id = registry().instrumentId(instrument.value());
        if (id < 0) {
            return rejected(RejectReason.UNKNOWN_INSTRUMENT, "instrument " + instrument.value());
        }
        if (price <= 0) {
            return rejected(RejectReason.INVALID_ORDER, "mark price " + price + " must be greater than zero");
        }
        OrderEntry entry = OrderEntry.get();
        entry.instrument = id;
        entry.price = price;
        return send(OrderEntry.MARK, entry);
    }

    @Override
    public List<Instrument> instruments() {
        List<Instrument> list = new ArrayList<>();
        for (Registry.InstrumentDef d : registry().instruments()) {
            list.add(toInstrument(d));
        }
        list.sort((a, b) -> a.symbol().compareTo(b.symbol()));
        return list;
    }

    // ------------------------------------------------------------------ JournalHistory

    @Override
    public long replay(long afterSeq, long toSeq, CommandResultListener listener) throws IOException {
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq " + afterSeq + " must not be negative");
        }
        java.util.Objects.requireNonNull(listener, "listener");
        CorePipeline<TradingEngine> p = running();
        long end = Math.min(toSeq, readableSeq(p));
        return new JournalReplay(p.config().journalDir(), moneyScale, instrumentOf)
                .replay(afterSeq, end, listener);
    }

    @Override
    public void hold(String holder, long seq) {
        holds.hold(holder, seq);
    }

    @Override
    public void release(String holder) {
        holds.release(holder);
    }

    @Override
    public long durableSeq() {
        return readableSeq(running());
    }

    /**
     * The journal's durable end: what was forced, or with fsync {@code none} (which never forces) what was handed to
     * the OS, as durable as that policy makes anything.
     */
    private static long readableSeq(CorePipeline<TradingEngine> p) {
        return p.config().fsync() == io.nautilus.core.journal.FsyncPolicy.NONE ? p.journaledSeq() : p.durableSeq();
    }

    private Instrument toInstrument(Registry.InstrumentDef d) {
        return CoreViews.instrument(d, applier.venues(), applier.currencies());
    }


    @Override
    public Optional<Instrument> instrument(InstrumentId instrument) {
        Registry.View view = registry();
        Registry.InstrumentDef d = view.instrument(view.instrumentId(instrument.value()));
        return d == null ? Optional.empty() : Optional.of(toInstrument(d));
    }

    @Override
    public List<AccountView> accounts() {
        Registry.View view = registry();
        List<ScopeState> states = query(e -> e.risk().tradingStates());
        List<AccountView> list = new ArrayList<>();
        for (Registry.AccountDef d : view.accounts()) {
            CoreTradingState state = CoreTradingState.ACTIVE;
            for (ScopeState s : states) {
                if (s.account() == d.id() && s.instrument() == Command.ANY) {
                    state = CoreTradingState.valueOf(s.state().name());
                }
            }
            list.add(new AccountView(AccountId.of(d.name()), d.stp().name().toLowerCase().replace('_', '-'), state));
        }
        list.sort((a, b) -> a.account().value().compareTo(b.account().value()));
        return list;
    }

    @Override
    public Optional<OrderView> order(long orderId) {
        Registry.View view = registry();
        return query(e -> e.matching().order(orderId)).map(o -> CoreViews.toView(o, view));
    }

    @Override
    public List<OrderView> orders(OrderFilter filter) {
        Registry.View view = registry();
        int account = filter.account() == null ? Command.ANY : view.accountId(filter.account().value());
        int instrument = filter.instrument() == null ? Command.ANY : view.instrumentId(filter.instrument().value());
        if ((filter.account() != null && account < 0) || (filter.instrument() != null && instrument < 0)) {
            return List.of();
        }
        List<io.nautilus.core.matching.OrderView> all = query(e -> e.matching().workingOrders());
        List<OrderView> list = new ArrayList<>();
        for (io.nautilus.core.matching.OrderView o : all) {
            if ((account != Command.ANY && o.account() != account)
                    || (instrument != Command.ANY && o.instrument() != instrument)
                    || (filter.side() != null && o.side() != filter.side())) {
                continue;
            }
            list.add(CoreViews.toView(o, view));
            if (filter.limit() > 0 && list.size() >= filter.limit()) {
                break;
            }
        }
        return list;
    }

    @Override
    public List<OrderView> workingAt(VenueId venue) {
        Registry.View view = registry();
        List<Map.Entry<io.nautilus.core.matching.OrderView, String>> all = query(e -> {
            List<Map.Entry<io.nautilus.core.matching.OrderView, String>> named = new ArrayList<>();
            for (Map.Entry<io.nautilus.core.matching.OrderView, Integer> entry : e.matching().venueOrders()) {
                named.add(Map.entry(entry.getKey(), String.valueOf(e.matching().venueName(entry.getValue()))));
            }
            return named;
        });
        // every order listed was routed by a command the business thread has processed; its venue command (the NEW)
        // goes to the routers on the publish thread, maybe not yet. Waiting for the publish thread to pass these
        // commands means every listed order's NEW is with the venue layer before the caller asks the venue about it
        // (a reconciliation's status request ahead of the NEW made the venue answer "unknown order", and the core
        // rejected an order the venue then took)
        queryPublished(() -> Boolean.TRUE);
        List<OrderView> list = new ArrayList<>();
        for (Map.Entry<io.nautilus.core.matching.OrderView, String> entry : all) {
            Registry.InstrumentDef instrument = view.instrument(entry.getKey().instrument());
            String chosen = entry.getValue();
            String at = !"null".equals(chosen) ? chosen
                    : instrument == null ? null
                    : applier.venues().getOrDefault(instrument.symbol(), VenueCommandPublisher.DEFAULT_VENUE);
            if (venue.value().equals(at)) {
                list.add(CoreViews.toView(entry.getKey(), view));
            }
        }
        return list;
    }

    @Override
    public Optional<OrderHistory> orderHistory(long orderId) {
        OrderMemory m = memory;
        OrderHistory remembered = m == null ? null : queryPublished(() -> m.get(orderId));
        if (remembered != null && remembered.type() != null) {
            return Optional.of(remembered);
        }
        Optional<OrderView> working = order(orderId);
        if (working.isEmpty()) {
            return Optional.ofNullable(remembered);
        }
        return Optional.of(CoreViews.fromWorking(working.get(), remembered));
    }

    @Override
    public List<OrderHistory> orderHistories(OrderFilter filter, OrderStateFilter state) {
        OrderMemory m = memory;
        if (m == null) {
            throw new IllegalStateException("the trading core is not running");
        }
        OrderFilter all = new OrderFilter(filter.account(), filter.instrument(), filter.side(), 0);
        List<OrderHistory> remembered = queryPublished(() -> m.list(all, state));
        List<OrderHistory> list = new ArrayList<>(remembered.size());
        Map<Long, OrderHistory> byId = new HashMap<>();
        for (OrderHistory h : remembered) {
            byId.put(h.orderId(), h);
        }
        if (state == OrderStateFilter.WORKING || state == OrderStateFilter.ALL) {
            // orders working since before the last start, and headers the memory did not see
            for (OrderView working : orders(all)) {
                OrderHistory h = byId.get(working.orderId());
                if (h == null || h.type() == null) {
                    byId.put(working.orderId(), CoreViews.fromWorking(working, h));
                }
            }
        }
        list.addAll(byId.values());
        list.sort(java.util.Comparator.comparingLong(OrderHistory::orderId));
        return filter.limit() > 0 && list.size() > filter.limit() ? List.copyOf(list.subList(0, filter.limit()))
                : list;
    }

    @Override
    public int finishedOrdersKept() {
        return finishedOrdersKept;
    }

    private <T> T queryPublished(java.util.function.Supplier<T> function) {
        return awaitQuery(running().queryPublished(function));
    }

    @Override
    public Optional<PositionView> position(AccountId account, InstrumentId instrument) {
        Registry.View view = registry();
        int a = view.accountId(account.value());
        int i = view.instrumentId(instrument.value());
        if (a < 0 || i < 0) {
            return Optional.empty();
        }
        io.nautilus.core.position.PositionView p = query(e -> e.positions().view(a, i));
        return p == null ? Optional.empty() : Optional.of(CoreViews.toView(p, view));
    }

    @Override
    public List<PositionView> positions(AccountId account) {
        Registry.View view = registry();
        int a = account == null ? Command.ANY : view.accountId(account.value());
        if (account != null && a < 0) {
            return List.of();
        }
        List<io.nautilus.core.position.PositionView> all = query(e -> a == Command.ANY
                ? e.positions().allPositions() : e.positions().positions(a));
        List<PositionView> list = new ArrayList<>();
        for (io.nautilus.core.position.PositionView p : all) {
            list.add(CoreViews.toView(p, view));
        }
        return list;
    }

    @Override
    public List<AccountPnl> pnl(AccountId account) {
        Registry.View view = registry();
        int only = account == null ? Command.ANY : view.accountId(account.value());
        if (account != null && only < 0) {
            return List.of();
        }
        record Row(AccountTotals totals, int working) {
        }
        List<Row> rows = query(e -> {
            List<Row> r = new ArrayList<>();
            for (int a : e.positions().accounts()) {
                if (only == Command.ANY || a == only) {
                    r.add(new Row(e.positions().totals(a), e.risk().workingOrders(a)));
                }
            }
            return r;
        });
        List<AccountPnl> list = new ArrayList<>();
        for (Row r : rows) {
            Registry.AccountDef a = view.account(r.totals().account());
            AccountTotals t = r.totals();
            list.add(new AccountPnl(AccountId.of(a == null ? "#" + t.account() : a.name()), t.realised(),
                    t.unrealised(), t.fees(), t.grossExposure(), t.openPositions(), r.working()));
        }
        return list;
    }

    @Override
    public BookView book(InstrumentId instrument, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth " + depth + " must be at least 1");
        }
        int id = registry().instrumentId(instrument.value());
        if (id < 0) {
            throw new IllegalArgumentException("unknown instrument " + instrument.value());
        }
        record Top(List<LevelView> bids, List<LevelView> asks, long last) {
        }
        Top top = query(e -> new Top(e.matching().depth(id, io.nautilus.api.Side.BUY, depth),
                e.matching().depth(id, io.nautilus.api.Side.SELL, depth), e.matching().lastTradePrice(id)));
        return new BookView(instrument, CoreViews.levels(top.bids()), CoreViews.levels(top.asks()),
                top.last() == FixedPoint.NULL ? 0 : top.last(), 0);
    }

    // ------------------------------------------------------------------ TradingCoreAdminService

    private int[] scope(Scope scope) {
        Registry.View view = registry();
        int a = scope.account() == null ? Command.ANY : view.accountId(scope.account().value());
        int i = scope.instrument() == null ? Command.ANY : view.instrumentId(scope.instrument().value());
        if (scope.account() != null && a < 0) {
            throw new IllegalArgumentException("unknown account " + scope.account().value());
        }
        if (scope.instrument() != null && i < 0) {
            throw new IllegalArgumentException("unknown instrument " + scope.instrument().value());
        }
        return new int[] {a, i};
    }

    @Override
    public CompletableFuture<CommandResult> setTradingState(Scope scope, CoreTradingState state) {
        int[] ids;
        try {
            ids = scope(scope);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(c -> {
            c.op = Op.SET_TRADING_STATE;
            c.account = ids[0];
            c.instrument = ids[1];
            c.flags = TradingState.valueOf(state.name()).ordinal();
        });
    }

    @Override
    public CompletableFuture<CommandResult> kill(Scope scope) {
        int[] ids;
        try {
            ids = scope(scope);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        LOG.warn("kill switch engaged for {}", scope);
        return send(c -> {
            c.op = Op.KILL;
            c.account = ids[0];
            c.instrument = ids[1];
        });
    }

    @Override
    public List<TradingStateView> tradingStates() {
        Registry.View view = registry();
        List<ScopeState> states = query(e -> e.risk().tradingStates());
        List<TradingStateView> list = new ArrayList<>();
        for (ScopeState s : states) {
            boolean global = s.account() == Command.ANY && s.instrument() == Command.ANY;
            if (!global && s.state() == TradingState.ACTIVE) {
                continue;
            }
            Registry.AccountDef a = view.account(s.account());
            Registry.InstrumentDef i = view.instrument(s.instrument());
            list.add(new TradingStateView(new Scope(a == null ? null : AccountId.of(a.name()),
                    i == null ? null : InstrumentId.of(i.symbol())), CoreTradingState.valueOf(s.state().name())));
        }
        return list;
    }

    @Override
    public List<RiskLimitView> riskLimits() {
        List<RiskLimitView> list = new ArrayList<>();
        for (RiskLimits.Entry entry : applier.limits().entries()) {
            list.add(new RiskLimitView(entry.scope(), entry.limit(),
                    entry.value() == null ? "unlimited" : entry.value().toPlainString()));
        }
        return list;
    }

    @Override
    public List<AccountRiskView> accountRisk() {
        Registry.View view = registry();
        int scale = moneyScale;
        return query(e -> {
            List<AccountRiskView> rows = new ArrayList<>();
            for (Registry.AccountDef a : view.accounts()) {
                RiskEngine risk = e.risk();
                long gross = risk.grossExposure(a.id());
                long equity = risk.equity(a.id());
                String largest = null;
                long largestExposure = 0;
                for (Registry.InstrumentDef i : view.instruments()) {
                    long exposure = risk.exposure(a.id(), i.id());
                    if (exposure > largestExposure) {
                        largest = i.symbol();
                        largestExposure = exposure;
                    }
                }
                rows.add(new AccountRiskView(a.name(), scale, risk.capital(a.id()), equity, gross,
                        equity <= 0 ? -1 : RiskEngine.ratio(gross, equity), largest,
                        largest == null ? 0 : RiskEngine.ratio(largestExposure, gross)));
            }
            rows.sort(java.util.Comparator.comparing(AccountRiskView::account));
            return rows;
        });
    }

    @Override
    public CompletableFuture<Long> snapshot() {
        try {
            return running().snapshot();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CoreMetrics metrics() {
        CorePipeline<TradingEngine> p = pipeline;
        if (p == null) {
            return new CoreMetrics("STOPPED", 0, 0, 0, 0, 0, 0, 0, 0, LatencySnapshot.EMPTY, LatencySnapshot.EMPTY,
                    LatencySnapshot.EMPTY, LatencySnapshot.EMPTY);
        }
        return p.metrics();
    }

    @Override
    public JournalInfo journalInfo() {
        CorePipeline<TradingEngine> p = running();
        PipelineStats s = p.stats();
        PipelineConfig config = p.config();
        List<String> segments = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(config.journalDir())) {
            for (Path f : dir) {
                String name = f.getFileName().toString();
                if (name.startsWith("journal-")) {
                    segments.add(name);
                } else if (name.startsWith("snapshot-") && name.endsWith(".bin")) {
                    snapshots.add(name);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the journal folder {}", config.journalDir(), e);
        }
        segments.sort(null);
        snapshots.sort(null);
        String fsync = switch (config.fsync()) {
            case BATCH -> "BATCH (forced at the end of every batch: nothing acknowledged is lost)";
            case PERIODIC -> "PERIODIC (forced every " + config.fsyncPeriod().toMillis()
                    + " ms: up to that much can be lost on power loss)";
            case NONE -> "NONE (the OS writes back: survives a process crash, not a power loss)";
        };
        return new JournalInfo(config.journalDir().toString(), fsync, s.journaledSeq(), segments, s.journalBytes(),
                snapshots, s.lastSnapshotSeq(), s.recoveredSeq(), recoveryReport, s.processedCount(),
                s.ringRemainingCapacity());
    }

    @Override
    public String pipelineInfo() {
        CorePipeline<TradingEngine> p = running();
        PipelineStats s = p.stats();
        PipelineConfig c = p.config();
        return "state " + s.state() + ", layout " + s.layout() + ", wait strategy " + c.waitStrategy().name().toLowerCase().replace('_', '-')
                + ", ring " + s.ringSize() + " slots (" + s.ringRemainingCapacity() + " free), processed seq "
                + s.processedSeq() + ", journaled seq " + s.journaledSeq() + ", durable seq " + s.durableSeq()
                + ", fsyncs " + s.fsyncCount() + (s.processorFailures() > 0 ? ", processor failures "
                + s.processorFailures() : "") + (s.journalFailure() != null ? ", JOURNAL FAILED: "
                + s.journalFailure() : "") + ", pinning " + s.pinning();
    }

    // ------------------------------------------------------------------ configuration (config components)

    /**
     * Applies the instruments configuration (see {@link ConfigApplier#applyInstruments}).
     *
     * @param properties the configuration
     * @throws IllegalArgumentException if the configuration is invalid (nothing is changed)
     */
    void applyInstruments(Map<String, ?> properties) {
        applier.applyInstruments(properties);
    }

    /**
     * Applies the accounts configuration (see {@link ConfigApplier#applyAccounts}).
     *
     * @param properties the configuration
     * @throws IllegalArgumentException if the configuration is invalid (nothing is changed)
     */
    void applyAccounts(Map<String, ?> properties) {
        applier.applyAccounts(properties);
    }

    /**
     * Applies the risk limits configuration (see {@link ConfigApplier#applyRiskLimits}).
     *
     * @param properties the configuration
     * @throws IllegalArgumentException if the configuration is invalid or has no limits without saying
     *                                  {@code limits.none = true} (the old limits stay)
     */
    void applyRiskLimits(Map<String, ?> properties) {
        applier.applyRiskLimits(properties);
    }
}
