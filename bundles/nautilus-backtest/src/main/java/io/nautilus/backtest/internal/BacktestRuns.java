package io.nautilus.backtest.internal;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestState;
import io.nautilus.backtest.engine.StrategyCatalog;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.HistoryService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's backtests while the service is active: checks requests, queues them on its own low-priority
 * threads, runs them through the engine, and keeps each run's state in its folder and in the history store.
 */
final class BacktestRuns {

    private static final Logger LOG = LoggerFactory.getLogger(BacktestRuns.class);

    private final Settings settings;
    private final StrategyCatalog strategies;
    private final Runner runner;
    private final Supplier<HistoryService> history;
    private final Supplier<AlertService> alerts;
    private final Clock clock;
    private final RunFolder folder;
    private final ExecutorService threads;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, BacktestInfo> past = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    /**
     * Where and how backtests run.
     *
     * @param threads    backtests at the same time, 1 or more
     * @param folder     the folder of the runs' folders, absolute
     * @param keep       runs listed at most, 1 or more
     * @param dataFolder where relative {@code --data} paths not found under {@code base} are looked for, absolute
     * @param base       the folder relative paths start from (Karaf's base folder)
     */
    record Settings(int threads, Path folder, int keep, Path dataFolder, Path base) {
        /** Checks the values. */
        Settings {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("threads " + threads + " must be 1 to 64");
            }
            if (keep < 1) {
                throw new IllegalArgumentException("keep " + keep + " must be 1 or more");
            }
        }
    }

    /**
     * Starts the threads and reads the runs of earlier sessions from the folder.
     *
     * @param settings   where and how
     * @param strategies the strategies runs may use
     * @param runner     the engine
     * @param history    the history store, or null while it is absent
     * @param clock      the wall clock of submission, start and end times
     */
    BacktestRuns(Settings settings, StrategyCatalog strategies, Runner runner, Supplier<HistoryService> history,
                 Clock clock) {
        this(settings, strategies, runner, history, () -> null, clock);
    }

    /**
     * Starts the threads and reads the runs of earlier sessions from the folder.
     *
     * @param settings   where and how
     * @param strategies the strategies runs may use
     * @param runner     the engine
     * @param history    the history store, or null while it is absent
     * @param alerts     where a finished or failed run is told (docs/alerts.md), or null while it is absent
     * @param clock      the wall clock of submission, start and end times
     */
    BacktestRuns(Settings settings, StrategyCatalog strategies, Runner runner, Supplier<HistoryService> history,
                 Supplier<AlertService> alerts, Clock clock) {
        this.alerts = alerts;
        this.settings = settings;
        this.strategies = strategies;
        this.runner = runner;
        this.history = history;
        this.clock = clock;
        this.folder = new RunFolder(settings.folder());
        for (BacktestInfo info : folder.load()) {
            past.put(info.id(), info);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread t = new Thread(task, "nautilus-backtest-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
        this.threads = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
    }

    /**
     * Checks a request and queues it.
     *
     * @param request the request
     * @return the queued run
     * @throws IllegalArgumentException naming what is wrong; nothing is queued
     * @throws IllegalStateException    if the service is stopping or the run's folder cannot be made
     */
    BacktestInfo start(BacktestRequest request) {
        return start(request, checked -> runner);
    }

    /**
     * Checks a request and queues it to be run by its own runner (a sweep's).
     *
     * @param request the request
     * @param prepare given the checked request (paths absolute), checks the rest and gives the runner; an
     *                {@link IllegalArgumentException} from it queues nothing
     * @return the queued run
     * @throws IllegalArgumentException naming what is wrong; nothing is queued
     * @throws IllegalStateException    if the service is stopping or the run's folder cannot be made
     */
    BacktestInfo start(BacktestRequest request, Function<BacktestRequest, Runner> prepare) {
        if (stopped) {
            throw new IllegalStateException("backtests are stopping");
        }
        BacktestRequest checked = check(request);
        Runner engine = prepare.apply(checked);
        Instant now = clock.instant();
        String id;
        try {
            id = folder.create(now);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Path out = folder.folder(id);
        Run run = new Run(id, checked.withOut(out.toString()), out, now);
        try {
            folder.writeRequest(run);
            folder.writeStatus(run.info());
        } catch (IOException e) {
            throw new IllegalStateException("backtest " + id + ": cannot write into " + out + ": " + e.getMessage(),
                    e);
        }
        runs.put(id, run);
        LOG.info("backtest {} QUEUED: {}", id, String.join(" ", RequestOptions.args(run.request())));
        threads.execute(() -> execute(run, engine));
        return run.info();
    }

    /** @return the runs, newest first, at most {@code keep} */
    List<BacktestInfo> list() {
        Map<String, BacktestInfo> all = new LinkedHashMap<>(past);
        for (Run run : runs.values()) {
            all.put(run.id(), run.info());
        }
        List<BacktestInfo> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparing(BacktestInfo::submitted).thenComparing(BacktestInfo::id).reversed());
        return sorted.size() > settings.keep() ? List.copyOf(sorted.subList(0, settings.keep()))
                : List.copyOf(sorted);
    }

    /**
     * @param id a run id
     * @return the run, if known (listed or not)
     */
    Optional<BacktestInfo> get(String id) {
        Run run = runs.get(id);
        return run != null ? Optional.of(run.info()) : Optional.ofNullable(past.get(id));
    }

    /**
     * Cancels a queued or running run.
     *
     * @param id a run id
     * @return true if it was queued or running
     */
    boolean cancel(String id) {
        Run run = runs.get(id);
        if (run == null || !run.cancel(clock.instant())) {
            return false;
        }
        BacktestInfo info = run.info();
        if (info.state() == BacktestState.CANCELED) {
            saved(info);
            record(info);
            LOG.info("backtest {} CANCELED while queued", id);
        } else {
            LOG.info("backtest {}: cancel asked", id);
        }
        return true;
    }

    /** @return the strategy names runs may use, sorted */
    List<String> strategies() {
        return strategies.names();
    }

    /**
     * Cancels every queued and running run and waits for the threads to end.
     *
     * @param timeoutMillis how long to wait at most
     * @return true if every run ended in time
     */
    boolean stop(long timeoutMillis) {
        stopped = true;
        for (Run run : runs.values()) {
            cancel(run.id());
        }
        threads.shutdown();
        try {
            if (threads.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
        return false;
    }

    private void execute(Run run, Runner engine) {
        if (!run.begin(clock.instant())) {
            return;
        }
        BacktestInfo running = run.info();
        saved(running);
        record(running);
        LOG.info("backtest {} RUNNING", run.id());
        Runner.Outcome outcome = null;
        BacktestState end;
        String error = null;
        try {
            outcome = engine.run(run.request(), run, run::cancelled);
            end = run.cancelled() ? BacktestState.CANCELED : BacktestState.COMPLETED;
        } catch (Throwable e) {
            if (run.cancelled()) {
                end = BacktestState.CANCELED;
            } else {
                end = BacktestState.FAILED;
                error = message(e);
                LOG.warn("backtest {} FAILED: {}", run.id(), error, e);
            }
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                run.end(end, clock.instant(), null, error);
                throw (VirtualMachineError) e;
            }
        }
        run.end(end, clock.instant(), outcome, error);
        BacktestInfo ended = run.info();
        saved(ended);
        record(ended);
        LOG.info("backtest {} {}: {} events, {} fills{}", run.id(), end, ended.events(), ended.fills(),
                error == null ? "" : ", " + error);
        alert(ended);
    }

    /**
     * Tells the notification engine how a run ended: {@code backtest-finished:<id>} (INFO) for a completed run, which
     * also resolves {@code backtest-failed:<strategy>}; {@code backtest-failed:<strategy>} (WARNING) for a failed one.
     * A canceled run is the operator's own doing: nothing is raised.
     */
    private void alert(BacktestInfo info) {
        AlertService service = alerts == null ? null : alerts.get();
        if (service == null || info.state() == BacktestState.CANCELED) {
            return;
        }
        String strategy = info.request().strategy();
        try {
            Instant now = clock.instant();
            long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            if (info.state() == BacktestState.COMPLETED) {
                service.resolve("backtest-failed:" + strategy, "backtest " + info.id() + " of " + strategy
                        + " completed");
                service.raise(new Alert("backtest-finished:" + info.id(), Severity.INFO, AlertService.BACKTEST,
                        "backtest " + info.id() + " of " + strategy + " COMPLETED: " + info.events() + " events, "
                                + info.fills() + " fills" + figure(info, "totalReturn") + figure(info, "netPnl")
                                + "; results in " + info.outDir(), nanos, Map.of(Alert.STRATEGY, strategy)));
            } else if (info.state() == BacktestState.FAILED) {
                service.raise(new Alert("backtest-failed:" + strategy, Severity.WARNING, AlertService.BACKTEST,
                        "backtest " + info.id() + " of " + strategy + " FAILED: " + info.error(), nanos,
                        Map.of(Alert.STRATEGY, strategy)));
            }
        } catch (RuntimeException e) {
            LOG.warn("backtest {}: the alert service failed ({}); the run is unaffected", info.id(), e.toString());
        }
    }

    private static String figure(BacktestInfo info, String name) {
        Object value = info.stats().get(name);
        return value == null ? "" : ", " + name + " " + value;
    }

    private BacktestRequest check(BacktestRequest request) {
        if (!request.strategyJars().isEmpty()) {
            throw new IllegalArgumentException("--strategy-jar is for bin/nautilus-backtest; in the platform the"
                    + " strategies come from the installed bundles (install the jar as a bundle)");
        }
        StrategyFactory factory = strategies.find(request.strategy());
        if (factory == null) {
            List<String> known = strategies.names();
            throw new IllegalArgumentException("unknown strategy '" + request.strategy() + "'; known: "
                    + (known.isEmpty() ? "none (no strategy bundle installed)" : String.join(", ", known)));
        }
        Map<String, Object> declared = factory.parameters();
        for (String key : request.parameters().keySet()) {
            if (!declared.containsKey(key)) {
                throw new IllegalArgumentException("strategy " + factory.name() + ": unknown parameter '" + key
                        + "'; it takes " + String.join(", ", declared.keySet()));
            }
        }
        List<String> data = new ArrayList<>();
        for (String path : request.data()) {
            data.add(existing("--data", path, true).toString());
        }
        String instruments = request.instruments() == null ? null
                : existing("--instruments", request.instruments(), false).toString();
        String risk = request.risk() == null ? null : existing("--risk", request.risk(), false).toString();
        return new BacktestRequest(data, request.strategy(), request.parameters(), List.of(), instruments, risk,
                request.fromNanos(), request.toNanos(), request.capital(), request.seed(), request.latencyMicros(),
                request.jitterMicros(), request.cancelLatencyMicros(), request.fillModel(),
                request.fillProbability(), request.slippageTicks(), request.feePerUnit(), request.minFee(),
                request.bars(), request.out());
    }

    private Path existing(String option, String text, boolean data) {
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + " " + text + ": not a valid path");
        }
        if (path.isAbsolute()) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException(option + " " + text + ": no such file or folder");
            }
            return path;
        }
        Path underBase = settings.base().resolve(path).normalize();
        if (Files.exists(underBase)) {
            return underBase;
        }
        if (data) {
            Path underData = settings.dataFolder().resolve(path).normalize();
            if (Files.exists(underData)) {
                return underData;
            }
            throw new IllegalArgumentException(option + " " + text + ": no such file or folder (in "
                    + settings.base() + " or " + settings.dataFolder() + ")");
        }
        throw new IllegalArgumentException(option + " " + text + ": no such file or folder (in " + settings.base()
                + ")");
    }

    private void saved(BacktestInfo info) {
        try {
            folder.writeStatus(info);
        } catch (IOException | RuntimeException e) {
            LOG.warn("backtest {}: cannot write its status file in {}: {}", info.id(), info.outDir(), e.toString());
        }
    }

    private void record(BacktestInfo info) {
        HistoryService store = history == null ? null : history.get();
        if (store == null) {
            return;
        }
        Map<String, String> results = new LinkedHashMap<>();
        if (info.state().isFinished()) {
            results.put("events", Long.toString(info.events()));
            results.put("fills", Long.toString(info.fills()));
            results.put("eventsPerSecond", Double.toString(info.eventsPerSecond()));
            info.stats().forEach((k, v) -> results.put(k, String.valueOf(v)));
            if (info.error() != null) {
                results.put("error", info.error());
            }
        }
        BacktestRequest r = info.request();
        try {
            store.recordBacktestRun(new BacktestRun(info.id(), r.strategy(), r.parameters(),
                    r.fromNanos() == null ? null : Instant.ofEpochSecond(0, r.fromNanos()),
                    r.toNanos() == null ? null : Instant.ofEpochSecond(0, r.toNanos()),
                    info.started() != null ? info.started() : info.submitted(), info.finished(),
                    info.state().name(), results));
        } catch (RuntimeException e) {
            LOG.warn("backtest {}: the history store did not record it ({}); the run is unaffected", info.id(),
                    e.getMessage());
        }
    }

    /**
     * @param e why a run failed
     * @return one line: the message, with the cause (e.g. a strategy's exception) when the message does not name it
     */
    static String message(Throwable e) {
        String text = e.getMessage() != null ? e.getMessage() : e.toString();
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            String named = cause.toString();
            if (!text.contains(named)) {
                text = text + ": " + named;
            }
        }
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
