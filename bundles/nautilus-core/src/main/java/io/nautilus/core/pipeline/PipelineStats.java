package io.nautilus.core.pipeline;

import java.util.List;

/**
 * A point-in-time view of the pipeline for the shell and metrics.
 *
 * @param state NEW, RUNNING, STOPPING, STOPPED or FAILED
 * @param processedSeq seq of the last command processed
 * @param processedCount commands processed since start (replay not included)
 * @param processorFailures commands whose processing threw (rejected with OTHER)
 * @param recoveredSeq seq recovered at start (snapshot + replay)
 * @param replayedCount commands replayed from the journal at start
 * @param journaledSeq last seq written to the journal (handed to the OS)
 * @param durableSeq last seq forced to the device
 * @param publishedSeq last seq handed to the result handler
 * @param lastFsyncEpochMillis wall-clock time of the last journal fsync, 0 if none
 * @param fsyncCount journal fsyncs since start
 * @param journalBytes total size of the journal's segment files
 * @param journalSegments number of segment files
 * @param ringSize ring capacity
 * @param ringRemainingCapacity free slots in the ring
 * @param lastSnapshotSeq seq of the newest snapshot written or loaded, 0 if none
 * @param journalFailure why the journal stopped (the pipeline then refuses commands), or null
 * @param pinning one line per thread pinning attempted
 * @param layout the thread layout ({@code compact} or {@code parallel})
 */
public record PipelineStats(String state, long processedSeq, long processedCount, long processorFailures,
                            long recoveredSeq, long replayedCount, long journaledSeq, long durableSeq,
                            long publishedSeq, long lastFsyncEpochMillis, long fsyncCount, long journalBytes,
                            int journalSegments, int ringSize, long ringRemainingCapacity, long lastSnapshotSeq,
                            String journalFailure, List<String> pinning, String layout) {
}
