package io.nautilus.backtest.sweep;

import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.SweepRequest;
import io.nautilus.backtest.engine.Backtest;
import io.nautilus.backtest.engine.BacktestResult;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.ProgressListener;
import io.nautilus.backtest.engine.StrategyCatalog;
import io.nautilus.strategy.smacross.SmaCrossFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTest {

    static final Path INSTRUMENTS = Path.of("../../etc/io.nautilus.core.instruments.cfg").toAbsolutePath();
    static final Path SAMPLE = Path.of("../../karaf-assembly/src/main/resources/samples/marketdata").toAbsolutePath();

    @TempDir
    Path dir;
    Environment env;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "timestamp,instrument,bidPrice,bidSize,askPrice,askSize\n");
        StrategyFactory smacross = new SmaCrossFactory();
        env = Environment.standard(new StrategyCatalog() {
            @Override
            public StrategyFactory find(String name) {
                return smacross.name().equals(name) ? smacross : null;
            }

            @Override
            public List<String> names() {
                return List.of(smacross.name());
            }
        }, INSTRUMENTS, dir);
    }

    static SweepRequest request(String... options) {
        List<String> args = new ArrayList<>(List.of("--data", "d.csv", "--strategy", "smacross", "--out", "sw"));
        args.addAll(List.of(options));
        return SweepRequest.parse(args);
    }

    /** Ends the tasks in reverse order with the figures {@code stats} gives, without running a backtest. */
    static SweepExecutor fake(Function<SweepTask, SweepOutcome> outcome) {
        return (tasks, sink, cancelled) -> {
            for (int i = tasks.size() - 1; i >= 0; i--) {
                sink.accept(outcome.apply(tasks.get(i)));
            }
        };
    }

    static SweepOutcome ok(SweepTask t, Object... figures) {
        Map<String, Object> stats = new LinkedHashMap<>();
        for (int i = 0; i < figures.length; i += 2) {
            stats.put((String) figures[i], figures[i + 1]);
        }
        return new SweepOutcome(t.index(), t.parameters(), stats, null, "test");
    }

    List<String> csv() throws IOException {
        return Files.readAllLines(dir.resolve("sw/sweep.csv"));
    }

    @Test
    void runsAreRankedByTheObjectiveBestFirstWithTiesByRunIndex() throws IOException {
        Map<String, Double> sharpe = Map.of("3", 0.5, "4", 1.5, "5", 0.5, "6", 2.0);
        SweepResult result = Sweep.run(request("--sweep", "fast=3..6:1"), env,
                fake(t -> ok(t, "sharpe", sharpe.get(t.parameters().get("fast")), "trades", 4L)),
                SweepProgress.NONE, () -> false);

        assertThat(result.rows()).extracting(r -> r.outcome().index()).containsExactly(3, 1, 0, 2);
        assertThat(result.rows()).extracting(SweepResult.Row::rank).containsExactly(1, 2, 3, 4);
        assertThat(result.jsonLine()).matches("\\{\"runs\":4,\"failed\":0,\"seconds\":[0-9.]+,\"best\":\\{\"fast\":\"6\"},"
                + "\"objective\":\"sharpe\",\"value\":2,\"out\":\".*sw\"}");
        List<String> csv = csv();
        assertThat(csv.get(0)).isEqualTo("fast,totalReturn,cagr,volatility,sharpe,sortino,calmar,maxDrawdown,var95,"
                + "cvar95,var99,cvar99,skew,kurtosis,winRate,trades,roundTrips,netPnl,fees,finalEquity,rank,run,"
                + "constraintsMet,error");
        assertThat(csv.subList(1, csv.size())).containsExactly(
                "6,,,,2,,,,,,,,,,,4,,,,,1,3,true,",
                "4,,,,1.5,,,,,,,,,,,4,,,,,2,1,true,",
                "3,,,,0.5,,,,,,,,,,,4,,,,,3,0,true,",
                "5,,,,0.5,,,,,,,,,,,4,,,,,4,2,true,");
    }

    @Test
    void aLeadingMinusMinimisesAndDrawdownsCompareBySize() {
        Map<String, Double> dd = Map.of("3", -0.30, "4", -0.05, "5", -0.10);
        SweepResult drawdown = Sweep.run(request("--sweep", "fast=3..5:1", "--objective", "-maxDrawdown"), env,
                fake(t -> ok(t, "maxDrawdown", dd.get(t.parameters().get("fast")))), SweepProgress.NONE, () -> false);
        SweepResult trades = Sweep.run(request("--sweep", "fast=3..5:1", "--objective", "-trades"), env,
                fake(t -> ok(t, "trades", 10L - t.index())), SweepProgress.NONE, () -> false);
        SweepResult positive = Sweep.run(request("--sweep", "fast=3..5:1", "--objective", "-maxDrawdown"), env,
                fake(t -> ok(t, "maxDrawdown", -dd.get(t.parameters().get("fast")))), SweepProgress.NONE,
                () -> false);

        assertThat(drawdown.rows()).extracting(r -> r.outcome().parameters().get("fast")).containsExactly("4", "5", "3");
        assertThat(positive.rows()).extracting(r -> r.outcome().parameters().get("fast")).containsExactly("4", "5", "3");
        assertThat(trades.rows()).extracting(r -> r.outcome().index()).containsExactly(2, 1, 0);
        assertThat(drawdown.jsonLine()).contains("\"objective\":\"-maxDrawdown\",\"value\":-0.05,");
    }

    @Test
    void runsFailingAConstraintAreKeptAndRankedAfterAndFailedRunsLast() throws IOException {
        SweepResult result = Sweep.run(request("--sweep", "fast=1..5:1", "--constraint", "maxDrawdown>-0.2",
                        "--constraint", "trades>=2"), env,
                fake(t -> switch (t.index()) {
                    case 0 -> ok(t, "sharpe", 3.0, "maxDrawdown", -0.25, "trades", 5L);
                    case 1 -> ok(t, "sharpe", 1.0, "maxDrawdown", -0.1, "trades", 5L);
                    case 2 -> new SweepOutcome(2, t.parameters(), Map.of(), "strategy smacross failed, badly", "n");
                    case 3 -> ok(t, "sharpe", 2.0, "maxDrawdown", -0.1, "trades", 1L);
                    default -> ok(t, "maxDrawdown", -0.1, "trades", 5L);
                }), SweepProgress.NONE, () -> false);

        assertThat(result.rows()).extracting(r -> r.outcome().index()).containsExactly(1, 4, 0, 3, 2);
        assertThat(result.rows()).extracting(SweepResult.Row::constraintsMet)
                .containsExactly(true, true, false, false, false);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.jsonLine()).contains("\"failed\":1,").contains("\"best\":{\"fast\":\"2\"}");
        assertThat(csv().get(5)).endsWith(",5,2,false,\"strategy smacross failed, badly\"");
        assertThat(csv().get(4)).endsWith(",4,3,false,");
    }

    @Test
    void theBestRunsReportsAreCopied() throws IOException {
        Path runs = dir.resolve("sw/runs");
        SweepResult result = Sweep.run(request("--sweep", "fast=1..5:1"), env, fake(t -> {
            try {
                Path run = Files.createDirectories(runs.resolve(Integer.toString(t.index())));
                Files.writeString(run.resolve("report.html"), "report " + t.index());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ok(t, "sharpe", (double) t.index());
        }), SweepProgress.NONE, () -> false);

        assertThat(result.rows()).hasSize(5);
        assertThat(Files.readString(dir.resolve("sw/best-1.html"))).isEqualTo("report 4");
        assertThat(Files.readString(dir.resolve("sw/best-2.html"))).isEqualTo("report 3");
        assertThat(Files.readString(dir.resolve("sw/best-3.html"))).isEqualTo("report 2");
        assertThat(dir.resolve("sw/best-4.html")).doesNotExist();
    }

    @Test
    void badInputIsFoundBeforeAnyRun() {
        AtomicInteger ran = new AtomicInteger();
        SweepExecutor counting = (tasks, sink, cancelled) -> ran.addAndGet(tasks.size());

        assertThatThrownBy(() -> Sweep.run(request("--sweep", "speed=1,2"), env, counting, SweepProgress.NONE,
                () -> false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--sweep speed: strategy smacross does not take it; it takes ")
                .hasMessageContaining("fast");
        assertThatThrownBy(() -> Sweep.run(SweepRequest.parse(List.of("--data", "d.csv", "--strategy", "nope",
                "--sweep", "fast=1")), env, counting, SweepProgress.NONE, () -> false))
                .hasMessage("unknown strategy 'nope'; known: smacross");
        assertThatThrownBy(() -> Sweep.run(request("--sweep", "fast=1", "--data", "missing.csv"), env, counting,
                SweepProgress.NONE, () -> false)).hasMessage("--data missing.csv: no such file or folder");
        assertThat(ran).hasValue(0);
        assertThat(dir.resolve("sw")).doesNotExist();
    }

    @Test
    void theProgressHearsEachRunAndTheBestSoFar() {
        List<String> heard = new ArrayList<>();
        Sweep.run(request("--sweep", "fast=1..3:1"), env, fake(t -> ok(t, "sharpe", (double) t.index())),
                (done, total, rate, best, value) -> heard.add(done + "/" + total + " " + best.index() + "=" + value),
                () -> false);

        assertThat(heard).containsExactly("1/3 2=2.0", "2/3 2=2.0", "3/3 2=2.0");
    }

    static List<String> sampleArgs() {
        return List.of("--data", SAMPLE.toString(), "--strategy", "smacross", "--param", "instrument=SIM-ACME",
                "--param", "quantity=10");
    }

    static SweepResult sampleSweep(Environment env, int workers, String out) {
        List<String> args = new ArrayList<>(sampleArgs());
        args.addAll(List.of("--sweep", "fast=3..6:1", "--sweep", "slow=10,20", "--workers",
                Integer.toString(workers), "--out", out));
        SweepRequest request = SweepRequest.parse(args);
        try (LocalSweepExecutor executor = new LocalSweepExecutor(request.workers(), env,
                env.baseDir().resolve(out))) {
            return Sweep.run(request, env, executor, SweepProgress.NONE, () -> false);
        }
    }

    static Map<String, Object> withoutTiming(Map<String, Object> stats) {
        Map<String, Object> m = new LinkedHashMap<>(stats);
        m.remove("seconds");
        m.remove("eventsPerSecond");
        return m;
    }

    @Test
    void aSweepOfSmacrossOverTheSampleEqualsRunningEachCombinationAlone() throws Exception {
        SweepResult result = sampleSweep(env, 2, "sw");

        assertThat(result.rows()).hasSize(8);
        assertThat(result.failed()).isZero();
        assertThat(result.canceled()).isFalse();
        for (SweepResult.Row row : result.rows()) {
            SweepOutcome o = row.outcome();
            List<String> args = new ArrayList<>(sampleArgs());
            o.parameters().forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
            args.addAll(List.of("--out", "alone-" + o.index()));
            BacktestResult alone = Backtest.run(BacktestRequest.parse(args), env, ProgressListener.NONE, () -> false);
            Map<String, Object> expected = new LinkedHashMap<>();
            withoutTiming(alone.stats()).forEach((k, v) -> {
                if (v instanceof Number || v instanceof String) {
                    expected.put(k, v);
                }
            });
            assertThat(expected).containsKeys("totalReturn", "sharpe", "trades");
            assertThat(withoutTiming(o.stats())).as("run %d %s", o.index(), o.parameters()).isEqualTo(expected);
            assertThat(Files.readAllBytes(dir.resolve("sw/runs/" + o.index() + "/fills.csv")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("alone-" + o.index() + "/fills.csv")));
        }
        assertThat(result.rows()).extracting(r -> r.outcome().parameters()).contains(Map.of("fast", "3", "slow", "10"),
                Map.of("fast", "6", "slow", "20"));
        assertThat(((Number) result.rows().get(0).outcome().stats().get("trades")).longValue()).isPositive();
    }

    @Test
    void oneAndTwoWorkersWriteTheSameSweepCsv() throws Exception {
        sampleSweep(env, 1, "one");
        sampleSweep(env, 2, "two");

        assertThat(Files.readString(dir.resolve("two/sweep.csv"))).isEqualTo(Files.readString(dir.resolve("one/sweep.csv")))
                .hasLineCount(9);
    }
}
