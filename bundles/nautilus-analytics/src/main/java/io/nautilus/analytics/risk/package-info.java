/**
 * Portfolio risk calculations in plain Java: exposures ({@link io.nautilus.analytics.risk.Exposures}), VaR/CVaR of
 * positions over daily returns ({@link io.nautilus.analytics.risk.PortfolioVar},
 * {@link io.nautilus.analytics.risk.VarCalculator}), stress scenarios
 * ({@link io.nautilus.analytics.risk.StressScenarios}), Brinson attribution ({@link io.nautilus.analytics.risk.Brinson})
 * and an account's daily equity ({@link io.nautilus.analytics.risk.DailyEquity}). Conventions are in each class's
 * Javadoc and in docs/risk.md.
 */
package io.nautilus.analytics.risk;
