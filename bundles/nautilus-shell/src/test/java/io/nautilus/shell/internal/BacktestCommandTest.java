package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.backtest.api.BacktestState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nautilus:backtest} against an in-memory backtest service. */
class BacktestCommandTest {

    private static final Instant T = Instant.parse("2026-12-06T03:30:00Z");

    @TempDir
    Path folder;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Service service = new Service();

    @Test
    void runParsesTheOptionsOfTheCommandLineToolAndPrintsTheRun() throws Exception {
        command("run", "--data", "samples/marketdata/quotes.csv.gz", "--strategy", "smacross", "--param",
                "fast=5", "--seed", "7").run(service, out);

        BacktestRequest asked = service.started.get(0);
        assertThat(asked.data()).containsExactly("samples/marketdata/quotes.csv.gz");
        assertThat(asked.parameters()).containsExactly(Map.entry("fast", "5"));
        assertThat(asked.seed()).isEqualTo(7);
        assertThat(output()).contains("backtest bt-20261206-0001 QUEUED: smacross on samples/marketdata/"
                + "quotes.csv.gz; files in " + folder.resolve("bt-20261206-0001"));
    }

    @Test
    void runWithWaitPrintsProgressThenTheFiguresFilesAndLastEquityRows() throws Exception {
        service.endAfterPolls = 2;
        BacktestCommand command = command("run", "--data", "q.csv", "--strategy", "smacross", "--wait");
        command.pollMillis = 1;

        command.run(service, out);

        assertThat(output()).contains("bt-20261206-0001 RUNNING 50.0%, 500 events, 1,000 events/s, 1 fills")
                .contains("totalReturn", "0.0123")
                .contains("equity.csv", "fills.csv")
                .contains("equity.csv (last 5 of 6 days):", "date,equity", "2024-01-07,100600")
                .doesNotContain("2024-01-02,100100");
    }

    @Test
    void runWithWaitFailsWithTheRunsErrorWhenItFails() {
        service.endAfterPolls = 1;
        service.failWith = "strategy smacross threw java.lang.IllegalStateException: boom";
        BacktestCommand command = command("run", "--data", "q.csv", "--strategy", "smacross");
        command.waitForEnd = true;
        command.pollMillis = 1;

        assertThatThrownBy(() -> command.run(service, out)).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: backtest bt-20261206-0001 FAILED: strategy smacross threw"
                        + " java.lang.IllegalStateException: boom");
    }

    @Test
    void aBadOptionIsRefusedWithTheParsersMessageAndNothingStarts() {
        assertThatThrownBy(() -> command("run", "--data", "q.csv", "--strategy", "smacross", "--bogus", "1")
                .run(service, out)).isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --bogus");
        assertThat(service.started).isEmpty();
    }

    @Test
    void listShowsEveryRunAsARow() throws Exception {
        command("run", "--data", "q.csv", "--strategy", "smacross").run(service, out);
        bytes.reset();

        command("list").run(service, out);

        assertThat(output()).contains("ID", "STATE", "EVENTS/S").contains("bt-20261206-0001", "QUEUED", "smacross",
                "2026-12-06 03:30:00");
    }

    @Test
    void statusShowsWhereARunIs() throws Exception {
        command("run", "--data", "q.csv", "--strategy", "smacross").run(service, out);
        bytes.reset();

        command("status", "bt-20261206-0001").run(service, out);

        assertThat(output()).contains("state", "QUEUED", "progress", "0.0%", "folder");
    }

    @Test
    void anUnknownRunIdFailsWithOneLine() {
        assertThatThrownBy(() -> command("status", "bt-1").run(service, out)).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: no backtest bt-1 (nautilus:backtest list shows them)");
        assertThatThrownBy(() -> command("show").run(service, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("backtest show needs a run id");
        assertThatThrownBy(() -> command("status", "a", "b").run(service, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("backtest status takes one run id;"
                        + " unexpected 'b'");
    }

    @Test
    void cancelAsksTheServiceAndRefusesAnEndedRun() throws Exception {
        command("run", "--data", "q.csv", "--strategy", "smacross").run(service, out);

        command("cancel", "bt-20261206-0001").run(service, out);

        assertThat(output()).contains("backtest bt-20261206-0001: cancel asked (CANCELED)");
        assertThatThrownBy(() -> command("cancel", "bt-20261206-0001").run(service, out))
                .isInstanceOf(CommandException.class).hasMessage("nautilus: backtest bt-20261206-0001 is CANCELED;"
                        + " only a QUEUED or RUNNING one can be canceled");
    }

    @Test
    void anUnknownActionNamesTheActions() {
        assertThatThrownBy(() -> command("start").run(service, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown action 'start'; use one of run, list, status, cancel, show");
    }

    @Test
    void withoutTheServiceTheCommandFailsWithOneLine() {
        assertThatThrownBy(() -> command("list").execute()).isInstanceOf(CommandException.class)
                .hasMessage(BacktestCommand.NOT_RUNNING);
    }

    private BacktestCommand command(String action, String... args) {
        BacktestCommand command = new BacktestCommand();
        command.action = action;
        command.args = args.length == 0 ? null : List.of(args);
        return command;
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs that stay QUEUED, or run then end after some polls, writing equity.csv and fills.csv. */
    private final class Service implements BacktestService {
        final List<BacktestRequest> started = new ArrayList<>();
        final Map<String, BacktestInfo> runs = new LinkedHashMap<>();
        int endAfterPolls = -1;
        String failWith;
        private int polls;

        @Override
        public BacktestInfo start(BacktestRequest request) {
            started.add(request);
            String id = String.format("bt-20261206-%04d", started.size());
            BacktestInfo info = new BacktestInfo(id, BacktestState.QUEUED, request, T, null, null, 0, 0, 0, 0, null,
                    folder.resolve(id).toString(), Map.of());
            runs.put(id, info);
            return info;
        }

        @Override
        public List<BacktestInfo> list() {
            return List.copyOf(runs.values());
        }

        @Override
        public Optional<BacktestInfo> get(String id) {
            BacktestInfo info = runs.get(id);
            if (info == null || endAfterPolls < 0 || info.state().isFinished()) {
                return Optional.ofNullable(info);
            }
            polls++;
            BacktestInfo next = polls <= endAfterPolls
                    ? copy(info, BacktestState.RUNNING, 0.5, 500, null, Map.of())
                    : failWith != null ? copy(info, BacktestState.FAILED, 0.5, 500, failWith, Map.of())
                    : copy(info, BacktestState.COMPLETED, 1, 1000, null, Map.of("totalReturn", 0.0123));
            if (next.state() == BacktestState.COMPLETED) {
                write(Path.of(next.outDir()));
            }
            runs.put(id, next);
            return Optional.of(next);
        }

        @Override
        public boolean cancel(String id) {
            BacktestInfo info = runs.get(id);
            if (info == null || info.state().isFinished()) {
                return false;
            }
            runs.put(id, copy(info, BacktestState.CANCELED, info.progress(), info.events(), null, Map.of()));
            return true;
        }

        @Override
        public List<String> strategies() {
            return List.of("smacross");
        }

        private BacktestInfo copy(BacktestInfo info, BacktestState state, double progress, long events,
                                  String error, Map<String, Object> stats) {
            return new BacktestInfo(info.id(), state, info.request(), info.submitted(), T, state.isFinished() ? T
                    : null, progress, events, 1, 1000, error, info.outDir(), stats);
        }

        private void write(Path dir) {
            try {
                Files.createDirectories(dir);
                StringBuilder equity = new StringBuilder("date,equity\n");
                for (int day = 2; day <= 7; day++) {
                    equity.append("2024-01-0").append(day).append(",100").append(day - 1).append("00\n");
                }
                Files.writeString(dir.resolve("equity.csv"), equity);
                Files.writeString(dir.resolve("fills.csv"), "timestamp,orderId,instrument,side,price,qty,fee,"
                        + "liquidity\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
