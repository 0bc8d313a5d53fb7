package io.nautilus.core;

/**
 * Business logic of the core, run on its single writer thread: risk, matching and positions for one command.
 * Implementations record the outcome in the command ({@link Command#rejectReason}, {@link Command#events}).
 */
public interface CommandProcessor {

    /**
     * Processes one command. Must not throw for bad input: a malformed or invalid command is rejected through
     * {@link Command#reject} and changes nothing else.
     *
     * @param command the command; its outcome fields are cleared by the caller
     */
    void process(Command command);
}
