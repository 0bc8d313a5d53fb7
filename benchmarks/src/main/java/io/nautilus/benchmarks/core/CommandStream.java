package io.nautilus.benchmarks.core;

import io.nautilus.core.Command;

/**
 * A pre-generated, deterministic stream of core commands for the load generators: the same mix, seed and size
 * always give the same commands. It starts with {@link #definitions()} ADD_INSTRUMENT/ADD_ACCOUNT commands, then
 * the orders that build the initial book (up to {@link #setupSize()}), then the flow.
 */
public interface CommandStream {

    /** @return number of commands, definitions and setup included */
    int size();

    /** @return number of leading ADD_INSTRUMENT/ADD_ACCOUNT commands */
    int definitions();

    /** @return number of leading commands (definitions and the initial book) before the flow starts */
    int setupSize();

    /**
     * Overwrites a slot with command i; allocation-free. Seq and timestamp are left 0: whoever publishes the
     * command (the pipeline, or a file row number) assigns them.
     *
     * @param i command index, 0 &lt;= i &lt; {@link #size()}
     * @param slot the slot (cleared by this call)
     */
    void fill(int i, Command slot);

    /** @return a one-line summary of the generated mix and book shape (shares, trading share, book depth) */
    String describe();
}
