package io.nautilus.core.journal;

import java.nio.file.Path;

/**
 * A place where reading the journal stopped because the data there is not a valid continuation of the journal.
 *
 * @param file the segment file
 * @param offset byte offset in the file of the first invalid byte (start of the bad record, or 0 for a bad header)
 * @param lastGoodSeq seq of the last valid record before it (0 if none)
 * @param reason what is wrong, for the log
 * @param tail true if the problem lies in the last segment and is one a torn write produces (incomplete header or
 *        record, record length beyond the end of the file or out of range, CRC mismatch, seq not the previous + 1):
 *        cutting the file at {@code offset} is the repair. False for corruption in an earlier segment, missing
 *        segments and records that pass their CRC but cannot be decoded: those fail recovery.
 */
public record JournalProblem(Path file, long offset, long lastGoodSeq, String reason, boolean tail) {

    @Override
    public String toString() {
        return (tail ? "torn or corrupt journal tail" : "journal corruption") + " in " + file + " at offset "
                + offset + " after seq " + lastGoodSeq + ": " + reason;
    }
}
