package io.nautilus.core.api;

import java.util.List;

/**
 * The core's journal and snapshots.
 *
 * @param directory journal folder
 * @param fsyncPolicy fsync policy (BATCH, PERIODIC, NONE) and its loss window
 * @param lastSeq seq of the last journaled command
 * @param segments journal segment files, oldest first
 * @param totalBytes bytes in all segments
 * @param snapshots snapshot files, oldest first
 * @param lastSnapshotSeq seq the newest snapshot includes, 0 if none
 * @param recoveredSeq seq recovery reached at the last start
 * @param recoveryReport what recovery found (snapshot used, records replayed, a truncated tail), one line each
 * @param processedCommands commands processed since start
 * @param ringRemainingCapacity free slots of the command ring
 */
public record JournalInfo(String directory, String fsyncPolicy, long lastSeq, List<String> segments, long totalBytes,
                          List<String> snapshots, long lastSnapshotSeq, long recoveredSeq,
                          List<String> recoveryReport, long processedCommands, long ringRemainingCapacity) {

    /** Copies the lists. */
    public JournalInfo {
        segments = List.copyOf(segments);
        snapshots = List.copyOf(snapshots);
        recoveryReport = List.copyOf(recoveryReport);
    }
}
