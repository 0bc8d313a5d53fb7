package io.nautilus.strategy.marketmaker;

import io.nautilus.api.strategy.TypedStrategyFactory;

/**
 * Builds {@link MarketMaker} instances from parameters, exactly as {@link MarketMakerComponent} builds them from a
 * configuration: how a backtest runs this bundle's strategy. Listed in
 * {@value io.nautilus.api.strategy.StrategyFactory#SERVICES_RESOURCE}; it loads without any OSGi class.
 */
public final class MarketMakerFactory extends TypedStrategyFactory<MarketMakerConfig> {

    /** Creates the factory (for {@link java.util.ServiceLoader}). */
    public MarketMakerFactory() {
        super(MarketMakerComponent.PID, MarketMakerConfig.class,
                config -> new MarketMaker(MarketMakerComponent.settings(config)));
    }
}
