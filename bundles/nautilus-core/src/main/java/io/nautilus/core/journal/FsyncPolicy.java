package io.nautilus.core.journal;

import java.util.Locale;

/**
 * When the journal forces its writes to the storage device, and so which acknowledged commands a failure can lose.
 *
 * <p>In every policy a batch of records is written to the operating system (one {@code write}) at the end of the
 * batch, before the pipeline releases that batch's results; the policies differ only in when the written bytes are
 * forced ({@code fdatasync}) to the device:
 * <ul>
 *   <li>{@link #BATCH}: loss window <b>none</b> for acknowledged commands: each batch is forced before its results
 *       are released, so a command whose result anyone saw survives a process kill and a power loss (if the device
 *       honours flushes). Commands in flight (published, no result yet) may be lost. Costs one fsync per batch;
 *       batches grow under load (group commit).</li>
 *   <li>{@link #PERIODIC}: loss window <b>at most the period</b> (plus one idle tick): the journal forces at the end
 *       of a batch or on an idle tick when the period has elapsed since the last force. Survives a process kill
 *       (the OS holds the bytes); a power loss or kernel crash loses at most the last period of acknowledged
 *       commands.</li>
 *   <li>{@link #NONE}: loss window <b>until the OS writes the pages back</b> (Linux: typically up to
 *       {@code vm.dirty_expire_centisecs}, 30 s, plus write-back time): survives a process kill, not a power loss.
 *       The journal is only forced when it is closed.</li>
 * </ul>
 */
public enum FsyncPolicy {
    /** Force at the end of every batch, before its results are released. */
    BATCH,
    /** Force at most every period, checked at the end of a batch and on idle ticks. */
    PERIODIC,
    /** Never force while running (only on close); the OS decides. */
    NONE;

    /**
     * Parses a policy as written in configuration: {@code batch}, {@code periodic} or {@code none} (any case).
     *
     * @param text the text
     * @return the policy
     * @throws IllegalArgumentException naming the accepted values
     */
    public static FsyncPolicy parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT);
        for (FsyncPolicy policy : values()) {
            if (policy.name().equals(key)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown fsync policy '" + text + "' (expected batch, periodic or none)");
    }
}
