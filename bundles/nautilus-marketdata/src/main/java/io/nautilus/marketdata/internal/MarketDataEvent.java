package io.nautilus.marketdata.internal;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;
import io.nautilus.marketdata.api.ValidationReason;

/**
 * A pre-allocated slot of the engine's ring: one normalised tick (or clock or state event) and the validation
 * result written into it by the engine thread.
 */
final class MarketDataEvent {

    static final byte QUOTE = 1;
    static final byte TRADE = 2;
    static final byte BOOK = 3;
    static final byte CLOCK = 4;
    static final byte STATE = 5;

    byte kind;
    String feedId;
    int instrument;
    long sequence;
    /** Quote: bid price; trade and book: price. Fixed-point, or NULL. */
    long price1;
    /** Quote: bid size; trade and book: size. */
    long size1;
    /** Quote: ask price. */
    long price2;
    /** Quote: ask size. */
    long size2;
    Side side;
    int level;
    int orderCount;
    String tradeId;
    long timestampNanos;
    long receivedNanos;
    ConnectionState state;
    /** Set by the feed thread when normalisation failed; the engine only counts the event. */
    ValidationReason preReason;
    String error;
    /** Set by the validator: the reason the event is dropped, or null. */
    ValidationReason rejectReason;
    /** Set by the validator: the first flagged reason of an event passed on, or null. */
    ValidationReason flagReason;

    void clear() {
        kind = 0;
        feedId = null;
        instrument = -1;
        sequence = 0;
        price1 = 0;
        size1 = 0;
        price2 = 0;
        size2 = 0;
        side = null;
        level = 0;
        orderCount = 0;
        tradeId = null;
        timestampNanos = 0;
        receivedNanos = 0;
        state = null;
        preReason = null;
        error = null;
        rejectReason = null;
        flagReason = null;
    }
}
