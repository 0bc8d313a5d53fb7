package io.nautilus.marketdata.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;

/** Instruments shared by the tests. */
final class Fixtures {

    /** Prices at 2 decimals, quantities at 4. */
    static final Instrument BTC = new Instrument(InstrumentId.of("BTC-USD"), "XBTUSD", VenueId.of("SIM"), 1, 1, 1,
            2, 4, "USD");
    /** Prices at 4 decimals, whole quantities. */
    static final Instrument EUR = new Instrument(InstrumentId.of("EUR-USD"), "EURUSD", VenueId.of("SIM"), 1, 1, 1,
            4, 0, "USD");

    private Fixtures() {
    }
}
