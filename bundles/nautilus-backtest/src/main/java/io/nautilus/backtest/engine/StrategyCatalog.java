package io.nautilus.backtest.engine;

import io.nautilus.api.strategy.StrategyFactory;

import java.util.List;

/**
 * The strategies a backtest can run, by factory name: the jars' {@code META-INF/services} files for
 * {@code bin/nautilus-backtest}, the installed strategy bundles inside the platform.
 */
public interface StrategyCatalog {

    /**
     * @param name a factory name, e.g. {@code smacross}
     * @return its factory, or null if unknown
     */
    StrategyFactory find(String name);

    /** @return the known factory names, sorted */
    List<String> names();
}
