/**
 * Historical market data: {@link io.nautilus.data.MarketEvent} (one quote, trade or bar in fixed point) and
 * {@link io.nautilus.data.MarketEventSource} (events of CSV files and imported stores, merged in time order).
 */
@Export
@Version("0.1.0")
package io.nautilus.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
