package io.nautilus.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The platform's overall state as {@code nautilus:status} reports it: READY when every platform bundle is active
 * with healthy components and the Camel runtime answers, otherwise DEGRADED with the reasons.
 */
final class PlatformReport {

    /** Bundles the platform cannot run without; missing ones make the platform DEGRADED. */
    static final List<String> REQUIRED = List.of("io.nautilus.api", "io.nautilus.camel", "io.nautilus.core",
            "io.nautilus.core.api", "io.nautilus.marketdata", "io.nautilus.marketdata.api", "io.nautilus.security",
            "io.nautilus.shell", "io.nautilus.simvenue", "io.nautilus.strategy");

    private final List<EngineState> engines;
    private final boolean camelAvailable;

    PlatformReport(List<EngineState> engines, boolean camelAvailable) {
        List<EngineState> sorted = new ArrayList<>(engines);
        sorted.sort(Comparator.comparing(EngineState::symbolicName));
        this.engines = List.copyOf(sorted);
        this.camelAvailable = camelAvailable;
    }

    List<EngineState> engines() {
        return engines;
    }

    /** Why the platform is not ready; empty when it is. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String required : REQUIRED) {
            if (engines.stream().noneMatch(e -> e.symbolicName().equals(required))) {
                problems.add("bundle " + required + " is not installed");
            }
        }
        for (EngineState e : engines) {
            if (!"ACTIVE".equals(e.bundleState())) {
                problems.add("bundle " + e.symbolicName() + " is " + e.bundleState());
            } else if (!e.healthy()) {
                problems.add("bundle " + e.symbolicName() + " components: " + e.componentSummary());
            }
        }
        if (!camelAvailable) {
            problems.add("the Camel route service is not available");
        }
        return problems;
    }

    /** One line: {@code Platform: READY (6 bundles active)} or {@code Platform: DEGRADED - reason; reason}. */
    String headline() {
        List<String> problems = problems();
        if (problems.isEmpty()) {
            return "Platform: READY (" + engines.size() + " bundles active)";
        }
        return "Platform: DEGRADED - " + String.join("; ", problems);
    }
}
