package io.nautilus.core.risk;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exact sliding one-second window of logical time: allows at most {@code capacity} acquisitions in any interval
 * {@code (t - 1s, t]}. Keeps the times of the acquisitions still inside the window, oldest first, in a ring whose
 * length is a power of two: each acquisition first drops the times that have left the window, so the ring holds no
 * more than the busiest second has needed (not {@code capacity} slots per account up front: a loose limit of 20 000
 * per second would otherwise take 160 KB per account and per window). The ring grows, by doubling, only while an
 * account's rate is still rising to a level it has not reached before; in steady state {@link #tryAcquire}
 * allocates nothing.
 *
 * <p>Logical time is the commands' timestamps in ring order, which the pipeline stamps as it publishes; they do not
 * go backwards by more than the publishers' race, and a time that is earlier than the last one only makes the window
 * keep a recorded acquisition a little longer.
 */
final class RateWindow {

    static final long WINDOW_NANOS = 1_000_000_000L;

    /** Slots of a new ring: a quiet account never grows it. */
    private static final int INITIAL_SLOTS = 16;
    private static final long[] NONE = new long[0];

    /** The limit, or -1 = unlimited. */
    private int capacity = -1;
    /** Times of the recorded acquisitions, oldest at {@link #head}; a power of two long, or empty when unlimited. */
    private long[] times = NONE;
    private int head;
    private int count;

    /** @param capacity the limit, or -1 for unlimited; keeps the most recent times that still fit */
    void resize(int capacity) {
        if (capacity < 0) {
            this.capacity = -1;
            times = NONE;
            head = 0;
            count = 0;
            return;
        }
        if (capacity == this.capacity) {
            return;
        }
        int keep = Math.min(count, capacity);
        long[] resized = new long[slotsFor(Math.max(keep, Math.min(capacity, INITIAL_SLOTS)))];
        for (int k = 0; k < keep; k++) {
            resized[k] = times[(head + count - keep + k) & (times.length - 1)];
        }
        this.capacity = capacity;
        times = resized;
        head = 0;
        count = keep;
    }

    /** @return the limit, or -1 if unlimited */
    int capacity() {
        return capacity;
    }

    /** @return the ring's length (memory held: 8 bytes a slot) */
    int slots() {
        return times.length;
    }

    /**
     * Records an acquisition at {@code now} if the window allows it.
     *
     * @param now logical time, epoch nanos
     * @return true if allowed (and recorded)
     */
    boolean tryAcquire(long now) {
        int limit = capacity;
        if (limit < 0) {
            return true;
        }
        long[] t = times;
        int mask = t.length - 1;
        int h = head;
        int n = count;
        while (n > 0 && now - t[h] >= WINDOW_NANOS) {
            h = (h + 1) & mask;
            n--;
        }
        head = h;
        count = n;
        if (n >= limit) {
            return false;
        }
        if (n == t.length) {
            t = grow();
            mask = t.length - 1;
            h = 0;
        }
        t[(h + n) & mask] = now;
        count = n + 1;
        return true;
    }

    /** Doubles the ring (still full), the oldest time first at index 0. */
    private long[] grow() {
        long[] t = times;
        long[] grown = new long[t.length * 2];
        int tail = t.length - head;
        System.arraycopy(t, head, grown, 0, tail);
        System.arraycopy(t, 0, grown, tail, head);
        times = grown;
        head = 0;
        return grown;
    }

    /** @return how many recorded acquisitions lie in {@code (now - 1s, now]} */
    int inWindow(long now) {
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (now - times[(head + k) & (times.length - 1)] < WINDOW_NANOS) {
                n++;
            }
        }
        return n;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(capacity());
        out.writeInt(count);
        for (int k = 0; k < count; k++) {
            out.writeLong(times[(head + k) & (times.length - 1)]);
        }
    }

    void read(DataInput in) throws IOException {
        int capacity = in.readInt();
        int n = in.readInt();
        if (capacity < -1 || capacity > RiskLimits.MAX_RATE || n < 0 || n > Math.max(capacity, 0)) {
            throw new IOException("invalid rate window " + n + "/" + capacity + " in snapshot");
        }
        this.capacity = capacity;
        times = capacity < 0 ? NONE : new long[slotsFor(Math.max(n, Math.min(capacity, INITIAL_SLOTS)))];
        head = 0;
        count = n;
        for (int k = 0; k < n; k++) {
            times[k] = in.readLong();
        }
    }

    /** @return the smallest power of two holding n times (at least 1) */
    private static int slotsFor(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
