package io.nautilus.core.api;

import java.io.IOException;

/**
 * The core's journal as a source of history: replays the results of journaled commands, and keeps the journal a
 * consumer still needs. Registered as a service by the trading core next to {@link TradingCoreService}.
 *
 * <p>The journal is the truth: a consumer that missed results (its queue was full, its database was down, the
 * platform was killed) replays them from here. The replay runs a private copy of the core's engine on the
 * caller's thread, rebuilt from the newest snapshot at or before the wanted seq, and never touches the live core;
 * the commands are deterministic, so the results equal the ones published live.
 */
public interface JournalHistory {

    /**
     * Replays the results of the journaled commands with seq in {@code (afterSeq, toSeq]} to a listener, oldest
     * first, on the caller's thread (the same callbacks, with the same seqs, as the live publication).
     *
     * @param afterSeq the last seq the caller already has (0 = from the start)
     * @param toSeq the last seq wanted; capped at the journal's durable end when called
     * @param listener receives the results
     * @return the last seq replayed ({@code afterSeq} if none)
     * @throws JournalGapException if commands after {@code afterSeq} are no longer in the journal (the message and
     *                             {@link JournalGapException#firstAvailableSeq()} say from where they are)
     * @throws IOException if the journal cannot be read
     */
    long replay(long afterSeq, long toSeq, CommandResultListener listener) throws IOException;

    /**
     * Keeps the journal from {@code seq + 1} on (segments, and a snapshot at or before {@code seq}) for a consumer,
     * until it moves its hold or releases it. Holds are not persisted: a consumer sets its hold again after a
     * restart.
     *
     * @param holder the consumer's name, e.g. {@code history}
     * @param seq the last seq the consumer has
     */
    void hold(String holder, long seq);

    /**
     * Releases a consumer's hold.
     *
     * @param holder the consumer's name
     */
    void release(String holder);

    /** @return the seq of the last command journaled and forced (durable) so far */
    long durableSeq();
}
