/**
 * The venue layer between the trading core and the venue gateways: {@link io.nautilus.venues.Venues}.
 */
package io.nautilus.venues;
