package io.nautilus.strategy.smacross;

import io.nautilus.api.strategy.TypedStrategyFactory;

/**
 * Builds {@link SmaCross} instances from parameters, exactly as {@link SmaCrossComponent} builds them from a
 * configuration: how a backtest runs this bundle's strategy. Listed in
 * {@value io.nautilus.api.strategy.StrategyFactory#SERVICES_RESOURCE}; it loads without any OSGi class.
 */
public final class SmaCrossFactory extends TypedStrategyFactory<SmaCrossConfig> {

    /** Creates the factory (for {@link java.util.ServiceLoader}). */
    public SmaCrossFactory() {
        super(SmaCrossComponent.PID, SmaCrossConfig.class,
                config -> new SmaCross(SmaCrossSettings.of(config)));
    }
}
