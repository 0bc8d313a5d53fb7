/**
 * The venue SPI: {@link io.nautilus.api.venue.VenueGateway}, implemented by the adapters (usually Camel routes
 * over FIX or REST) that carry orders to an external venue and its execution reports back, and
 * {@link io.nautilus.api.venue.VenueSession}, the state, listeners, counters and session thread every gateway holds.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("0.3.0")
package io.nautilus.api.venue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
