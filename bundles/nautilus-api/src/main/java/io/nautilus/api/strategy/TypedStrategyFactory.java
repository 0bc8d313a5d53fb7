package io.nautilus.api.strategy;

import java.util.Map;
import java.util.function.Function;

/**
 * The usual base of a strategy bundle's {@link StrategyFactory}: parameters read through the strategy's
 * configuration type as {@link StrategyFactory#typed} reads them. A subclass only has a public no-argument
 * constructor (for {@link java.util.ServiceLoader}) passing the PID, the configuration type and the strategy's
 * constructor:
 *
 * <pre>{@code
 * public final class SmaCrossFactory extends TypedStrategyFactory<SmaCrossConfig> {
 *     public SmaCrossFactory() {
 *         super(SmaCrossComponent.PID, SmaCrossConfig.class, config -> new SmaCross(SmaCrossSettings.of(config)));
 *     }
 * }
 * }</pre>
 *
 * @param <C> the configuration type
 */
public abstract class TypedStrategyFactory<C> implements StrategyFactory {

    private final StrategyFactory typed;

    /**
     * @param factoryPid the factory configuration PID, {@code io.nautilus.strategy.<name>}
     * @param configType the configuration type
     * @param factory    builds a strategy from a configuration; throws {@link IllegalArgumentException} naming the
     *                   first invalid parameter
     */
    protected TypedStrategyFactory(String factoryPid, Class<C> configType,
                                   Function<? super C, ? extends Strategy> factory) {
        this.typed = StrategyFactory.typed(factoryPid, configType, factory);
    }

    @Override
    public final String name() {
        return typed.name();
    }

    @Override
    public final Map<String, Object> parameters() {
        return typed.parameters();
    }

    @Override
    public final Strategy create(Map<String, ?> parameters) {
        return typed.create(parameters);
    }

    @Override
    public String toString() {
        return typed.toString();
    }
}
