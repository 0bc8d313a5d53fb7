package io.nautilus.marketdata.internal;

import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.ValidationReason;

/**
 * One event passed on to subscribers, shared by all of them: immutable.
 *
 * @param sequence engine sequence, increasing; a subscriber never delivers an update older than one it
 *                 already delivered for the same slot
 * @param slot     the conflation slot (instrument and kind), or -1 when the update never conflates (bars,
 *                 feed states, deep book levels)
 * @param payload  a Quote, Trade, BookLevel or Bar, or a {@link FeedState}
 * @param flag     the first flagged reason, or null
 * @param spec     the bar spec for a Bar, else null
 */
record Update(long sequence, int slot, Object payload, ValidationReason flag, BarSpec spec) {

    /**
     * A feed's connection state change.
     *
     * @param feedId the feed
     * @param state  the new state
     */
    record FeedState(String feedId, io.nautilus.api.ConnectionState state) {
    }
}
