package io.nautilus.core.risk;

/**
 * The recorded acquisitions of every {@link RateWindow} of one kind (all accounts' order windows, or all their cancel
 * windows), in the order they were recorded, in one ring: a time and the window it counts for. Each window keeps only
 * its count of entries; the log drops entries from its oldest end once they lie a second or more before the latest
 * time seen, and takes them off their window's count.
 *
 * <p>A window of its own per account was a ring per account: an acquisition wrote its time into that account's ring,
 * a line on a page of its own among tens of megabytes for a few thousand accounts, and the write missed the cache and
 * the TLB on nearly every command. The log is written and dropped at its two ends only, in sequence.
 *
 * <p>The windows' decisions are those of a window per account that drops its own old times at each call relative to
 * that call's time, as long as logical time does not go back by a whole second (the log drops relative to the
 * latest time of any window; a window dropping at its own calls has dropped the same by then, see
 * {@link RateWindow}). Writer thread only; in steady state nothing allocates.
 */
final class RateLog {

    /** Slots of a new log. */
    private static final int INITIAL_SLOTS = 16;

    /** An owner that is no window: the entry was dropped (by its window's shrinking limit). */
    private static final int DROPPED = -1;

    private long[] times = new long[INITIAL_SLOTS];
    /**
     * The id of the window each entry counts for, or {@link #DROPPED}. Entries of a window before its
     * {@link #validFrom} do not count either (it was made unlimited, or read anew, since).
     */
    private int[] owners = new int[INITIAL_SLOTS];
    /*
     * Per window, by id (dense, so dropping an entry touches a small array instead of a window object of some other
     * account): the windows, their counts of entries held, the position their entries count from, and scratch of
     * the passes over the log.
     */
    private RateWindow[] windows = new RateWindow[16];
    private int[] counts = new int[16];
    private long[] validFrom = new long[16];
    private int[] kept = new int[16];
    private int[] gatherStart = new int[16];
    private int[] gatherEpochs = new int[16];
    private int windowCount;
    /** Position of the oldest entry (counted from the start, never wrapping). */
    private long head;
    /** Position after the newest entry. */
    private long tail;
    /** The latest time any window was asked with, {@link Long#MIN_VALUE} before the first. */
    private long latest = Long.MIN_VALUE;
    /** A window's limit fell below its count (or to unlimited): its oldest entries are dropped before the next use. */
    private boolean trimPending;
    /** Changes since the last {@link #gather}. */
    private long changes = 1;
    private long gathered;
    /** The times of each window, contiguous per window (from its {@link #gatherStart(int)}). */
    private long[] gatheredTimes = new long[0];
    private int gatherEpoch;

    /**
     * Adds a window to this log.
     *
     * @return its id
     */
    int register(RateWindow window) {
        int id = windowCount++;
        if (id == windows.length) {
            int n = id * 2;
            windows = java.util.Arrays.copyOf(windows, n);
            counts = java.util.Arrays.copyOf(counts, n);
            validFrom = java.util.Arrays.copyOf(validFrom, n);
            kept = java.util.Arrays.copyOf(kept, n);
            gatherStart = java.util.Arrays.copyOf(gatherStart, n);
            gatherEpochs = java.util.Arrays.copyOf(gatherEpochs, n);
        }
        windows[id] = window;
        validFrom[id] = tail;
        return id;
    }

    /** @return how many entries of window {@code id} the log holds */
    int count(int id) {
        return counts[id];
    }

    /** Stops counting the entries of window {@code id} recorded so far (they are dropped as they come to the end). */
    void forget(int id) {
        validFrom[id] = tail;
        counts[id] = 0;
    }

    /** @return the latest time seen, {@link Long#MIN_VALUE} if none */
    long latest() {
        return latest;
    }

    /**
     * Before a window decides at {@code now}: applies pending limit changes, moves the latest time, and drops the
     * entries that have left the window of the latest time.
     */
    void advance(long now) {
        if (trimPending) {
            trim();
        }
        if (now > latest) {
            latest = now;
        }
        long h = head;
        long t = tail;
        if (h == t) {
            return;
        }
        long[] ts = times;
        int[] os = owners;
        int mask = ts.length - 1;
        long limit = latest;
        while (h < t) {
            int i = (int) h & mask;
            int w = os[i];
            if (w != DROPPED) {
                if (h >= validFrom[w]) {
                    if (limit - ts[i] < RateWindow.WINDOW_NANOS) {
                        break;
                    }
                    counts[w]--;
                }
                os[i] = DROPPED;
            }
            h++;
        }
        if (h != head) {
            head = h;
            changes++;
        }
    }

    /** Applies a pending limit change (before a window reports its count). */
    void settle() {
        if (trimPending) {
            trim();
        }
    }

    /** Records an acquisition of window {@code id} at {@code now}, and counts it. */
    void append(int id, long now) {
        if (tail - head == times.length) {
            grow();
        }
        int i = (int) tail & (times.length - 1);
        times[i] = now;
        owners[i] = id;
        counts[id]++;
        tail++;
        changes++;
    }

    private void grow() {
        int n = times.length;
        long[] t = new long[n * 2];
        int[] o = new int[n * 2];
        for (long p = head; p < tail; p++) {
            t[(int) p & (2 * n - 1)] = times[(int) p & (n - 1)];
            o[(int) p & (2 * n - 1)] = owners[(int) p & (n - 1)];
        }
        times = t;
        owners = o;
    }

    /** A window's limit changed so that it may hold too many entries: they are dropped before the next use. */
    void trimLater() {
        trimPending = true;
    }

    /**
     * Keeps the most recent {@code capacity} entries of each window (none of an unlimited one), dropping the rest:
     * two passes over the log, whatever the number of windows.
     */
    private void trim() {
        trimPending = false;
        int[] os = owners;
        int mask = times.length - 1;
        for (long p = head; p < tail; p++) {
            int w = os[(int) p & mask];
            if (w != DROPPED) {
                kept[w] = 0;
            }
        }
        for (long p = tail - 1; p >= head; p--) {
            int i = (int) p & mask;
            int w = os[i];
            if (w != DROPPED && p < validFrom[w]) {
                os[i] = DROPPED;
            } else if (w != DROPPED) {
                if (kept[w] < windows[w].capacity()) {
                    kept[w]++;
                } else {
                    os[i] = DROPPED;
                    counts[w]--;
                }
            }
        }
        changes++;
    }

    /**
     * @return how many entries of {@code window} lie in {@code (now - 1s, now]} (a scan of the log: for times other
     * than the latest)
     */
    int inWindow(int id, long now) {
        int n = 0;
        int mask = times.length - 1;
        for (long p = head; p < tail; p++) {
            int i = (int) p & mask;
            if (owners[i] == id && p >= validFrom[id] && now - times[i] < RateWindow.WINDOW_NANOS) {
                n++;
            }
        }
        return n;
    }

    /**
     * Gathers each window's entries, oldest first, contiguously (for snapshots: one pass over the log whatever the
     * number of windows, then each window writes its own); a no-op if nothing changed since the last gathering.
     *
     * @return the gathered times, indexed from each window's {@link #gatherStart}
     */
    long[] gather() {
        if (trimPending) {
            trim();
        }
        if (gathered == changes) {
            return gatheredTimes;
        }
        int epoch = ++gatherEpoch;
        int mask = times.length - 1;
        int next = 0;
        for (long p = head; p < tail; p++) {
            int w = owners[(int) p & mask];
            if (w != DROPPED && p >= validFrom[w] && gatherEpochs[w] != epoch) {
                gatherEpochs[w] = epoch;
                gatherStart[w] = next;
                kept[w] = 0;
                next += counts[w];
            }
        }
        long[] out = gatheredTimes.length >= next ? gatheredTimes : new long[next];
        for (long p = head; p < tail; p++) {
            int i = (int) p & mask;
            int w = owners[i];
            if (w != DROPPED && p >= validFrom[w]) {
                out[gatherStart[w] + kept[w]++] = times[i];
            }
        }
        gatheredTimes = out;
        gathered = changes;
        return out;
    }

    /**
     * @return where window {@code id}'s times start in the last {@link #gather}ing (meaningful if it holds any)
     */
    int gatherStart(int id) {
        return gatherStart[id];
    }

    /**
     * Orders the entries by time (stable), after windows were read one after another from a snapshot: the log
     * drops from its oldest end, so it must be in time order as recording keeps it.
     */
    void sortByTime() {
        int n = (int) (tail - head);
        long[] t = new long[n];
        int[] o = new int[n];
        int mask = times.length - 1;
        int live = 0;
        for (long p = head; p < tail; p++) {
            int i = (int) p & mask;
            if (owners[i] != DROPPED && p >= validFrom[owners[i]]) {
                t[live] = times[i];
                o[live] = owners[i];
                live++;
            }
        }
        mergeSort(t, o, live);
        int slots = INITIAL_SLOTS;
        while (slots < live) {
            slots <<= 1;
        }
        // the sorted entries end where the log ended, so no window's validFrom lies beyond the tail
        long[] sortedTimes = new long[slots];
        int[] sortedOwners = new int[slots];
        java.util.Arrays.fill(sortedOwners, DROPPED);
        long start = tail - live;
        for (int k = 0; k < live; k++) {
            int i = (int) (start + k) & (slots - 1);
            sortedTimes[i] = t[k];
            sortedOwners[i] = o[k];
            validFrom[o[k]] = 0; // its entries are all here now
        }
        times = sortedTimes;
        owners = sortedOwners;
        head = start;
        changes++;
    }

    /** Stable bottom-up merge sort of the first n entries by time. */
    private static void mergeSort(long[] t, int[] o, int n) {
        long[] tt = new long[n];
        int[] to = new int[n];
        long[] srcT = t;
        int[] srcO = o;
        long[] dstT = tt;
        int[] dstO = to;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    if (a < mid && (b >= hi || srcT[a] <= srcT[b])) {
                        dstT[k] = srcT[a];
                        dstO[k] = srcO[a++];
                    } else {
                        dstT[k] = srcT[b];
                        dstO[k] = srcO[b++];
                    }
                }
            }
            long[] swapT = srcT;
            srcT = dstT;
            dstT = swapT;
            int[] swapO = srcO;
            srcO = dstO;
            dstO = swapO;
        }
        if (srcT != t) {
            System.arraycopy(srcT, 0, t, 0, n);
            System.arraycopy(srcO, 0, o, 0, n);
        }
    }

    /** @return the entries held (memory: 12 bytes each, in a ring of the next power of two) */
    int size() {
        return (int) (tail - head);
    }

    /** @return the ring's length */
    int slots() {
        return times.length;
    }
}
