package io.nautilus.api.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds instances of one strategy from parameters, outside any configuration: what the backtest engine (in the
 * platform and in {@code bin/nautilus-backtest}) uses to run the same strategy classes as live trading.
 *
 * <p>A strategy bundle (or jar) names its factories in {@value #SERVICES_RESOURCE}, one class name per line, each
 * with a public no-argument constructor, as {@link java.util.ServiceLoader} expects; the platform reads that file
 * from installed bundles, the command-line tool from the jars it loads. A factory built with {@link #typed} reads
 * parameters exactly as the strategy's configuration component does ({@link StrategyRegistration}).
 */
public interface StrategyFactory {

    /** Where a jar or bundle lists its factories. */
    String SERVICES_RESOURCE = "META-INF/services/io.nautilus.api.strategy.StrategyFactory";

    /** The prefix of strategy factory PIDs: {@code io.nautilus.strategy.<name>}. */
    String PID_PREFIX = "io.nautilus.strategy.";

    /**
     * The factory name, as in {@code etc/io.nautilus.strategy.<name>-<instance>.cfg}, e.g. {@code smacross}.
     *
     * @return the name
     */
    String name();

    /**
     * The parameters the strategy takes, with their defaults ({@code null} for a required one without default);
     * arrays for multi-valued ones.
     *
     * @return name to default value, in declaration order
     */
    Map<String, Object> parameters();

    /**
     * Builds a strategy.
     *
     * @param parameters parameter values: text as in a {@code .cfg} file, or typed values; missing ones take their
     *                   defaults
     * @return a new strategy, not started
     * @throws IllegalArgumentException naming the first unknown parameter, the first value of the wrong type or a
     *                                  value the strategy refuses
     */
    Strategy create(Map<String, ?> parameters);

    /**
     * A factory reading parameters through a strategy's configuration type (its Metatype
     * {@code @ObjectClassDefinition}), strictly and refusing unknown names.
     *
     * @param factoryPid the factory configuration PID, {@code io.nautilus.strategy.<name>}
     * @param configType the configuration type
     * @param factory    builds a strategy from a configuration; throws {@link IllegalArgumentException} naming the
     *                   first invalid parameter
     * @param <C>        the configuration type
     * @return the factory
     */
    static <C> StrategyFactory typed(String factoryPid, Class<C> configType,
                                     Function<? super C, ? extends Strategy> factory) {
        Objects.requireNonNull(factoryPid, "factoryPid");
        Objects.requireNonNull(configType, "configType");
        Objects.requireNonNull(factory, "factory");
        if (!factoryPid.startsWith(PID_PREFIX) || factoryPid.length() == PID_PREFIX.length()) {
            throw new IllegalArgumentException("factory PID " + factoryPid + " does not start with " + PID_PREFIX);
        }
        String name = factoryPid.substring(PID_PREFIX.length());
        Map<String, Object> defaults = new LinkedHashMap<>();
        TypedConfiguration.attributes(configType).forEach((key, method) -> defaults.put(key,
                method.getDefaultValue()));
        Map<String, Object> parameters = Collections.unmodifiableMap(defaults);
        Set<String> names = parameters.keySet();
        return new StrategyFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, Object> parameters() {
                return parameters;
            }

            @Override
            public Strategy create(Map<String, ?> parameters) {
                for (String key : parameters.keySet()) {
                    if (!names.contains(key)) {
                        throw new IllegalArgumentException(name + ": unknown parameter '" + key + "'; it takes "
                                + String.join(", ", names));
                    }
                }
                Map<String, Object> values = TypedConfiguration.values(configType, parameters);
                Strategy built = factory.apply(TypedConfiguration.view(configType, values));
                if (built == null) {
                    throw new IllegalArgumentException(factoryPid + ": the factory built no strategy");
                }
                return built;
            }

            @Override
            public String toString() {
                return "StrategyFactory[" + name + "]";
            }
        };
    }
}
