package io.nautilus.core;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A part of the core's state that goes into snapshots. Snapshots are taken on the writer thread between commands,
 * so implementations need no locking. The written form must be deterministic: the same state writes the same bytes
 * (iterate in a defined order, never in hash order).
 */
public interface Snapshotable {

    /**
     * Writes the whole state.
     *
     * @param out the snapshot stream
     * @throws IOException if the stream fails
     */
    void writeSnapshot(DataOutput out) throws IOException;

    /**
     * Replaces the whole state with the one read (the instance may hold state before; it is discarded).
     *
     * @param in the snapshot stream, positioned where {@link #writeSnapshot} started writing
     * @throws IOException if the stream fails or holds invalid data
     */
    void readSnapshot(DataInput in) throws IOException;
}
