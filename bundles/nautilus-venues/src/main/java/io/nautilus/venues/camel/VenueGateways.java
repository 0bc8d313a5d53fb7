package io.nautilus.venues.camel;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Camel venue gateways of one binding, by venue id, shared by the {@code nautilus-venue} and
 * {@code nautilus-venue-report} components: a venue's gateway is created the first time either names it and lives
 * as long as the binding, so a route that is stopped and started again (or replaced by a saved route file) keeps
 * the same gateway and its order tracking.
 */
public final class VenueGateways {

    /** Where gateways are published while their route runs (the OSGi service registry in the platform). */
    @FunctionalInterface
    public interface Publisher {

        /**
         * Publishes a gateway.
         *
         * @param gateway the gateway whose route just started
         * @return withdraws the publication (called when the route stops); never null
         */
        Runnable publish(CamelVenueGateway gateway);
    }

    /** Where prices and quantities find their instrument's scales and the venue symbol. */
    @FunctionalInterface
    public interface Instruments {

        /** No instruments: every order is refused (no scales). */
        Instruments NONE = id -> Optional.empty();

        /**
         * @param id an instrument id
         * @return the instrument, if known
         */
        Optional<Instrument> instrument(InstrumentId id);

        /**
         * A fixed list, for tests and tools.
         *
         * @param instruments the instruments
         * @return the look-up
         */
        static Instruments of(List<Instrument> instruments) {
            Map<InstrumentId, Instrument> byId = new ConcurrentHashMap<>();
            instruments.forEach(i -> byId.put(i.id(), i));
            return id -> Optional.ofNullable(byId.get(id));
        }
    }

    private final Map<VenueId, CamelVenueGateway> gateways = new ConcurrentHashMap<>();
    private final Publisher publisher;
    private volatile Instruments instruments;

    /**
     * @param publisher   where running gateways are published
     * @param instruments the instrument look-up (replaceable: {@link #setInstruments(Instruments)})
     */
    public VenueGateways(Publisher publisher, Instruments instruments) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.instruments = instruments == null ? Instruments.NONE : instruments;
    }

    /**
     * @param instruments the new instrument look-up, or null for none
     */
    public void setInstruments(Instruments instruments) {
        this.instruments = instruments == null ? Instruments.NONE : instruments;
    }

    Optional<Instrument> instrument(InstrumentId id) {
        try {
            return instruments.instrument(id);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    Publisher publisher() {
        return publisher;
    }

    /**
     * The gateway of a venue, created on first use.
     *
     * @param venue the venue id
     * @return its gateway
     */
    public CamelVenueGateway gateway(VenueId venue) {
        return gateways.computeIfAbsent(venue, v -> new CamelVenueGateway(v, this));
    }

    /**
     * @param venue a venue id
     * @return its gateway if one was ever named
     */
    public Optional<CamelVenueGateway> find(VenueId venue) {
        return Optional.ofNullable(gateways.get(venue));
    }

    /** Withdraws every published gateway (the binding goes away); their states become DOWN, their threads stop. */
    public void closeAll() {
        gateways.values().forEach(CamelVenueGateway::close);
        gateways.clear();
    }
}
