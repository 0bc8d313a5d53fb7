/**
 * Portfolio risk of the live book as operators and risk managers read it: {@link
 * io.nautilus.analytics.api.risk.PortfolioRiskService} answers exposures by instrument, currency and account,
 * value at risk of the current positions (historical and parametric), stress scenarios and Brinson attribution.
 *
 * <p>Money values are {@link java.math.BigDecimal}s in the currency the instruments are quoted in, never converted
 * between currencies: every aggregate is per currency. Losses are negative, as drawdowns are in the performance
 * statistics. Returns and weights are decimals (0.01 = 1 %).
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.1.0")
package io.nautilus.analytics.api.risk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
