package io.nautilus.strategy.momentum;

import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyFactory;

import java.util.Map;

/**
 * Builds {@link Momentum} instances from parameters, exactly as {@link MomentumComponent} builds them from a
 * configuration: how a backtest runs this bundle's strategy. Listed in
 * {@value io.nautilus.api.strategy.StrategyFactory#SERVICES_RESOURCE}; it loads without any OSGi class.
 */
public final class MomentumFactory implements StrategyFactory {

    private final StrategyFactory typed = StrategyFactory.typed(MomentumComponent.PID, MomentumConfig.class,
            config -> new Momentum(MomentumComponent.settings(config)));

    /** Creates the factory (for {@link java.util.ServiceLoader}). */
    public MomentumFactory() {
    }

    @Override
    public String name() {
        return typed.name();
    }

    @Override
    public Map<String, Object> parameters() {
        return typed.parameters();
    }

    @Override
    public Strategy create(Map<String, ?> parameters) {
        return typed.create(parameters);
    }

    @Override
    public String toString() {
        return typed.toString();
    }
}
