package io.nautilus.core.matching;

import org.agrona.collections.Long2ObjectHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Every order id ever accepted, as a paged bitmap whose full pages collapse into ranges: ids handed out in sequence
 * cost one bit each only until their page of {@value #PAGE_IDS} ids is full, when the page becomes part of a range of
 * full pages (two longs, however many pages it spans). Memory is then proportional to the gaps in the ids used, not
 * to their number: at 100 000 new orders a second a bit per id would have grown by 1 GB a day, for good, snapshots
 * included. A lookup of a recent id hits the cached page; an older one searches the ranges.
 *
 * <p>Snapshot: without full ranges, the same layout as before the ranges existed (a page count, then each non-empty
 * page's key and words), so older snapshots read and write back unchanged; with them, {@value #WITH_RANGES}, the
 * range count, each range's first and end page key, then the pages as before. A full page read from an older
 * snapshot joins the ranges, as it would have when its last id was added.
 */
final class OrderIdSet {

    private static final int PAGE_SHIFT = 12;
    static final int PAGE_IDS = 1 << PAGE_SHIFT;
    private static final int PAGE_WORDS = PAGE_IDS / 64;
    /** Marks a snapshot with ranges of full pages (a page count is never negative). */
    static final int WITH_RANGES = -2;

    /** Pages neither empty nor full: PAGE_WORDS words of bits, then the number of bits set. */
    private final Long2ObjectHashMap<long[]> pages = new Long2ObjectHashMap<>();
    private long cachedKey = -1;
    private long[] cachedPage;
    /** Ranges of full pages, [from[i], to[i]) in page keys, sorted, neither overlapping nor touching. */
    private long[] from = new long[4];
    private long[] to = new long[4];
    private int ranges;

    boolean contains(long id) {
        long key = id >>> PAGE_SHIFT;
        long[] page = page(key);
        if (page == null) {
            return isFull(key);
        }
        int bit = (int) (id & (PAGE_IDS - 1));
        return (page[bit >>> 6] & (1L << bit)) != 0;
    }

    void add(long id) {
        long key = id >>> PAGE_SHIFT;
        long[] page = page(key);
        if (page == null) {
            if (isFull(key)) {
                return;
            }
            page = new long[PAGE_WORDS + 1];
            pages.put(key, page);
            cachedKey = key;
            cachedPage = page;
        }
        int bit = (int) (id & (PAGE_IDS - 1));
        long mask = 1L << bit;
        if ((page[bit >>> 6] & mask) == 0) {
            page[bit >>> 6] |= mask;
            if (++page[PAGE_WORDS] == PAGE_IDS) {
                pages.remove(key);
                cachedKey = -1;
                cachedPage = null;
                addFull(key);
            }
        }
    }

    private long[] page(long key) {
        if (key == cachedKey) {
            return cachedPage;
        }
        long[] page = pages.get(key);
        if (page != null) {
            cachedKey = key;
            cachedPage = page;
        }
        return page;
    }

    /** @return true if the page lies in a range of full pages */
    private boolean isFull(long key) {
        int i = rangeAtOrBefore(key);
        return i >= 0 && key < to[i];
    }

    /** @return the index of the last range starting at or before key, or -1 */
    private int rangeAtOrBefore(long key) {
        int lo = 0;
        int hi = ranges - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (from[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    /** Adds a full page (not in a range yet), joining the ranges it touches. */
    private void addFull(long key) {
        int i = rangeAtOrBefore(key);
        boolean joinsLeft = i >= 0 && to[i] == key;
        boolean joinsRight = i + 1 < ranges && from[i + 1] == key + 1;
        if (joinsLeft && joinsRight) {
            to[i] = to[i + 1];
            removeRange(i + 1);
        } else if (joinsLeft) {
            to[i] = key + 1;
        } else if (joinsRight) {
            from[i + 1] = key;
        } else {
            insertRange(i + 1, key, key + 1);
        }
    }

    private void insertRange(int at, long first, long end) {
        if (ranges == from.length) {
            from = Arrays.copyOf(from, ranges * 2);
            to = Arrays.copyOf(to, ranges * 2);
        }
        System.arraycopy(from, at, from, at + 1, ranges - at);
        System.arraycopy(to, at, to, at + 1, ranges - at);
        from[at] = first;
        to[at] = end;
        ranges++;
    }

    private void removeRange(int at) {
        System.arraycopy(from, at + 1, from, at, ranges - at - 1);
        System.arraycopy(to, at + 1, to, at, ranges - at - 1);
        ranges--;
    }

    /** @return the number of ranges of full pages (memory held: 16 bytes each) */
    int ranges() {
        return ranges;
    }

    /** @return the number of pages neither empty nor full (memory held: about 530 bytes each) */
    int partialPages() {
        int n = 0;
        for (long[] page : pages.values()) {
            n += page[PAGE_WORDS] > 0 ? 1 : 0;
        }
        return n;
    }

    /** Clears every bit, keeping the pages for reuse. */
    void clear() {
        for (long[] page : pages.values()) {
            Arrays.fill(page, 0L);
        }
        ranges = 0;
    }

    void write(DataOutput out) throws IOException {
        long[] keys = new long[pages.size()];
        int n = 0;
        for (Long2ObjectHashMap<long[]>.KeyIterator it = pages.keySet().iterator(); it.hasNext(); ) {
            long key = it.nextLong();
            if (pages.get(key)[PAGE_WORDS] != 0) {
                keys[n++] = key;
            }
        }
        Arrays.sort(keys, 0, n);
        if (ranges > 0) {
            out.writeInt(WITH_RANGES);
            out.writeInt(ranges);
            for (int i = 0; i < ranges; i++) {
                out.writeLong(from[i]);
                out.writeLong(to[i]);
            }
        }
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeLong(keys[i]);
            long[] page = pages.get(keys[i]);
            for (int w = 0; w < PAGE_WORDS; w++) {
                out.writeLong(page[w]);
            }
        }
    }

    void read(DataInput in) throws IOException {
        clear();
        cachedKey = -1;
        cachedPage = null;
        int n = in.readInt();
        if (n == WITH_RANGES) {
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("corrupt snapshot: " + count + " ranges of order id pages");
            }
            long previousEnd = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                long first = in.readLong();
                long end = in.readLong();
                if (first < 0 || end <= first || first <= previousEnd && i > 0) {
                    throw new IOException("corrupt snapshot: order id page range " + first + ".." + end);
                }
                insertRange(ranges, first, end);
                previousEnd = end;
            }
            n = in.readInt();
        }
        if (n < 0) {
            throw new IOException("corrupt snapshot: " + n + " order id pages");
        }
        for (int i = 0; i < n; i++) {
            long key = in.readLong();
            long[] page = pages.get(key);
            if (page == null) {
                page = new long[PAGE_WORDS + 1];
                pages.put(key, page);
            }
            long bits = 0;
            for (int w = 0; w < PAGE_WORDS; w++) {
                page[w] = in.readLong();
                bits += Long.bitCount(page[w]);
            }
            page[PAGE_WORDS] = bits;
            if (bits == PAGE_IDS) {
                if (isFull(key)) {
                    throw new IOException("corrupt snapshot: order id page " + key + " both full and in a range");
                }
                pages.remove(key);
                addFull(key);
            }
        }
    }
}
