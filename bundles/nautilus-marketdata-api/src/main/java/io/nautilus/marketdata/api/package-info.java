/**
 * The market-data engine as other bundles see it: {@link io.nautilus.marketdata.api.MarketDataService} (subscribe
 * with conflation, last quote and trade per instrument), {@link io.nautilus.marketdata.api.MarketDataAdminService}
 * (feed and subscriber statistics, the recent completed bars) and
 * {@link io.nautilus.marketdata.api.MarketDataIngest} (the entry point feed adapters hand raw ticks to).
 *
 * <p>Events are the shared value types of {@code io.nautilus.api.marketdata}; prices and sizes are fixed-point
 * longs at the instrument's scales and times are nanoseconds since the epoch.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.3.0")
package io.nautilus.marketdata.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
