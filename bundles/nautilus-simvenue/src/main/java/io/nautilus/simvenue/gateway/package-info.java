/**
 * The simulated venue gateway: {@link io.nautilus.simvenue.gateway.SimulatedVenueGateway}, a
 * {@link io.nautilus.api.venue.VenueGateway} whose exchange is a private instance of the platform's matching engine
 * (embedded in this bundle, not imported), with the market's quotes mirrored as its liquidity; one per factory
 * configuration {@code io.nautilus.simvenue.gateway}.
 */
package io.nautilus.simvenue.gateway;
