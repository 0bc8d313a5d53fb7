package io.nautilus.web.rest;

import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyResourceTest {

    /** One instance, {@code mm-1}, running, with {@code spread=0.01}; refuses a negative spread. */
    static final class Strategies implements StrategyAdminService {
        String state = "RUNNING";
        final Map<String, String> parameters = new HashMap<>(Map.of("spread", "0.01"));
        final List<String> calls = new ArrayList<>();

        StrategyInstanceInfo info() {
            return new StrategyInstanceInfo("mm-1", "io.nautilus.strategy.MarketMaker", "io.nautilus.strategy.mm", 2,
                    state, "", "desk-1", List.of("SIM-ACME"), parameters, "etc/io.nautilus.strategy.mm-1.cfg", 10, 0,
                    -1, 0, 3, new BigDecimal("12.50"), BigDecimal.ZERO, List.of(), "");
        }

        @Override
        public List<StrategyInstanceInfo> instances() {
            return List.of(info());
        }

        @Override
        public Optional<StrategyInstanceInfo> instance(String id) {
            return id.equals("mm-1") ? Optional.of(info()) : Optional.empty();
        }

        @Override
        public String stop(String id) {
            calls.add("stop " + id);
            if (!state.equals("RUNNING")) {
                throw new IllegalArgumentException("strategy instance " + id + " is not running (" + state + ")");
            }
            state = "STOPPED";
            return "strategy instance " + id + " stopped";
        }

        @Override
        public String start(String id) {
            calls.add("start " + id);
            if (state.equals("RUNNING")) {
                throw new IllegalArgumentException("strategy instance " + id + " is running");
            }
            state = "RUNNING";
            return "strategy instance " + id + " started";
        }

        @Override
        public String updateParameters(String id, Map<String, String> changes) {
            calls.add("params " + id + " " + changes);
            if (changes.getOrDefault("spread", "0").startsWith("-")) {
                throw new IllegalArgumentException("spread " + changes.get("spread") + " must be positive");
            }
            parameters.putAll(changes);
            return "strategy instance " + id + " reconfigured";
        }
    }

    private final Strategies strategies = new Strategies();
    private RestHarness rest;

    @BeforeEach
    void start() throws Exception {
        rest = new RestHarness().mount(new StrategyResource());
        rest.context.with(StrategyAdminService.class, strategies);
        rest.start();
    }

    @AfterEach
    void stop() throws Exception {
        rest.close();
    }

    @Test
    void listsInstancesWithDecimalsAsStrings() throws Exception {
        RestHarness.Answer answer = rest.get("/api/v1/strategies", "viewer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get(0).path("id").asText()).isEqualTo("mm-1");
        assertThat(answer.json().get(0).path("realisedPnl").isTextual()).isTrue();
        assertThat(answer.json().get(0).path("realisedPnl").asText()).isEqualTo("12.50");
        assertThat(answer.json().get(0).path("lagMicros").isNull()).isTrue();
    }

    @Test
    void traderStopsAnInstanceAndTheStopIsAudited() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/strategies/mm-1/stop", "trader", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("outcome").asText()).isEqualTo("strategy instance mm-1 stopped");
        assertThat(strategies.state).isEqualTo("STOPPED");
        assertThat(rest.context.audit).containsExactly("trader: stop strategy mm-1: strategy instance mm-1 stopped");
    }

    @Test
    void viewerMayNotStopAndNothingChanges() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/strategies/mm-1/stop", "viewer", null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.type()).startsWith("application/problem+json");
        assertThat(strategies.calls).isEmpty();
        assertThat(strategies.state).isEqualTo("RUNNING");
    }

    @Test
    void startingARunningInstanceIsRefusedWithTheEnginesReason() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/strategies/mm-1/start", "trader", null);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.detail()).isEqualTo("strategy instance mm-1 is running");
        assertThat(rest.context.audit).isEmpty();
    }

    @Test
    void unknownInstanceIs404() throws Exception {
        RestHarness.Answer answer = rest.send("POST", "/api/v1/strategies/nope/stop", "trader", null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.detail()).contains("no strategy instance nope");
        assertThat(strategies.calls).isEmpty();
    }

    @Test
    void changesParametersAndShowsThemAfter() throws Exception {
        RestHarness.Answer answer = rest.send("PUT", "/api/v1/strategies/mm-1/params", "trader",
                "{\"parameters\": {\"spread\": \"0.02\", \"size\": 5}}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("parameters").path("spread").asText()).isEqualTo("0.02");
        assertThat(answer.json().path("parameters").path("size").asText()).isEqualTo("5");
        assertThat(rest.get("/api/v1/strategies/mm-1/params", "viewer").json().path("parameters").path("spread")
                .asText()).isEqualTo("0.02");
    }

    @Test
    void malformedJsonIsAProblemAndChangesNothing() throws Exception {
        RestHarness.Answer answer = rest.send("PUT", "/api/v1/strategies/mm-1/params", "trader",
                "{\"parameters\": {\"spread\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.detail()).startsWith("malformed JSON");
        assertThat(strategies.calls).isEmpty();
        assertThat(strategies.parameters).containsEntry("spread", "0.01");
    }

    @Test
    void refusedValueIs422WithTheReasonAndChangesNothing() throws Exception {
        RestHarness.Answer answer = rest.send("PUT", "/api/v1/strategies/mm-1/params", "trader",
                "{\"parameters\": {\"spread\": \"-1\"}}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.detail()).isEqualTo("spread -1 must be positive");
        assertThat(strategies.parameters).containsEntry("spread", "0.01");
    }

    @Test
    void nonScalarParameterValueIsABadRequest() throws Exception {
        RestHarness.Answer answer = rest.send("PUT", "/api/v1/strategies/mm-1/params", "trader",
                "{\"parameters\": {\"spread\": [1, 2]}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(strategies.calls).isEmpty();
    }

    @Test
    void withoutTheEngineItIs503() throws Exception {
        try (RestHarness bare = new RestHarness().mount(new StrategyResource()).start()) {
            RestHarness.Answer answer = bare.get("/api/v1/strategies", "viewer");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.detail()).isEqualTo("the strategy engine is not running");
        }
    }
}
