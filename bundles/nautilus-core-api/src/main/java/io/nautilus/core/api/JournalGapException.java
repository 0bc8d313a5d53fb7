package io.nautilus.core.api;

import java.io.IOException;

/**
 * The journal no longer holds the commands a replay asked for (they were before the oldest kept snapshot).
 */
public final class JournalGapException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long firstAvailableSeq;

    /**
     * @param message what is missing
     * @param firstAvailableSeq the first seq a replay can still deliver
     */
    public JournalGapException(String message, long firstAvailableSeq) {
        super(message);
        this.firstAvailableSeq = firstAvailableSeq;
    }

    /** @return the first seq a replay can still deliver */
    public long firstAvailableSeq() {
        return firstAvailableSeq;
    }
}
