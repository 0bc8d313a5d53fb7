/**
 * Market-data feeds as Camel components, registered in the platform's CamelContext by
 * {@link io.nautilus.marketdata.internal.camel.CamelFeedBinding}: {@code nautilus-md:<feedId>} (producer: maps a
 * Map or JSON message to a tick and hands it to the engine; bad messages are counted, logged and dropped) and
 * {@code nautilus-feed:synthetic} / {@code nautilus-feed:replay} (consumers: a seeded generated market and a CSV
 * replay). Integrators wire them in YAML route files; examples ship in {@code routes/} of this bundle.
 */
package io.nautilus.marketdata.internal.camel;
