package io.nautilus.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestState;
import io.nautilus.backtest.engine.StrategyCatalog;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryUnavailableException;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestRunsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T03:30:00Z");

    @TempDir
    Path base;

    private Path data;
    private final List<BacktestRun> recorded = Collections.synchronizedList(new ArrayList<>());
    private final List<BacktestRuns> opened = new ArrayList<>();
    private volatile boolean historyDown;
    private final RecordingAlertService alerts = new RecordingAlertService();

    @BeforeEach
    void sampleData() throws Exception {
        data = Files.createDirectories(base.resolve("samples"));
        Files.writeString(data.resolve("quotes.csv"), "timestamp,instrument,bidPrice,bidSize,askPrice,askSize\n");
        Files.createDirectories(base.resolve("data/nautilus/marketdata/SIM-BTC"));
    }

    @AfterEach
    void stop() {
        opened.forEach(r -> r.stop(5_000));
    }

    @Test
    void aRunWritesItsFolderEndsCompletedAndIsRecordedTwice() throws Exception {
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> {
            progress.progress(50, 100, 1, 10);
            Files.writeString(Path.of(request.out()).resolve("stats.json"), "{}");
            return new Runner.Outcome(100, 2, 1e6, Map.of("totalReturn", 0.01));
        });

        BacktestInfo queued = runs.start(request("samples/quotes.csv"));

        assertThat(queued.id()).isEqualTo("bt-20261206-0001");
        assertThat(queued.outDir()).isEqualTo(base.resolve("data/nautilus/backtests/bt-20261206-0001").toString());
        assertThat(queued.request().data()).containsExactly(data.resolve("quotes.csv").toString());
        BacktestInfo done = awaitEnd(runs, queued.id());
        assertThat(done.state()).isEqualTo(BacktestState.COMPLETED);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.events()).isEqualTo(100);
        assertThat(done.fills()).isEqualTo(2);
        assertThat(done.stats()).containsEntry("totalReturn", 0.01);
        Path folder = Path.of(done.outDir());
        assertThat(folder.resolve("stats.json")).exists();
        assertThat(Files.readString(folder.resolve("request.json"))).contains("\"strategy\": \"demo\"")
                .contains("\"fast\":\"3\"");
        assertThat(folder.resolve("status.properties")).exists();
        awaitRecorded(2);
        assertThat(recorded).extracting(BacktestRun::status).containsExactly("RUNNING", "COMPLETED");
        assertThat(recorded.get(1).results()).containsEntry("events", "100").containsEntry("fills", "2")
                .containsEntry("totalReturn", "0.01");
        assertThat(recorded.get(1).parameters()).containsEntry("fast", "3");
    }

    @Test
    void aCompletedRunIsAnInfoAlertAndAFailedOneAWarningPerStrategyResolvedByTheNextCompletedRun()
            throws Exception {
        boolean[] fail = {true};
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> {
            if (fail[0]) {
                throw new IllegalStateException("strategy demo failed", new ArithmeticException("/ by zero"));
            }
            return new Runner.Outcome(100, 2, 1e6, Map.of("totalReturn", 0.01));
        });

        String failed = awaitEnd(runs, runs.start(request("samples/quotes.csv")).id()).id();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !alerts.raised("backtest-failed:").isEmpty());
        fail[0] = false;
        String completed = awaitEnd(runs, runs.start(request("samples/quotes.csv")).id()).id();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !alerts.raised("backtest-finished:").isEmpty());

        assertThat(alerts.raised("backtest-failed:")).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("backtest-failed:demo");
            assertThat(a.severity()).isEqualTo(io.nautilus.api.alert.Severity.WARNING);
            assertThat(a.source()).isEqualTo(io.nautilus.api.alert.AlertService.BACKTEST);
            assertThat(a.labels()).containsEntry(io.nautilus.api.alert.Alert.STRATEGY, "demo");
            assertThat(a.text()).contains(failed, "FAILED", "/ by zero");
        });
        assertThat(alerts.raised("backtest-finished:")).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("backtest-finished:" + completed);
            assertThat(a.severity()).isEqualTo(io.nautilus.api.alert.Severity.INFO);
            assertThat(a.text()).contains("COMPLETED: 100 events, 2 fills, totalReturn 0.01");
        });
        assertThat(alerts.resolved()).containsExactly("backtest-failed:demo | backtest " + completed
                + " of demo completed");
    }

    @Test
    void anUnknownStrategyIsRefusedAndNothingIsQueued() {
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> new Runner.Outcome(0, 0, 0, Map.of()));

        assertThatThrownBy(() -> runs.start(BacktestRequest.parse(List.of("--data", "samples/quotes.csv",
                "--strategy", "nope"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown strategy 'nope'; known: demo");
        assertThat(runs.list()).isEmpty();
        assertThat(base.resolve("data/nautilus/backtests")).doesNotExist();
    }

    @Test
    void anUnknownParameterIsRefusedAsTheCommandLineToolRefusesIt() {
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> new Runner.Outcome(0, 0, 0, Map.of()));

        assertThatThrownBy(() -> runs.start(BacktestRequest.parse(List.of("--data", "samples/quotes.csv",
                "--strategy", "demo", "--param", "slowest=3"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy demo: unknown parameter 'slowest'; it takes fast, slow");
        assertThat(runs.list()).isEmpty();
    }

    @Test
    void aMissingDataPathIsRefusedNamingWhereItLooked() {
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> new Runner.Outcome(0, 0, 0, Map.of()));

        assertThatThrownBy(() -> runs.start(request("samples/missing.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--data samples/missing.csv: no such file or folder (in " + base + " or "
                        + base.resolve("data/nautilus/marketdata") + ")");
        assertThat(runs.list()).isEmpty();
    }

    @Test
    void aRelativeDataPathNotUnderTheBaseIsLookedForInTheMarketDataFolder() {
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> new Runner.Outcome(0, 0, 0, Map.of()));

        BacktestInfo run = runs.start(request("SIM-BTC"));

        assertThat(run.request().data()).containsExactly(base.resolve("data/nautilus/marketdata/SIM-BTC")
                .toString());
    }

    @Test
    void aStrategyJarIsRefusedInThePlatform() {
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> new Runner.Outcome(0, 0, 0, Map.of()));

        assertThatThrownBy(() -> runs.start(BacktestRequest.parse(List.of("--data", "samples/quotes.csv",
                "--strategy", "demo", "--strategy-jar", "x.jar"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--strategy-jar is for");
    }

    @Test
    void aRunningRunEndsCanceledWhenCanceled() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> {
            running.countDown();
            spin(cancelled);
            return new Runner.Outcome(10, 0, 1, Map.of());
        });
        BacktestInfo run = runs.start(request("samples/quotes.csv"));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.get(run.id()).orElseThrow().state()).isEqualTo(BacktestState.RUNNING);

        assertThat(runs.cancel(run.id())).isTrue();

        assertThat(awaitEnd(runs, run.id()).state()).isEqualTo(BacktestState.CANCELED);
        assertThat(runs.cancel(run.id())).isFalse();
        awaitRecorded(2);
        assertThat(recorded).extracting(BacktestRun::status).containsExactly("RUNNING", "CANCELED");
    }

    @Test
    void aQueuedRunEndsCanceledAtOnceAndNeverRuns() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> {
            ran.add(request.out());
            running.countDown();
            spin(cancelled);
            return new Runner.Outcome(0, 0, 0, Map.of());
        });
        BacktestInfo first = runs.start(request("samples/quotes.csv"));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        BacktestInfo second = runs.start(request("samples/quotes.csv"));
        assertThat(second.state()).isEqualTo(BacktestState.QUEUED);

        assertThat(runs.cancel(second.id())).isTrue();
        assertThat(runs.get(second.id()).orElseThrow().state()).isEqualTo(BacktestState.CANCELED);
        runs.cancel(first.id());
        awaitEnd(runs, first.id());

        assertThat(ran).containsExactly(first.outDir());
        assertThat(runs.get(second.id()).orElseThrow().started()).isNull();
    }

    @Test
    void aFailingRunEndsFailedWithTheCauseInOneLine() throws Exception {
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> {
            throw new IllegalStateException("strategy demo failed at 2024-01-02T00:00:00Z",
                    new ArithmeticException("/ by zero"));
        });

        BacktestInfo run = awaitEnd(runs, runs.start(request("samples/quotes.csv")).id());

        assertThat(run.state()).isEqualTo(BacktestState.FAILED);
        assertThat(run.error()).isEqualTo("strategy demo failed at 2024-01-02T00:00:00Z:"
                + " java.lang.ArithmeticException: / by zero");
        awaitRecorded(2);
        assertThat(recorded.get(1).results()).containsEntry("error", run.error());
    }

    @Test
    void aHistoryStoreThatIsDownChangesNothingForTheRun() throws Exception {
        historyDown = true;
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> new Runner.Outcome(5, 0, 1, Map.of()));

        BacktestInfo run = awaitEnd(runs, runs.start(request("samples/quotes.csv")).id());

        assertThat(run.state()).isEqualTo(BacktestState.COMPLETED);
    }

    @Test
    void runsOfAnEarlierSessionAreListedAndNumberingGoesOn() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        BacktestRuns first = runs(1, (request, progress, cancelled) -> {
            if (request.parameters().containsKey("slow")) {
                running.countDown();
                spin(cancelled);
            }
            return new Runner.Outcome(7, 1, 3, Map.of("sharpe", 1.5));
        });
        BacktestInfo done = awaitEnd(first, first.start(request("samples/quotes.csv")).id());
        BacktestInfo hanging = first.start(BacktestRequest.parse(List.of("--data", "samples/quotes.csv",
                "--strategy", "demo", "--param", "slow=9")));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        Path status = Path.of(hanging.outDir()).resolve(RunFolder.STATUS);
        String whileRunning = Files.readString(status);
        first.stop(5_000);
        Files.writeString(status, whileRunning);

        BacktestRuns second = runs(1, (request, progress, cancelled) -> new Runner.Outcome(0, 0, 0, Map.of()));

        assertThat(second.list()).extracting(BacktestInfo::id).containsExactly(hanging.id(), done.id());
        BacktestInfo reread = second.get(done.id()).orElseThrow();
        assertThat(reread.state()).isEqualTo(BacktestState.COMPLETED);
        assertThat(reread.request()).isEqualTo(done.request());
        assertThat(reread.events()).isEqualTo(7);
        assertThat(reread.stats()).containsEntry("sharpe", "1.5");
        BacktestInfo interrupted = second.get(hanging.id()).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(BacktestState.FAILED);
        assertThat(interrupted.error()).isEqualTo("the platform stopped before the run ended");
        assertThat(second.start(request("samples/quotes.csv")).id()).isEqualTo("bt-20261206-0003");
    }

    @Test
    void listShowsTheNewestKeepRuns() throws Exception {
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> new Runner.Outcome(0, 0, 0, Map.of()), 2);
        for (int i = 0; i < 3; i++) {
            awaitEnd(runs, runs.start(request("samples/quotes.csv")).id());
        }

        assertThat(runs.list()).extracting(BacktestInfo::id).containsExactly("bt-20261206-0003",
                "bt-20261206-0002");
        assertThat(runs.get("bt-20261206-0001")).isPresent();
    }

    @Test
    void stoppingCancelsTheRunningRun() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        BacktestRuns runs = runs(1, (request, progress, cancelled) -> {
            running.countDown();
            spin(cancelled);
            return new Runner.Outcome(0, 0, 0, Map.of());
        });
        BacktestInfo run = runs.start(request("samples/quotes.csv"));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(runs.stop(10_000)).isTrue();

        assertThat(runs.get(run.id()).orElseThrow().state()).isEqualTo(BacktestState.CANCELED);
        assertThatThrownBy(() -> runs.start(request("samples/quotes.csv")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMessageOfAFailureNamesItsCauseOnce() {
        assertThat(BacktestRuns.message(new RuntimeException("boom: java.lang.IllegalStateException: x",
                new IllegalStateException("x")))).isEqualTo("boom: java.lang.IllegalStateException: x");
        assertThat(BacktestRuns.message(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }

    private BacktestRequest request(String dataPath) {
        return BacktestRequest.parse(List.of("--data", dataPath, "--strategy", "demo", "--param", "fast=3"));
    }

    private BacktestRuns runs(int threads, Runner runner) {
        return runs(threads, runner, 100);
    }

    private BacktestRuns runs(int threads, Runner runner, int keep) {
        BacktestRuns runs = new BacktestRuns(new BacktestRuns.Settings(threads,
                base.resolve("data/nautilus/backtests"), keep, base.resolve("data/nautilus/marketdata"), base),
                new DemoStrategies(), runner, this::history, () -> alerts, Clock.fixed(NOW, ZoneOffset.UTC));
        opened.add(runs);
        return runs;
    }

    private HistoryService history() {
        return (HistoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HistoryService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("recordBacktestRun")) {
                        if (historyDown) {
                            throw new HistoryUnavailableException("connection refused", null);
                        }
                        recorded.add((BacktestRun) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BacktestInfo awaitEnd(BacktestRuns runs, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            BacktestInfo info = runs.get(id).orElseThrow();
            if (info.state().isFinished()) {
                return info;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("backtest " + id + " did not end within 10 s: " + runs.get(id));
    }

    private void awaitRecorded(int rows) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (recorded.size() < rows && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(recorded).hasSize(rows);
    }

    private static void spin(BooleanSupplier cancelled) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cancelled.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    /** One strategy, {@code demo}, taking {@code fast} and {@code slow}. */
    private static final class DemoStrategies implements StrategyCatalog {
        @Override
        public StrategyFactory find(String name) {
            return name.equals("demo") ? new StrategyFactory() {
                @Override
                public String name() {
                    return "demo";
                }

                @Override
                public Map<String, Object> parameters() {
                    Map<String, Object> parameters = new java.util.LinkedHashMap<>();
                    parameters.put("fast", 5);
                    parameters.put("slow", 20);
                    return parameters;
                }

                @Override
                public Strategy create(Map<String, ?> parameters) {
                    for (String key : parameters.keySet()) {
                        if (!key.equals("fast") && !key.equals("slow")) {
                            throw new IllegalArgumentException("demo: unknown parameter '" + key + "'");
                        }
                    }
                    return new Strategy() {
                        @Override
                        public void start(StrategyContext context) {
                        }

                        @Override
                        public void stop() {
                        }
                    };
                }
            } : null;
        }

        @Override
        public List<String> names() {
            return List.of("demo");
        }
    }
}
