package io.nautilus.core.risk;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exact sliding one-second window of logical time: allows at most {@code capacity} acquisitions in any interval
 * {@code (t - 1s, t]}. The times themselves are in a {@link RateLog} shared by the windows of one kind (the order
 * windows of every account, or their cancel windows), in the order they were recorded; a window keeps its limit and
 * the count of its times the log still holds. Before each decision the log drops the times that have left the
 * window of the latest time seen, so an acquisition reads and writes only the log's two ends and this object: no
 * ring per account (a loose limit of 20 000 per second takes no room up front, and a busy account's times are not
 * a cache miss of their own on every command).
 *
 * <p>Logical time is the commands' timestamps in ring order, which the pipeline stamps as it publishes; they do not
 * go backwards by more than the publishers' race. The log drops relative to the latest time of any window: a window
 * dropping its own times at each of its calls, relative to that call's time, has dropped the same ones by the time
 * it decides again, unless time went back by a whole second; a time earlier than the latest only makes the window
 * keep a recorded acquisition a little longer. In steady state {@link #tryAcquire} allocates nothing.
 */
final class RateWindow {

    static final long WINDOW_NANOS = 1_000_000_000L;

    private final RateLog log;
    /** This window's id in the log. */
    private final int id;
    /** The limit, or -1 = unlimited. */
    private int capacity = -1;

    /** A window with a log of its own. */
    RateWindow() {
        this(new RateLog());
    }

    /** @param log the log of this window's kind */
    RateWindow(RateLog log) {
        this.log = log;
        this.id = log.register(this);
    }

    /** @param capacity the limit, or -1 for unlimited; keeps the most recent times that still fit */
    void resize(int capacity) {
        if (capacity < 0) {
            log.forget(id);
            this.capacity = -1;
            return;
        }
        if (capacity == this.capacity) {
            return;
        }
        this.capacity = capacity;
        if (log.count(id) > capacity) {
            log.trimLater();
        }
    }

    /** @return the limit, or -1 if unlimited */
    int capacity() {
        return capacity;
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
        RateLog l = log;
        l.advance(now);
        if (l.count(id) >= limit) {
            return false;
        }
        l.append(id, now);
        return true;
    }

    /** @return how many recorded acquisitions lie in {@code (now - 1s, now]} */
    int inWindow(long now) {
        if (capacity < 0) {
            return 0;
        }
        log.settle();
        return now == log.latest() ? log.count(id) : log.inWindow(id, now);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(capacity());
        if (capacity < 0) {
            out.writeInt(0);
            return;
        }
        long[] times = log.gather();
        int count = log.count(id);
        int start = log.gatherStart(id);
        out.writeInt(count);
        for (int k = 0; k < count; k++) {
            out.writeLong(times[start + k]);
        }
    }

    /**
     * Reads a window written by {@link #write}, replacing this one's times; a log shared by several windows must
     * then be {@link RateLog#sortByTime sorted}, once all are read.
     */
    void read(DataInput in) throws IOException {
        int capacity = in.readInt();
        int n = in.readInt();
        if (capacity < -1 || capacity > RiskLimits.MAX_RATE || n < 0 || n > Math.max(capacity, 0)) {
            throw new IOException("invalid rate window " + n + "/" + capacity + " in snapshot");
        }
        log.forget(id);
        this.capacity = capacity;
        for (int k = 0; k < n; k++) {
            log.append(id, in.readLong());
        }
    }
}
