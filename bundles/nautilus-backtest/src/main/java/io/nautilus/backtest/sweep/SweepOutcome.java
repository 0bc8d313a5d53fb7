package io.nautilus.backtest.sweep;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one run of a sweep ended.
 *
 * @param index      the task's index in the sweep, from 0
 * @param parameters the swept parameters of the run, name to value, in the sweep's order
 * @param stats      the run's {@code stats.json} figures (numbers as {@link Number}, texts as {@link String}; nested
 *                   values left out), in the file's order; empty when the run failed
 * @param error      one line saying why the run failed, or null when it completed
 * @param node       the node that ran it (a host name with the process id, or a cluster member's name)
 */
public record SweepOutcome(int index, Map<String, String> parameters, Map<String, Object> stats, String error,
                           String node) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Copies the maps, keeping numbers and texts of {@code stats} only (what can travel). */
    public SweepOutcome {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Map<String, Object> kept = new LinkedHashMap<>();
        stats.forEach((k, v) -> {
            if (v instanceof Number || v instanceof String) {
                kept.put(k, v);
            }
        });
        stats = Collections.unmodifiableMap(kept);
        Objects.requireNonNull(node, "node");
    }

    /** @return true when the run failed ({@link #error} set) */
    public boolean failed() {
        return error != null;
    }

    /**
     * A figure of {@code stats.json} as a double.
     *
     * @param key the figure's name, e.g. sharpe
     * @return its value, or null when absent, not a number, NaN or infinite
     */
    public Double number(String key) {
        Object v = stats.get(key);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }

    /**
     * The same outcome credited to another node.
     *
     * @param name the node's name
     * @return the copy
     */
    public SweepOutcome withNode(String name) {
        return new SweepOutcome(index, parameters, stats, error, name);
    }
}
