package io.nautilus.events.internal;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A {@code nautilus-events:<stream>} endpoint: consumer only. Options: {@code capacity}, the hand-off's size in events
 * (default {@value #DEFAULT_CAPACITY}, 1 to {@value #MAX_CAPACITY}); {@code maxInFlight}, how many exchanges may be
 * unfinished at a time (default 1, up to {@value #MAX_IN_FLIGHT}; more than 1 keeps the order only up to the route's
 * first asynchronous step, e.g. into the Kafka producer, whose idempotence keeps it per partition).
 */
public final class EventsEndpoint extends DefaultEndpoint {

    /** The default hand-off capacity, in events. */
    public static final int DEFAULT_CAPACITY = 65_536;
    /** The largest hand-off capacity, in events. */
    public static final int MAX_CAPACITY = 16_777_216;

    private final EventKind kind;
    private final EventHub hub;
    /** The largest {@code maxInFlight}. */
    public static final int MAX_IN_FLIGHT = 65_536;

    private int capacity = DEFAULT_CAPACITY;
    private int maxInFlight = 1;

    EventsEndpoint(String uri, EventsComponent component, EventKind kind, EventHub hub) {
        super(uri, component);
        this.kind = kind;
        this.hub = hub;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        EventsConsumer consumer = new EventsConsumer(this, processor, hub);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri() + ": nautilus-events endpoints only start routes"
                + " (use them in 'from'); the platform publishes the events");
    }

    /** @return the stream this endpoint delivers */
    public EventKind getKind() {
        return kind;
    }

    /** @return the hand-off's capacity, in events */
    public int getCapacity() {
        return capacity;
    }

    /**
     * @param capacity the hand-off's capacity, in events, 1 to {@value #MAX_CAPACITY}
     * @throws IllegalArgumentException if out of range
     */
    public void setCapacity(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(getEndpointUri() + ": capacity " + capacity + " must be 1 to "
                    + MAX_CAPACITY);
        }
        this.capacity = capacity;
    }

    /** @return how many exchanges may be unfinished at a time */
    public int getMaxInFlight() {
        return maxInFlight;
    }

    /**
     * @param maxInFlight how many exchanges may be unfinished at a time, 1 to {@value #MAX_IN_FLIGHT}
     * @throws IllegalArgumentException if out of range
     */
    public void setMaxInFlight(int maxInFlight) {
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException(getEndpointUri() + ": maxInFlight " + maxInFlight + " must be 1 to "
                    + MAX_IN_FLIGHT);
        }
        this.maxInFlight = maxInFlight;
    }
}
