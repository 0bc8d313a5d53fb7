package io.nautilus.data.internal;

import io.nautilus.data.MarketEvent;

import java.io.Closeable;
import java.io.IOException;

/** One time-ordered stream of events in a merge: {@link #head} holds its next event once {@link #advance} said so. */
public abstract class Cursor implements Closeable {

    /** The cursor's next event, valid after {@link #advance} returned true. */
    public final MarketEvent head = new MarketEvent();
    /** Position of the cursor in the merge's source order (the last tie-breaker). */
    public int order;

    /**
     * Loads the next event into {@link #head}.
     *
     * @return false at the end
     * @throws IOException if the data is bad or cannot be read
     */
    public abstract boolean advance() throws IOException;

    /**
     * @param kind a {@link MarketEvent} kind
     * @return its rank at equal timestamps: bars, then quotes, then trades
     */
    public static int rank(byte kind) {
        return kind == MarketEvent.BAR ? 0 : kind == MarketEvent.QUOTE ? 1 : 2;
    }
}
