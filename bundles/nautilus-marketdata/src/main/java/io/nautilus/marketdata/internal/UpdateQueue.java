package io.nautilus.marketdata.internal;

import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.ValidationReason;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A subscriber's bounded single-producer, single-consumer queue of updates over pre-allocated, reused entries: the
 * engine thread writes an update's fields into the next free entry (no allocation), the delivery thread takes
 * entries in batches. Lock-free; the consumer's and producer's positions sit on separate cache lines.
 *
 * <p>Publication: the producer writes an entry's fields, then releases the tail; the consumer acquires the tail,
 * reads the entries before it, then releases the head; the producer acquires the head before reusing an entry.
 */
final class UpdateQueue {

    /** One reusable entry; its fields are meaningful between the producer's release and the consumer's. */
    static final class Entry {
        long sequence;
        int slot;
        Object payload;
        ValidationReason flag;
        BarSpec spec;
    }

    /** Receives the entries of a {@link #drain}. */
    interface Handler {
        /**
         * Handles one entry; it must not keep the entry.
         *
         * @param entry the entry, valid during the call only
         * @return false to stop the drain after this entry
         */
        boolean onEntry(Entry entry);
    }

    private static final int TAIL = 8;
    private static final int HEAD = 24;

    private final Entry[] entries;
    private final int mask;
    /** The tail and the head, 128 bytes apart. */
    private final AtomicLongArray positions = new AtomicLongArray(32);
    /** Producer only. */
    private long tail;
    /** Producer only: the consumer's head as last read. */
    private long headCache;
    /** Consumer only. */
    private long head;

    /**
     * Creates the queue.
     *
     * @param capacity at least 2; rounded up to a power of two
     */
    UpdateQueue(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.entries = new Entry[size];
        for (int i = 0; i < size; i++) {
            entries[i] = new Entry();
        }
        this.mask = size - 1;
    }

    /**
     * Adds an update unless full. Producer thread only.
     *
     * @return false if the queue was full
     */
    boolean offer(long sequence, int slot, Object payload, ValidationReason flag, BarSpec spec) {
        long t = tail;
        if (t - headCache >= entries.length) {
            headCache = positions.getAcquire(HEAD);
            if (t - headCache >= entries.length) {
                return false;
            }
        }
        Entry entry = entries[(int) t & mask];
        entry.sequence = sequence;
        entry.slot = slot;
        entry.payload = payload;
        entry.flag = flag;
        entry.spec = spec;
        tail = t + 1;
        positions.setRelease(TAIL, t + 1);
        return true;
    }

    /**
     * Hands up to {@code limit} queued entries to the handler in order, then frees them. Consumer thread only.
     *
     * @param handler the receiver
     * @param limit   the most entries to take
     * @return the number of entries taken
     */
    int drain(Handler handler, int limit) {
        long h = head;
        long available = positions.getAcquire(TAIL) - h;
        if (available <= 0) {
            return 0;
        }
        long end = h + Math.min(available, limit);
        long i = h;
        while (i < end) {
            Entry entry = entries[(int) i & mask];
            i++;
            boolean more = handler.onEntry(entry);
            entry.payload = null;
            entry.spec = null;
            if (!more) {
                break;
            }
        }
        head = i;
        positions.setRelease(HEAD, i);
        return (int) (i - h);
    }

    /**
     * The number of queued entries; any thread, approximate while both sides run.
     *
     * @return 0 to capacity
     */
    int size() {
        return (int) Math.max(0, positions.getAcquire(TAIL) - positions.getAcquire(HEAD));
    }

    int capacity() {
        return entries.length;
    }
}
