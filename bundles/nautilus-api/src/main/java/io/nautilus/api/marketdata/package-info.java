/**
 * Market data events ({@link io.nautilus.api.marketdata.Quote}, {@link io.nautilus.api.marketdata.Trade},
 * {@link io.nautilus.api.marketdata.BookLevel}, {@link io.nautilus.api.marketdata.Bar}) and the feed SPI that
 * adapters implement.
 *
 * <p>Prices and sizes are fixed-point longs at the instrument's price and quantity scales; times are
 * nanoseconds since the Unix epoch as stamped by the exchange (or the feed, when the exchange gives none).
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.1.0")
package io.nautilus.api.marketdata;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
