/**
 * Venues as Camel routes, registered in the platform's CamelContext by
 * {@link io.nautilus.venues.camel.CamelVenueBinding}: a route consuming from {@code nautilus-venue:<venueId>} is
 * the venue's {@link io.nautilus.api.venue.VenueGateway} (an OSGi service while the route runs; orders, cancels,
 * replaces and status requests arrive as Map messages) and sends the venue's answers to
 * {@code nautilus-venue-report:<venueId>} (Map or JSON, mapped to execution reports). Integrators add a venue by
 * copying {@code camel-routes/examples/http-venue.yaml}.
 */
package io.nautilus.venues.camel;
