/**
 * The {@code nautilus-events} Camel component: {@link io.nautilus.events.internal.EventHub} receives the core's
 * results and the market-data engine's bars on their publishing threads and offers them, without blocking, to the
 * bounded hand-off of every running {@link io.nautilus.events.internal.EventsConsumer}, which encodes them
 * ({@link io.nautilus.events.internal.EventJson}) and runs its route on its own thread, in order.
 * {@link io.nautilus.events.internal.CamelEventsBinding} wires it into OSGi.
 */
package io.nautilus.events.internal;
