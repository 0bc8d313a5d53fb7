package io.nautilus.backtest.internal;

import io.nautilus.api.strategy.StrategyFactory;

import java.util.List;

/** The strategy factories backtests can run, by name. */
interface Strategies {

    /**
     * @param name a factory name
     * @return the factory, or null if unknown
     */
    StrategyFactory find(String name);

    /** @return the known names, sorted */
    List<String> names();
}
