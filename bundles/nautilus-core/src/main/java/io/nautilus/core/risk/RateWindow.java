package io.nautilus.core.risk;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exact sliding one-second window of logical time: allows at most {@code capacity} acquisitions in any interval
 * {@code (t - 1s, t]}. Keeps the times of the last {@code capacity} acquisitions in a ring (allocated only when the
 * limit changes), so {@link #tryAcquire} allocates nothing.
 */
final class RateWindow {

    static final long WINDOW_NANOS = 1_000_000_000L;

    /** Null = unlimited. */
    private long[] times;
    private int head;
    private int count;

    /** @param capacity the limit, or -1 for unlimited; keeps the most recent times that still fit */
    void resize(int capacity) {
        if (capacity < 0) {
            times = null;
            head = 0;
            count = 0;
            return;
        }
        if (times != null && times.length == capacity) {
            return;
        }
        long[] resized = new long[capacity];
        int keep = Math.min(count, capacity);
        for (int k = 0; k < keep; k++) {
            resized[k] = times[(head + count - keep + k) % times.length];
        }
        times = resized;
        head = 0;
        count = keep;
    }

    /** @return the limit, or -1 if unlimited */
    int capacity() {
        return times == null ? -1 : times.length;
    }

    /**
     * Records an acquisition at {@code now} if the window allows it.
     *
     * @param now logical time, epoch nanos
     * @return true if allowed (and recorded)
     */
    boolean tryAcquire(long now) {
        long[] t = times;
        if (t == null) {
            return true;
        }
        int capacity = t.length;
        if (count < capacity) {
            t[(head + count) % capacity] = now;
            count++;
            return true;
        }
        if (capacity == 0 || now - t[head] < WINDOW_NANOS) {
            return false;
        }
        t[head] = now;
        head = (head + 1) % capacity;
        return true;
    }

    /** @return how many recorded acquisitions lie in {@code (now - 1s, now]} */
    int inWindow(long now) {
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (now - times[(head + k) % times.length] < WINDOW_NANOS) {
                n++;
            }
        }
        return n;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(capacity());
        out.writeInt(count);
        for (int k = 0; k < count; k++) {
            out.writeLong(times[(head + k) % times.length]);
        }
    }

    void read(DataInput in) throws IOException {
        int capacity = in.readInt();
        int n = in.readInt();
        if (capacity < -1 || capacity > RiskLimits.MAX_RATE || n < 0 || n > Math.max(capacity, 0)) {
            throw new IOException("invalid rate window " + n + "/" + capacity + " in snapshot");
        }
        times = capacity < 0 ? null : new long[capacity];
        head = 0;
        count = n;
        for (int k = 0; k < n; k++) {
            times[k] = in.readLong();
        }
    }
}
