package io.nautilus.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestState;
import io.nautilus.backtest.api.SweepRequest;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.StrategyCatalog;
import io.nautilus.backtest.sweep.SweepExecutor;
import io.nautilus.backtest.sweep.SweepOutcome;
import io.nautilus.strategy.smacross.SmaCrossFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep as a run of the platform's backtest service. */
class SweepRunnerTest {

    static final Path INSTRUMENTS = Path.of("../../etc/io.nautilus.core.instruments.cfg").toAbsolutePath();
    static final Path SAMPLE = Path.of("../../karaf-assembly/src/main/resources/samples/marketdata").toAbsolutePath();

    @TempDir
    Path base;
    Environment env;
    BacktestRuns runs;

    @BeforeEach
    void setUp() {
        StrategyFactory smacross = new SmaCrossFactory();
        StrategyCatalog catalog = new StrategyCatalog() {
            @Override
            public StrategyFactory find(String name) {
                return smacross.name().equals(name) ? smacross : null;
            }

            @Override
            public List<String> names() {
                return List.of(smacross.name());
            }
        };
        env = Environment.standard(catalog, INSTRUMENTS, base);
        runs = new BacktestRuns(new BacktestRuns.Settings(1, base.resolve("backtests"), 10, base.resolve("data"),
                base), catalog, (request, progress, cancelled) -> {
                    throw new AssertionError("a sweep runs with its own runner");
                }, () -> null, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        runs.stop(10_000);
    }

    static SweepRequest sweep(String... more) {
        List<String> args = new ArrayList<>(List.of("--data", SAMPLE.toString(), "--strategy", "smacross",
                "--param", "instrument=SIM-ACME", "--param", "quantity=10", "--out", "ignored"));
        args.addAll(List.of(more));
        return SweepRequest.parse(args);
    }

    BacktestInfo awaitEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            BacktestInfo info = runs.get(id).orElseThrow();
            if (info.state().isFinished()) {
                return info;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("sweep " + id + " did not end within 60 s");
    }

    @Test
    void aSweepRunsLocallyIntoTheRunsFolderAndReportsItsFigures() throws Exception {
        SweepRequest sweep = sweep("--sweep", "fast=3,4", "--sweep", "slow=10", "--workers", "2");

        BacktestInfo queued = runs.start(sweep.backtest(), SweepRunner.prepare(sweep, env, () -> null));
        BacktestInfo done = awaitEnd(queued.id());

        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo(BacktestState.COMPLETED);
        assertThat(done.events()).isEqualTo(2);
        assertThat(done.stats()).containsEntry("runs", 2L).containsEntry("failed", 0L)
                .containsEntry("objective", "sharpe").containsEntry("executor", "local, 2 workers")
                .containsKey("best");
        Path folder = Path.of(done.outDir());
        assertThat(folder.getParent()).isEqualTo(base.resolve("backtests"));
        assertThat(Files.readAllLines(folder.resolve("sweep.csv"))).hasSize(3).first().asString()
                .startsWith("fast,slow,totalReturn,");
        assertThat(folder.resolve("runs/0/stats.json")).exists();
        assertThat(folder.resolve("runs/1/fills.csv")).exists();
    }

    @Test
    void theClustersExecutorIsUsedWhenPresent() throws Exception {
        SweepRequest sweep = sweep("--sweep", "fast=3,4,5");
        List<Integer> ran = new ArrayList<>();
        SweepExecutor cluster = (tasks, sink, cancelled) -> tasks.forEach(t -> {
            ran.add(t.index());
            sink.accept(new SweepOutcome(t.index(), t.parameters(), Map.of("sharpe", (double) t.index()), null,
                    "member-2"));
        });

        BacktestInfo done = awaitEnd(runs.start(sweep.backtest(), SweepRunner.prepare(sweep, env, () -> cluster))
                .id());

        assertThat(ran).containsExactly(0, 1, 2);
        assertThat(done.state()).isEqualTo(BacktestState.COMPLETED);
        assertThat(done.stats()).containsEntry("executor", "cluster").containsEntry("best", "{fast=5}")
                .containsEntry("value", 2.0);
    }

    @Test
    void aSweptParameterTheStrategyDoesNotTakeQueuesNothing() {
        SweepRequest sweep = sweep("--sweep", "speed=1,2");

        assertThatThrownBy(() -> runs.start(sweep.backtest(), SweepRunner.prepare(sweep, env, () -> null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--sweep speed: strategy smacross does not take it");
        assertThat(runs.list()).isEmpty();
        assertThat(base.resolve("backtests")).doesNotExist();
    }

    @Test
    void aSweepWhoseRunsAllFailEndsFailed() throws Exception {
        SweepRequest sweep = sweep("--sweep", "fast=3,4");
        SweepExecutor failing = (tasks, sink, cancelled) -> tasks.forEach(t -> sink.accept(
                new SweepOutcome(t.index(), t.parameters(), Map.of(), "strategy smacross failed: boom", "n")));

        BacktestInfo done = awaitEnd(runs.start(sweep.backtest(), SweepRunner.prepare(sweep, env, () -> failing))
                .id());

        assertThat(done.state()).isEqualTo(BacktestState.FAILED);
        assertThat(done.error()).isEqualTo("every run of the sweep failed; run 0: strategy smacross failed: boom");
    }
}
