/**
 * The strategy engine's core, free of OSGi: {@link io.nautilus.strategy.engine.StrategyEngine} (registry and
 * fan-out), {@link io.nautilus.strategy.engine.StrategyInstance} (one strategy on its own thread: ordered,
 * sequenced delivery, failure isolation, hot swap), {@link io.nautilus.strategy.engine.InstanceContext} (the
 * strategy's {@link io.nautilus.api.strategy.StrategyContext}, which survives swaps),
 * {@link io.nautilus.strategy.engine.TradingPort} (the way to the trading core) and
 * {@link io.nautilus.strategy.engine.StrategyBindings} (strategy services to instance life cycles).
 */
package io.nautilus.strategy.engine;
