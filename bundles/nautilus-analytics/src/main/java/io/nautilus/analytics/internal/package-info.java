/**
 * The analytics engine's DS components: {@link io.nautilus.analytics.internal.PortfolioRiskManager}, the portfolio
 * risk service over the trading core, the history store and the market-data engine.
 */
package io.nautilus.analytics.internal;
