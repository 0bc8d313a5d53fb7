package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.backtest.api.BacktestState;
import io.nautilus.backtest.api.SweepRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nautilus:sweep} against an in-memory backtest service. */
class SweepCommandTest {

    private static final Instant T = Instant.parse("2026-12-06T04:30:00Z");

    @TempDir
    Path folder;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final List<SweepRequest> started = new ArrayList<>();
    private BacktestInfo info;
    private String failWith;
    private int polls;

    private final BacktestService service = new BacktestService() {
        @Override
        public BacktestInfo start(BacktestRequest request) {
            throw new AssertionError("a sweep is started with startSweep");
        }

        @Override
        public BacktestInfo startSweep(List<String> args) {
            SweepRequest sweep = SweepRequest.parse(args);
            started.add(sweep);
            info = info(BacktestState.QUEUED, 0, 0, null, Map.of());
            return info;
        }

        @Override
        public List<BacktestInfo> list() {
            return List.of(info);
        }

        @Override
        public Optional<BacktestInfo> get(String id) {
            polls++;
            if (polls == 1) {
                info = info(BacktestState.RUNNING, 0.5, 4, null, Map.of());
            } else if (failWith != null) {
                info = info(BacktestState.FAILED, 0.5, 4, failWith, Map.of());
            } else {
                try {
                    Files.createDirectories(Path.of(info.outDir()));
                    Files.writeString(Path.of(info.outDir()).resolve("sweep.csv"), """
                            fast,slow,sharpe,rank,run,constraintsMet,error
                            6,20,1.5,1,7,true,
                            3,10,,8,0,false,"strategy failed, badly"
                            """);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                info = info(BacktestState.COMPLETED, 1, 8, null, Map.of("runs", 8L, "best", "{fast=6, slow=20}"));
            }
            return Optional.of(info);
        }

        @Override
        public boolean cancel(String id) {
            return false;
        }

        @Override
        public List<String> strategies() {
            return List.of("smacross");
        }
    };

    private BacktestInfo info(BacktestState state, double progress, long runs, String error,
                              Map<String, Object> stats) {
        BacktestRequest request = started.get(0).backtest();
        return new BacktestInfo("bt-20261206-0001", state, request, T, null, null, progress, runs, 0, 2.5, error,
                folder.resolve("bt-20261206-0001").toString(), stats);
    }

    private SweepCommand command(String... args) {
        SweepCommand command = new SweepCommand();
        command.args = new ArrayList<>(List.of(args));
        command.pollMillis = 1;
        return command;
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theOptionsGoToTheServiceAsASweep() throws Exception {
        command("--data", "samples/marketdata", "--strategy", "smacross", "--sweep", "fast=3..6:1", "--sweep",
                "slow=10,20", "--objective", "-maxDrawdown", "--workers", "2").run(service, out);

        SweepRequest asked = started.get(0);
        assertThat(asked.size()).isEqualTo(8);
        assertThat(asked.objective()).isEqualTo("-maxDrawdown");
        assertThat(asked.workers()).isEqualTo(2);
        assertThat(output()).isEqualTo("sweep bt-20261206-0001 QUEUED: smacross on samples/marketdata; files in "
                + folder.resolve("bt-20261206-0001") + " (nautilus:backtest status bt-20261206-0001)\n");
    }

    @Test
    void waitPrintsTheProgressThenTheFiguresAndTheBestRows() throws Exception {
        command("--data", "d", "--strategy", "smacross", "--sweep", "fast=3..6:1", "--sweep", "slow=10,20",
                "--wait").run(service, out);

        assertThat(output()).contains("bt-20261206-0001 RUNNING 50.0%, 4 runs ended, 2.50 runs/s")
                .contains("{fast=6, slow=20}")
                .contains("sweep.csv (best 2 of 2 runs):")
                .containsPattern("FAST +\\| SLOW +\\| SHARPE +\\| RANK")
                .contains("strategy failed, badly");
    }

    @Test
    void aFailedSweepEndsWithItsError() {
        failWith = "every run of the sweep failed; run 0: boom";

        assertThatThrownBy(() -> command("--data", "d", "--strategy", "smacross", "--sweep", "fast=1", "--wait")
                .run(service, out)).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: sweep bt-20261206-0001 FAILED: every run of the sweep failed; run 0: boom");
    }

    @Test
    void badOptionsAreTheParsersOneLineAndNothingStarts() {
        assertThatThrownBy(() -> command("--data", "d", "--strategy", "smacross", "--sweep", "fast=6..3:1")
                .run(service, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 6 is greater than to 3");
        assertThat(started).isEmpty();
    }

    @Test
    void optionsParsedByTheShellAreGivenToTheServiceInOrder() throws Exception {
        SweepCommand command = command();
        command.args = null;
        command.data = List.of("d1", "d2");
        command.strategy = "smacross";
        command.param = List.of("quantity=10");
        command.sweep = List.of("fast=3..4:1", "slow=10,20");
        command.constraint = List.of("maxDrawdown>-0.2");
        command.seed = "5";
        command.random = "3";

        command.run(service, out);

        SweepRequest asked = started.get(0);
        assertThat(asked.backtest().data()).containsExactly("d1", "d2");
        assertThat(asked.backtest().parameters()).containsEntry("quantity", "10");
        assertThat(asked.backtest().seed()).isEqualTo(5);
        assertThat(asked.size()).isEqualTo(4);
        assertThat(asked.combinations()).hasSize(3);
        assertThat(asked.constraints()).extracting(Object::toString).containsExactly("maxDrawdown>-0.2");
    }

    @Test
    void csvCellsKeepQuotedCommas() {
        assertThat(SweepCommand.cells("1,\"a, \"\"b\"\"\",", 4)).containsExactly("1", "a, \"b\"", "", "");
    }
}
