package io.nautilus.marketdata.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's instruments, each with a small index used for array-based per-instrument state; immutable,
 * so safe to read from any thread.
 */
final class InstrumentTable {

    private final Instrument[] instruments;
    private final Map<String, Integer> bySymbolOrId;
    private final Map<InstrumentId, Integer> byId;

    /**
     * Indexes instruments in the given order.
     *
     * @param instruments the instruments; ids must be unique
     * @throws IllegalArgumentException if an id repeats or a symbol names two instruments
     */
    InstrumentTable(Collection<Instrument> instruments) {
        this.instruments = instruments.toArray(new Instrument[0]);
        Map<String, Integer> symbols = new HashMap<>();
        Map<InstrumentId, Integer> ids = new HashMap<>();
        for (int i = 0; i < this.instruments.length; i++) {
            Instrument instrument = this.instruments[i];
            if (ids.putIfAbsent(instrument.id(), i) != null) {
                throw new IllegalArgumentException("instrument " + instrument.id() + " is configured twice");
            }
            Integer other = symbols.putIfAbsent(instrument.symbol(), i);
            if (other != null && other != i) {
                throw new IllegalArgumentException("symbol " + instrument.symbol() + " names both "
                        + this.instruments[other].id() + " and " + instrument.id());
            }
        }
        for (int i = 0; i < this.instruments.length; i++) {
            symbols.putIfAbsent(this.instruments[i].id().value(), i);
        }
        this.bySymbolOrId = Map.copyOf(symbols);
        this.byId = Map.copyOf(ids);
    }

    /**
     * The index of the instrument a feed symbol names: its venue symbol, or else its id.
     *
     * @param symbol the symbol, may be null
     * @return the index, or -1 if unknown
     */
    int indexOfSymbol(String symbol) {
        Integer index = symbol == null ? null : bySymbolOrId.get(symbol);
        return index == null ? -1 : index;
    }

    /**
     * The index of an instrument id.
     *
     * @param id the id, may be null
     * @return the index, or -1 if unknown
     */
    int indexOf(InstrumentId id) {
        Integer index = id == null ? null : byId.get(id);
        return index == null ? -1 : index;
    }

    Instrument get(int index) {
        return instruments[index];
    }

    int size() {
        return instruments.length;
    }

    List<Instrument> all() {
        return List.of(instruments);
    }
}
