package io.nautilus.shell.internal;

import java.util.List;

/**
 * What {@code nautilus:status} knows of one platform bundle: its OSGi state and its Declarative Services components.
 *
 * @param symbolicName bundle symbolic name, e.g. {@code io.nautilus.camel}
 * @param version      bundle version
 * @param bundleState  OSGi bundle state name: {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, ...
 * @param components   the bundle's DS components with their state
 */
record EngineState(String symbolicName, String version, String bundleState, List<ComponentState> components) {

    /** The DS state of a component that needs a configuration and has none. */
    static final String IDLE = "UNSATISFIED_CONFIGURATION";


    /** Prefix shared by every platform bundle's symbolic name. */
    static final String PLATFORM_PREFIX = "io.nautilus.";

    EngineState {
        components = List.copyOf(components);
    }

    /**
     * One DS component of a bundle.
     *
     * @param name  component name
     * @param state {@code ACTIVE}, {@code SATISFIED}, {@code UNSATISFIED_REFERENCE}, {@code UNSATISFIED_CONFIGURATION},
     *              {@code FAILED_ACTIVATION} or {@code DISABLED}
     * @param failure the activation failure text, or {@code null}
     */
    record ComponentState(String name, String state, String failure) {
    }

    /** The engine's short name: the symbolic name without the platform prefix. */
    String engine() {
        return symbolicName.startsWith(PLATFORM_PREFIX) ? symbolicName.substring(PLATFORM_PREFIX.length()) : symbolicName;
    }

    /**
     * Whether the bundle is active and none of its components is failed, unsatisfied or disabled. A component that
     * waits for a configuration ({@code UNSATISFIED_CONFIGURATION}, e.g. a strategy with no instance configured in
     * etc/) is idle, not broken.
     */
    boolean healthy() {
        if (!"ACTIVE".equals(bundleState)) {
            return false;
        }
        for (ComponentState c : components) {
            if (!"ACTIVE".equals(c.state()) && !"SATISFIED".equals(c.state()) && !IDLE.equals(c.state())) {
                return false;
            }
        }
        return true;
    }

    /** A short text for the components column, e.g. {@code 2/2 ok} or {@code 1/2 ok, CamelRuntime FAILED_ACTIVATION}. */
    String componentSummary() {
        if (components.isEmpty()) {
            return "-";
        }
        int ok = 0;
        StringBuilder bad = new StringBuilder();
        for (ComponentState c : components) {
            if ("ACTIVE".equals(c.state()) || "SATISFIED".equals(c.state())) {
                ok++;
            } else if (IDLE.equals(c.state())) {
                bad.append(", ").append(simpleName(c.name())).append(" idle (no configuration)");
            } else {
                bad.append(", ").append(simpleName(c.name())).append(' ').append(c.state());
            }
        }
        return ok + "/" + components.size() + " ok" + bad;
    }

    private static String simpleName(String componentName) {
        int dot = componentName.lastIndexOf('.');
        return dot < 0 ? componentName : componentName.substring(dot + 1);
    }
}
