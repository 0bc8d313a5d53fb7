package io.nautilus.api.strategy;

import java.util.Map;
import java.util.Set;

/**
 * Checks a strategy instance's configuration before it is saved, so an operator's change that the strategy would
 * refuse is refused up front and nothing is written. {@link StrategyRegistration} registers one per configured
 * instance, with the same service properties as the instance's {@link Strategy} service ({@code service.pid} among
 * them), and the strategy engine consults it for {@code nautilus:strategy-params}.
 */
public interface StrategyConfigurationCheck {

    /**
     * The names of the parameters the strategy's configuration type defines (its Metatype attributes).
     *
     * @return the names
     */
    Set<String> parameterNames();

    /**
     * Checks a whole configuration: every typed parameter converts, and the strategy accepts the values (it is built
     * from them, as on a real change, and thrown away).
     *
     * @param configuration the configuration properties as they would be saved
     * @return why the strategy would refuse them, one line; empty if it accepts them
     */
    String problem(Map<String, ?> configuration);
}
