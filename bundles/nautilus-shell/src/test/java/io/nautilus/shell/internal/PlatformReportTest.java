package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.shell.internal.EngineState.ComponentState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformReportTest {

    private static List<EngineState> allActive() {
        List<EngineState> engines = new ArrayList<>();
        for (String name : PlatformReport.REQUIRED) {
            engines.add(new EngineState(name, "0.1.0", "ACTIVE", List.of(new ComponentState(name + ".Main", "ACTIVE", null))));
        }
        return engines;
    }

    @Test
    void readyWhenEveryRequiredBundleIsActiveAndCamelAnswers() {
        PlatformReport report = new PlatformReport(allActive(), true);
        assertThat(report.problems()).isEmpty();
        assertThat(report.headline()).isEqualTo("Platform: READY (10 bundles active)");
    }

    @Test
    void degradedNamesAMissingBundleAFailedComponentAndMissingCamel() {
        List<EngineState> engines = allActive();
        engines.removeIf(e -> e.symbolicName().equals("io.nautilus.shell"));
        engines.replaceAll(e -> e.symbolicName().equals("io.nautilus.camel")
                ? new EngineState(e.symbolicName(), "0.1.0", "ACTIVE",
                        List.of(new ComponentState("io.nautilus.camel.internal.CamelRuntime", "FAILED_ACTIVATION", "boom")))
                : e);
        PlatformReport report = new PlatformReport(engines, false);
        assertThat(report.problems()).containsExactly(
                "bundle io.nautilus.shell is not installed",
                "bundle io.nautilus.camel components: 0/1 ok, CamelRuntime FAILED_ACTIVATION",
                "the Camel route service is not available");
        assertThat(report.headline()).startsWith("Platform: DEGRADED - bundle io.nautilus.shell is not installed; ");
    }

    @Test
    void resolvedBundleIsAProblemAndEnginesAreSortedWithShortNames() {
        List<EngineState> engines = allActive();
        engines.add(0, new EngineState("io.nautilus.zeta", "1.0.0", "RESOLVED", List.of()));
        PlatformReport report = new PlatformReport(engines, true);
        assertThat(report.problems()).containsExactly("bundle io.nautilus.zeta is RESOLVED");
        assertThat(report.engines()).extracting(EngineState::engine)
                .containsExactly("api", "camel", "core", "core.api", "marketdata", "marketdata.api", "security",
                        "shell", "simvenue", "strategy", "zeta");
        assertThat(report.engines().get(10).componentSummary()).isEqualTo("-");
    }

    @Test
    void aComponentWaitingForItsConfigurationIsIdleNotAProblem() {
        List<EngineState> engines = allActive();
        engines.add(new EngineState("io.nautilus.strategy.momentum", "0.1.0", "ACTIVE",
                List.of(new ComponentState("io.nautilus.strategy.momentum.MomentumComponent",
                        "UNSATISFIED_CONFIGURATION", null))));
        PlatformReport report = new PlatformReport(engines, true);
        assertThat(report.problems()).isEmpty();
        assertThat(report.engines()).filteredOn(e -> e.symbolicName().endsWith("momentum"))
                .extracting(EngineState::componentSummary)
                .containsExactly("0/1 ok, MomentumComponent idle (no configuration)");
    }

    @Test
    void theTradingCoreAndItsApiAreRequired() {
        List<EngineState> engines = allActive();
        engines.removeIf(e -> e.symbolicName().startsWith("io.nautilus.core"));
        PlatformReport report = new PlatformReport(engines, true);
        assertThat(report.problems()).containsExactly("bundle io.nautilus.core is not installed",
                "bundle io.nautilus.core.api is not installed");
    }
}
