package io.nautilus.backtest.internal;

import io.nautilus.api.alert.AlertService;
import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.backtest.api.SweepRequest;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.sweep.SweepExecutor;
import io.nautilus.backtest.sweep.SweepOutcome;
import io.nautilus.backtest.sweep.SweepTask;
import io.nautilus.backtest.sweep.SweepWorker;
import io.nautilus.history.api.HistoryService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * The platform's {@link BacktestService}, configured by {@code etc/io.nautilus.backtest.cfg}: backtests of the
 * installed strategy bundles ({@link BundleStrategyCatalog}) on the service's own low-priority threads, never the
 * trading core's; each run writes into {@code <folder>/<id>/} and is recorded in the history store when that runs
 * (an optional reference: a store that is absent or down changes nothing for the run).
 *
 * <p>Parameter sweeps ({@link #startSweep}) are runs too; their backtests go to the cluster's {@link SweepExecutor}
 * (an OSGi service with {@code sweep.executor=cluster}) when one is registered, else to a thread pool of this JVM.
 * As a {@link SweepWorker} it runs the tasks of other nodes' sweeps into {@code <folder>/<sweep>/runs/<index>/}.
 *
 * <p>Deactivation (and a configuration change, which restarts the component) cancels the queued and running
 * backtests and waits for them at most {@value #STOP_TIMEOUT_MILLIS} ms.
 */
@Component(service = {BacktestService.class, SweepWorker.class}, configurationPid = "io.nautilus.backtest",
        immediate = true)
@Designate(ocd = BacktestConfig.class)
public final class BacktestManager implements BacktestService, SweepWorker {

    /** How long deactivation waits for canceled runs to end, milliseconds. */
    static final long STOP_TIMEOUT_MILLIS = 10_000;

    private static final Pattern SWEEP_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Logger LOG = LoggerFactory.getLogger(BacktestManager.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HistoryService history;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AlertService alerts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + SweepExecutor.PROPERTY + "=cluster)")
    private volatile SweepExecutor cluster;

    private BundleStrategyCatalog catalog;
    private volatile Environment environment;
    private volatile Path folder;
    private volatile BacktestRuns runs;

    /** Creates the component (DS). */
    public BacktestManager() {
    }

    @Activate
    void activate(BacktestConfig config, BundleContext context) {
        Path base = Path.of(property(context, "karaf.base", "."));
        Path etc = Path.of(property(context, "karaf.etc", base.resolve("etc").toString()));
        BacktestRuns.Settings settings = new BacktestRuns.Settings(config.threads(),
                resolve(base, config.folder(), "data/nautilus/backtests"), config.keep(),
                resolve(base, config.data_folder(), "data/nautilus/marketdata"), base);
        BundleStrategyCatalog strategies = new BundleStrategyCatalog(context);
        strategies.open();
        Environment environment = Environment.standard(strategies, etc.resolve("io.nautilus.core.instruments.cfg"),
                base);
        try {
            runs = new BacktestRuns(settings, strategies, new EngineRunner(environment), () -> history,
                    () -> alerts, Clock.systemUTC());
        } catch (RuntimeException e) {
            strategies.close();
            throw e;
        }
        catalog = strategies;
        this.environment = environment;
        this.folder = settings.folder();
        LOG.info("backtests: {} thread(s), runs in {}, data in {}, strategies {}", settings.threads(),
                settings.folder(), settings.dataFolder(), strategies.names());
    }

    @Deactivate
    void deactivate() {
        BacktestRuns stopping = runs;
        runs = null;
        if (stopping != null && !stopping.stop(STOP_TIMEOUT_MILLIS)) {
            LOG.warn("backtests: runs still going {} ms after the cancel; their threads were interrupted",
                    STOP_TIMEOUT_MILLIS);
        }
        if (catalog != null) {
            catalog.close();
            catalog = null;
        }
    }

    @Override
    public BacktestInfo start(BacktestRequest request) {
        return runs().start(request);
    }

    @Override
    public BacktestInfo startSweep(List<String> args) {
        SweepRequest sweep = SweepRequest.parse(args);
        return runs().start(sweep.backtest(), SweepRunner.prepare(sweep, environment, () -> cluster));
    }

    @Override
    public SweepOutcome run(SweepTask task, String sweep) {
        Environment env = environment;
        Path base = folder;
        if (env == null || base == null) {
            return new SweepOutcome(task.index(), task.parameters(), Map.of(), "backtests are stopping",
                    SweepTask.nodeName());
        }
        if (sweep == null || !SWEEP_NAME.matcher(sweep).matches()) {
            return new SweepOutcome(task.index(), task.parameters(), Map.of(), "bad sweep name '" + sweep
                    + "': letters, digits, '-', '_' and '.' only", SweepTask.nodeName());
        }
        return task.run(env, base.resolve(sweep));
    }

    @Override
    public List<BacktestInfo> list() {
        return runs().list();
    }

    @Override
    public Optional<BacktestInfo> get(String id) {
        return runs().get(id);
    }

    @Override
    public boolean cancel(String id) {
        return runs().cancel(id);
    }

    @Override
    public List<String> strategies() {
        return runs().strategies();
    }

    private BacktestRuns runs() {
        BacktestRuns active = runs;
        if (active == null) {
            throw new IllegalStateException("backtests are stopping");
        }
        return active;
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path resolve(Path base, String folder, String fallback) {
        Path path = Path.of(folder == null || folder.isBlank() ? fallback : folder.strip());
        return path.isAbsolute() ? path : base.resolve(path).normalize();
    }
}
