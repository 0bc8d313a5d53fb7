package io.nautilus.core.api;

import io.nautilus.api.instrument.Instrument;

/**
 * Whiteboard service: receives what the core published, with each command's journal sequence number, so that a
 * consumer (the history store) can record exactly what happened and know how far it got.
 *
 * <p>Called on the core's publish thread, in seq order, only for commands that produced execution reports or
 * (re)defined an instrument or account. Implementations must return quickly and never block (hand the result off
 * to their own thread); an exception is logged and ignored. The same interface receives a journal replay from
 * {@link JournalHistory#replay}, on the caller's thread.
 */
public interface CommandResultListener {

    /**
     * One command's result: its seq and the execution reports it produced, in order.
     *
     * @param result the result (immutable)
     */
    void onCommandResult(CommandResult result);

    /**
     * An instrument was defined or redefined by the journaled command {@code seq}.
     *
     * @param seq the command's seq
     * @param timestampNanos the command's logical time, nanoseconds since the epoch
     * @param instrument the definition as it now stands
     */
    default void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
    }

    /**
     * An account was defined or redefined by the journaled command {@code seq}.
     *
     * @param seq the command's seq
     * @param timestampNanos the command's logical time, nanoseconds since the epoch
     * @param account the account as it now stands
     * @param capital the account's capital at the core's money scale
     */
    default void onAccountDefined(long seq, long timestampNanos, AccountView account, long capital) {
    }
}
