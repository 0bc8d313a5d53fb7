package io.nautilus.web.stream;

import java.util.function.BiConsumer;

/**
 * The last frames of a never-dropped topic, by seq, for clients resuming with {@code from}. Not thread-safe: its
 * {@link Topic} guards it.
 */
final class ReplayBuffer {

    private final long[] seqs;
    private final String[] frames;
    private int next;
    private int size;

    ReplayBuffer(int capacity) {
        seqs = new long[capacity];
        frames = new String[capacity];
    }

    void add(long seq, String frame) {
        seqs[next] = seq;
        frames[next] = frame;
        next = (next + 1) % seqs.length;
        size = Math.min(size + 1, seqs.length);
    }

    /** @return the oldest seq kept, or 0 when empty */
    /** Drops every frame kept. */
    void clear() {
        java.util.Arrays.fill(frames, null);
        size = 0;
    }

    long oldestSeq() {
        return size == 0 ? 0 : seqs[(next - size + seqs.length) % seqs.length];
    }

    /** @return frames kept */
    int size() {
        return size;
    }

    /**
     * Passes every frame kept with a seq greater than {@code after}, oldest first.
     *
     * @param after a seq
     * @param sink  receives seq and frame
     */
    void forEachAfter(long after, BiConsumer<Long, String> sink) {
        for (int i = 0; i < size; i++) {
            int index = (next - size + i + seqs.length) % seqs.length;
            if (seqs[index] > after) {
                sink.accept(seqs[index], frames[index]);
            }
        }
    }
}
