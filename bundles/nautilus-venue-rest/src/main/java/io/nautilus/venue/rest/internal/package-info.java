/**
 * The REST/WebSocket venue adapter (Alpaca's trading API): {@link io.nautilus.venue.rest.internal.RestVenueGateway}
 * carries orders over REST and execution reports back from the {@code trade_updates} stream;
 * {@link io.nautilus.venue.rest.internal.RestVenueComponent} runs one per factory configuration
 * {@code io.nautilus.venue.rest-<venue>.cfg}. Private to the bundle.
 */
package io.nautilus.venue.rest.internal;
