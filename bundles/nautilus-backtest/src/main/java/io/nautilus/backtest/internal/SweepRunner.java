package io.nautilus.backtest.internal;

import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.SweepRequest;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.sweep.LocalSweepExecutor;
import io.nautilus.backtest.sweep.Sweep;
import io.nautilus.backtest.sweep.SweepExecutor;
import io.nautilus.backtest.sweep.SweepResult;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A parameter sweep as one run of the platform ({@code nautilus:sweep}): {@link Sweep#run} into the run's folder on
 * the cluster's executor when one is registered, else on a {@link LocalSweepExecutor}. Its progress counts ended
 * runs (in the run's events), its figures are the sweep's: runs, failed, objective, value, best, executor.
 */
final class SweepRunner implements Runner {

    private final SweepRequest sweep;
    private final Environment environment;
    private final Supplier<SweepExecutor> cluster;

    /**
     * @param sweep       the sweep (its backtest checked)
     * @param environment where this node finds strategies, instruments and data
     * @param cluster     the cluster's executor, or null while none is registered
     */
    SweepRunner(SweepRequest sweep, Environment environment, Supplier<SweepExecutor> cluster) {
        this.sweep = sweep;
        this.environment = environment;
        this.cluster = cluster;
    }

    /**
     * What {@link BacktestRuns#start(BacktestRequest, java.util.function.Function)} needs to queue a sweep: given the
     * checked backtest, checks the sweep ({@link Sweep#check}: the strategy takes every swept parameter) and gives
     * its runner.
     *
     * @param sweep       the sweep as parsed
     * @param environment where this node finds strategies, instruments and data
     * @param cluster     the cluster's executor, or null while none is registered
     * @return the check and runner
     */
    static Function<BacktestRequest, Runner> prepare(SweepRequest sweep, Environment environment,
                                                     Supplier<SweepExecutor> cluster) {
        return checked -> {
            Sweep.check(new SweepRequest(checked, List.of(), sweep.dimensions(), sweep.random(), sweep.objective(),
                    sweep.constraints(), sweep.workers()), environment);
            return new SweepRunner(sweep, environment, cluster);
        };
    }

    @Override
    public Outcome run(BacktestRequest request, Progress progress, BooleanSupplier cancelled) throws Exception {
        SweepRequest s = new SweepRequest(request, RequestOptions.args(request), sweep.dimensions(), sweep.random(),
                sweep.objective(), sweep.constraints(), sweep.workers());
        SweepExecutor shared = cluster.get();
        SweepExecutor executor = shared != null ? shared
                : new LocalSweepExecutor(s.workers(), environment, Path.of(request.out()));
        SweepResult result;
        try {
            result = Sweep.run(s, environment, executor,
                    (done, total, rate, best, value) -> progress.progress(done, total, 0, rate), cancelled);
        } finally {
            if (executor != shared) {
                executor.close();
            }
        }
        if (!result.rows().isEmpty() && result.failed() == result.rows().size() && !result.canceled()) {
            throw new IllegalStateException("every run of the sweep failed; run " + result.rows().get(0).outcome()
                    .index() + ": " + result.rows().get(0).outcome().error());
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("runs", (long) result.rows().size());
        stats.put("failed", (long) result.failed());
        stats.put("objective", result.objective());
        SweepResult.Row best = result.best();
        if (best != null) {
            stats.put("best", best.outcome().parameters().toString());
            if (best.value() != null) {
                stats.put("value", best.value());
            }
        }
        stats.put("executor", shared != null ? "cluster" : "local, " + s.workers() + " workers");
        stats.put("sweep", s.toString());
        return new Outcome(result.rows().size(), 0, result.seconds() > 0 ? result.rows().size() / result.seconds()
                : 0, stats);
    }
}
