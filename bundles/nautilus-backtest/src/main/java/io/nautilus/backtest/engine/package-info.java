/**
 * The backtest engine, plain Java and single-threaded: a simulated clock replays a
 * {@link io.nautilus.data.MarketEventSource} through the market-data engine's validation and bars, a simulated
 * exchange and the trading core's engine ({@link io.nautilus.core.embedded.EmbeddedCore}) into one strategy instance,
 * and writes fills.csv, equity.csv, orders.csv and stats.json.
 */
package io.nautilus.backtest.engine;
