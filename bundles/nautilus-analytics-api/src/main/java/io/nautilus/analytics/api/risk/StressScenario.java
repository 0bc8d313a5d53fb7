package io.nautilus.analytics.api.risk;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named set of price shocks, as {@code scenario.<name> = SIM-BTC:-20%, SIM-ETH:-30%} in
 * {@code etc/io.nautilus.analytics.cfg} defines it.
 *
 * @param name   the scenario's name
 * @param shocks relative price change by instrument id, e.g. -0.20 for -20 %, in the order written
 */
public record StressScenario(String name, Map<String, BigDecimal> shocks) {

    /**
     * Checks the components and copies the map, keeping its order.
     *
     * @throws NullPointerException if a component is null
     */
    public StressScenario {
        Objects.requireNonNull(name, "name");
        shocks = Collections.unmodifiableMap(new LinkedHashMap<>(shocks));
    }
}
