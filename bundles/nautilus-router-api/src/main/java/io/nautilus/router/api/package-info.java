/**
 * The smart order router as callers see it: {@link io.nautilus.router.api.SmartOrderRouter} takes a
 * {@link io.nautilus.router.api.ParentOrder} and a {@link io.nautilus.router.api.MarketState} and answers a
 * {@link io.nautilus.router.api.RoutingDecision} with child orders per venue; the caller sends the children and
 * reports their execution reports back, which aggregate into the parent and feed the venue scores. The router
 * counts its decisions per {@link io.nautilus.router.api.RoutingOutcome} and its child orders per venue
 * ({@link io.nautilus.router.api.RoutingCounts}, for monitoring).
 *
 * <p>Prices and quantities are fixed-point longs at the instrument's scales, as everywhere in Nautilus; money
 * amounts (fees, costs, notionals) are fixed-point longs at the instrument's price scale, in the instrument's
 * currency. Times are nanoseconds since the Unix epoch.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.2.0")
package io.nautilus.router.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
