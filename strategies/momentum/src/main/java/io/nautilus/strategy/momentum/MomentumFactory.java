package io.nautilus.strategy.momentum;

import io.nautilus.api.strategy.TypedStrategyFactory;

/**
 * Builds {@link Momentum} instances from parameters, exactly as {@link MomentumComponent} builds them from a
 * configuration: how a backtest runs this bundle's strategy. Listed in
 * {@value io.nautilus.api.strategy.StrategyFactory#SERVICES_RESOURCE}; it loads without any OSGi class.
 */
public final class MomentumFactory extends TypedStrategyFactory<MomentumConfig> {

    /** Creates the factory (for {@link java.util.ServiceLoader}). */
    public MomentumFactory() {
        super(MomentumComponent.PID, MomentumConfig.class,
                config -> new Momentum(MomentumComponent.settings(config)));
    }
}
