/**
 * The simulated venue: the trading core's own matching engine as the exchange for paper trading, with the market's
 * liquidity mirrored into the core's books from the market-data engine. See {@link io.nautilus.simvenue.SimulatedMarket}.
 */
package io.nautilus.simvenue;
