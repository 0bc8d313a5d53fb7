/**
 * The history store as readers see it: {@link io.nautilus.history.api.HistoryService} answers the orders' state
 * changes ({@link io.nautilus.history.api.OrderEvent}) and the fills ({@link io.nautilus.history.api.FillEvent})
 * the trading core published, filtered by a {@link io.nautilus.history.api.HistoryQuery}, newest first.
 *
 * <p>Prices and quantities are fixed-point longs at the instrument's scales, as everywhere in Nautilus, and each
 * value carries the scales it was stored with. Times are UTC {@link java.time.Instant}s with nanosecond precision.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.2.0")
package io.nautilus.history.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
