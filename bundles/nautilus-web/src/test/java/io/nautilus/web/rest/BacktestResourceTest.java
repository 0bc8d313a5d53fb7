package io.nautilus.web.rest;

import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.backtest.api.BacktestState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestResourceTest {

    /** Queues runs as B1, B2, ... into folders under {@link #root}; knows only the strategy {@code smacross}. */
    static final class Backtests implements BacktestService {
        final Path root;
        final List<BacktestInfo> runs = new ArrayList<>();
        final List<String> sweeps = new ArrayList<>();
        final List<String> canceled = new ArrayList<>();

        Backtests(Path root) {
            this.root = root;
        }

        @Override
        public BacktestInfo start(BacktestRequest request) {
            if (!request.strategy().equals("smacross")) {
                throw new IllegalArgumentException("unknown strategy " + request.strategy() + "; known: smacross");
            }
            String id = "B" + (runs.size() + 1);
            BacktestInfo run = new BacktestInfo(id, BacktestState.QUEUED, request, Instant.parse("2026-12-06T10:00:00Z"),
                    null, null, 0, 0, 0, 0, null, root.resolve(id).toString(), Map.of("sharpe", Double.NaN,
                    "totalReturn", 0.05));
            runs.add(run);
            return run;
        }

        @Override
        public BacktestInfo startSweep(List<String> args) {
            sweeps.add(String.join(" ", args));
            return start(BacktestRequest.parse(args.subList(0, 4)));
        }

        @Override
        public List<BacktestInfo> list() {
            return List.copyOf(runs);
        }

        @Override
        public Optional<BacktestInfo> get(String id) {
            return runs.stream().filter(run -> run.id().equals(id)).findFirst();
        }

        @Override
        public boolean cancel(String id) {
            for (int i = 0; i < runs.size(); i++) {
                BacktestInfo r = runs.get(i);
                if (r.id().equals(id) && (r.state() == BacktestState.QUEUED || r.state() == BacktestState.RUNNING)) {
                    canceled.add(id);
                    runs.set(i, new BacktestInfo(id, BacktestState.CANCELED, r.request(), r.submitted(), null,
                            Instant.parse("2026-12-06T10:00:01Z"), 0, 0, 0, 0, null, r.outDir(), r.stats()));
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<String> strategies() {
            return List.of("smacross");
        }
    }

    private static final String RUN = "{\"args\": [\"--data\", \"data/SIM-ACME.csv\", \"--strategy\", \"smacross\"]}";

    @TempDir
    Path dir;

    private Backtests backtests;
    private RestHarness rest;

    @BeforeEach
    void start() throws Exception {
        backtests = new Backtests(dir);
        rest = new RestHarness().mount(new BacktestResource());
        rest.context.with(BacktestService.class, backtests);
        rest.start();
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void traderQueuesARunWithTheCliOptions() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/backtests", "trader", RUN);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("id").asText()).isEqualTo("B1");
        assertThat(answer.json().path("state").asText()).isEqualTo("QUEUED");
        assertThat(answer.json().path("stats").has("sharpe")).as("NaN is left out").isFalse();
        assertThat(answer.json().path("stats").path("totalReturn").asDouble()).isEqualTo(0.05);
        assertThat(rest.get("/api/v1/backtests", "viewer").json()).hasSize(1);
        assertThat(rest.get("/api/v1/backtests/B1", "viewer").json().path("strategy").asText()).isEqualTo("smacross");
    }

    @Test
    void badOptionsAreABadRequestWithTheCliReasonAndQueueNothing() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/backtests", "trader",
                "{\"args\": [\"--strategy\", \"smacross\"]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.detail()).isEqualTo("--data: give at least one CSV file, folder or store folder");
        assertThat(backtests.runs).isEmpty();
    }

    @Test
    void argsMustBeAnArrayOfStrings() throws Exception {
        for (String body : new String[] {"{}", "{\"args\": \"--data x\"}", "{\"args\": [1, 2]}", "{\"args\": [null]}"}) {
            assertThat(rest.send("POST", "/api/v1/backtests", "trader", body).status()).as(body).isEqualTo(400);
        }
        assertThat(backtests.runs).isEmpty();
    }

    @Test
    void aRefusalOfTheServiceIs422WithItsReason() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/backtests", "trader",
                "{\"args\": [\"--data\", \"x.csv\", \"--strategy\", \"nope\"]}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.detail()).isEqualTo("unknown strategy nope; known: smacross");
    }

    @Test
    void viewerMayNotRunBacktests() throws Exception {
        assertThat(rest.send("POST", "/api/v1/backtests", "viewer", RUN).status()).isEqualTo(403);
        assertThat(backtests.runs).isEmpty();
    }

    @Test
    void servesTheReportAndTheEquityOnceWritten() throws Exception {
        rest.send("POST", "/api/v1/backtests", "trader", RUN);
        assertThat(rest.get("/api/v1/backtests/B1/report", "viewer").status()).isEqualTo(404);

        Files.createDirectories(dir.resolve("B1"));
        Files.writeString(dir.resolve("B1/report.html"), "<html>report of B1</html>");
        Files.writeString(dir.resolve("B1/equity.csv"), "date,equity\n2026-12-01,100000.00\n2026-12-02,100012.50\n");

        RestHarness.Answer report = rest.get("/api/v1/backtests/B1/report", "viewer");
        RestHarness.Answer equity = rest.get("/api/v1/backtests/B1/equity", "viewer");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.type()).startsWith("text/html");
        assertThat(report.body()).isEqualTo("<html>report of B1</html>");
        assertThat(equity.json()).hasSize(2);
        assertThat(equity.json().get(1).path("date").asText()).isEqualTo("2026-12-02");
        assertThat(equity.json().get(1).path("equity").asText()).isEqualTo("100012.50");
    }

    @Test
    void unknownRunIs404() throws Exception {
        assertThat(rest.get("/api/v1/backtests/B9", "viewer").status()).isEqualTo(404);
        assertThat(rest.get("/api/v1/backtests/B9/equity", "viewer").status()).isEqualTo(404);
        assertThat(rest.get("/api/v1/backtests/..%2F..%2Fetc/report", "viewer").status()).isEqualTo(404);
    }

    @Test
    void traderQueuesASweepAsOneRun() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/sweeps", "trader", "{\"args\": [\"--data\","
                + " \"x.csv\", \"--strategy\", \"smacross\", \"--sweep\", \"fast=5..10:5\"]}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("id").asText()).isEqualTo("B1");
        assertThat(backtests.sweeps).containsExactly("--data x.csv --strategy smacross --sweep fast=5..10:5");
        assertThat(rest.context.audit).hasSize(1);
    }

    @Test
    void sweepsAreCheckedAsTheCliChecksThem() throws Exception {
        RestHarness.Answer bad = rest.send("POST", "/api/v1/sweeps", "trader", RUN);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(backtests.sweeps).isEmpty();
    }

    @Test
    void traderCancelsAQueuedRun() throws Exception {
        rest.send("POST", "/api/v1/backtests", "trader", RUN);

        RestHarness.Answer answer = rest.send("POST", "/api/v1/backtests/B1/cancel", "trader", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("state").asText()).isEqualTo("CANCELED");
        assertThat(backtests.canceled).containsExactly("B1");
        assertThat(rest.context.audit).hasSize(2);
    }

    @Test
    void cancelIsForTradersOfAKnownRunThatStillRuns() throws Exception {
        rest.send("POST", "/api/v1/backtests", "trader", RUN);

        assertThat(rest.send("POST", "/api/v1/backtests/B1/cancel", "viewer", null).status()).isEqualTo(403);
        assertThat(rest.send("POST", "/api/v1/backtests/B9/cancel", "trader", null).status()).isEqualTo(404);
        assertThat(backtests.canceled).isEmpty();
        assertThat(backtests.runs.get(0).state()).isEqualTo(BacktestState.QUEUED);

        rest.send("POST", "/api/v1/backtests/B1/cancel", "trader", null);
        RestHarness.Answer again = rest.send("POST", "/api/v1/backtests/B1/cancel", "trader", null);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.detail()).isEqualTo("backtest B1 is CANCELED; only a QUEUED or RUNNING one can be canceled");
        assertThat(backtests.canceled).containsExactly("B1");
    }
}
