package io.nautilus.api.venue;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;

import java.util.Objects;

/**
 * What operators see of a venue session ({@code nautilus:venues}).
 *
 * @param venue              the venue
 * @param state              the connection state
 * @param detail             e.g. the FIX session id and host:port, or the REST base URL; empty if none
 * @param nextSenderSeqNum   FIX: the next outgoing sequence number; -1 where the protocol has none
 * @param nextTargetSeqNum   FIX: the next expected incoming sequence number; -1 where the protocol has none
 * @param lastStateChange    epoch milliseconds of the last state change, 0 if never
 * @param lastProblem        the last error (reject, disconnect reason, HTTP error), empty if none
 */
public record VenueSessionInfo(VenueId venue, ConnectionState state, String detail, long nextSenderSeqNum,
                               long nextTargetSeqNum, long lastStateChange, String lastProblem) {

    /** Validates the info. */
    public VenueSessionInfo {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(state, "state");
        detail = Objects.requireNonNullElse(detail, "");
        lastProblem = Objects.requireNonNullElse(lastProblem, "");
    }
}
