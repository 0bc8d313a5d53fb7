package io.nautilus.core.pipeline;

import io.nautilus.core.Command;

/**
 * Receives each processed command, in seq order, on the pipeline's publish thread (in the compact layout the journal
 * thread: {@link PipelineLayout#resultThread()}), once the command is both processed and journaled (written, and
 * forced if the fsync policy is BATCH).
 */
@FunctionalInterface
public interface ResultHandler {

    /**
     * Handles one processed command. The command is a ring slot: read what is needed and do not keep a reference
     * (the slot is reused once this returns). Exceptions are logged and do not stop the pipeline.
     *
     * @param command the command with its outcome ({@link Command#rejectReason}, {@link Command#events})
     * @param endOfBatch true for the last command currently available (flush buffered output here)
     */
    void onResult(Command command, boolean endOfBatch);
}
