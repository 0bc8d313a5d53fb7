package io.nautilus.venue.rest.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the gateway finds an instrument's price and quantity scales and venue symbol: the trading core's
 * instruments in OSGi, a fixed list in tests.
 */
@FunctionalInterface
public interface InstrumentDirectory {

    /**
     * The instruments currently defined.
     *
     * @return the definitions, possibly empty
     */
    Collection<Instrument> instruments();

    /**
     * One instrument by id.
     *
     * @param id the instrument id
     * @return the definition, if defined
     */
    default Optional<Instrument> byId(InstrumentId id) {
        for (Instrument instrument : instruments()) {
            if (instrument.id().equals(id)) {
                return Optional.of(instrument);
            }
        }
        return Optional.empty();
    }

    /**
     * A directory over a fixed list.
     *
     * @param instruments the definitions
     * @return the directory
     */
    static InstrumentDirectory of(Collection<Instrument> instruments) {
        List<Instrument> copy = List.copyOf(instruments);
        return () -> copy;
    }

    /**
     * A directory that reads a supplier each time (e.g. an optional, dynamic trading core reference).
     *
     * @param source the current instruments, or {@code null} when there is no source
     * @return the directory
     */
    static InstrumentDirectory dynamic(Supplier<Collection<Instrument>> source) {
        return () -> {
            Collection<Instrument> current = source.get();
            return current == null ? List.of() : current;
        };
    }
}
