package io.nautilus.history.api;

import io.nautilus.api.instrument.Instrument;

import java.time.Instant;
import java.util.Objects;

/**
 * An instrument as a journaled command defined or redefined it: the store keeps every version.
 *
 * @param coreSeq    the sequence number of the defining command
 * @param definedAt  the command's time, UTC
 * @param instrument the definition from that command on
 */
public record InstrumentRecord(long coreSeq, Instant definedAt, Instrument instrument) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException if a required component is null
     */
    public InstrumentRecord {
        Objects.requireNonNull(definedAt, "definedAt");
        Objects.requireNonNull(instrument, "instrument");
    }
}
