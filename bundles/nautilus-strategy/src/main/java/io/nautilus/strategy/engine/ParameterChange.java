package io.nautilus.strategy.engine;

import io.nautilus.api.StrategyId;
import io.nautilus.api.strategy.StrategyConfigurationCheck;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An operator's change of a strategy instance's parameters, checked before anything is saved: every name must be
 * a parameter of the strategy, and the whole resulting configuration must be one the strategy accepts (its
 * {@link StrategyConfigurationCheck}: types, ranges and the strategy's own rules).
 */
public final class ParameterChange {

    private static final Set<String> RESERVED = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename", "component.name", "component.id", "objectClass",
            "service.id");

    private final StrategyId id;
    private final StrategyConfigurationCheck check;
    private final Map<String, ?> serviceProperties;

    /**
     * Creates the change of one instance.
     *
     * @param id                the instance
     * @param check             the strategy's configuration check, or {@code null} if its component registers none
     *                          (then only names of parameters it has now are accepted, and values are not checked)
     * @param serviceProperties the properties of the instance's current strategy service
     */
    public ParameterChange(StrategyId id, StrategyConfigurationCheck check, Map<String, ?> serviceProperties) {
        this.id = Objects.requireNonNull(id, "id");
        this.check = check;
        this.serviceProperties = Map.copyOf(serviceProperties);
    }

    /**
     * The configuration after the change, if the strategy accepts it.
     *
     * @param saved   the configuration as saved now
     * @param changes parameter names and new values
     * @return the saved configuration with the changes applied
     * @throws IllegalArgumentException naming the first unknown or reserved name, or why the strategy refuses the
     *                                  values; nothing is to be saved then
     */
    public Map<String, Object> apply(Map<String, Object> saved, Map<String, String> changes) {
        Set<String> known = names();
        for (String key : changes.keySet()) {
            if (key == null || key.isBlank() || RESERVED.contains(key) || key.startsWith(".")) {
                throw new IllegalArgumentException("parameter name '" + key + "' cannot be changed");
            }
            if (!known.contains(key)) {
                throw new IllegalArgumentException("strategy " + id + " has no parameter '" + key
                        + "' (its parameters: " + String.join(", ", known) + "); nothing changed");
            }
        }
        Map<String, Object> next = new TreeMap<>(saved);
        next.putAll(changes);
        if (check != null) {
            String problem = check.problem(next);
            if (problem != null && !problem.isBlank()) {
                throw new IllegalArgumentException("strategy " + id + " refuses the change: " + problem
                        + "; nothing changed");
            }
        }
        return next;
    }

    private Set<String> names() {
        Set<String> names = new TreeSet<>();
        if (check != null) {
            names.addAll(check.parameterNames());
            return names;
        }
        for (String key : serviceProperties.keySet()) {
            if (!RESERVED.contains(key) && !key.startsWith(".") && !key.startsWith("component.")
                    && !key.startsWith("service.") && !key.startsWith("strategy.") && !key.startsWith("felix.")
                    && !key.startsWith("osgi.")) {
                names.add(key);
            }
        }
        return names;
    }
}
