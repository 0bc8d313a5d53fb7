package io.nautilus.core.matching;

import org.agrona.collections.Long2ObjectHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Every order id ever accepted, as a paged bitmap: ids handed out in sequence cost one bit each and one small page
 * allocation per {@value #PAGE_IDS} ids, and a lookup of a recent id hits the cached page.
 */
final class OrderIdSet {

    private static final int PAGE_SHIFT = 12;
    static final int PAGE_IDS = 1 << PAGE_SHIFT;
    private static final int PAGE_WORDS = PAGE_IDS / 64;

    private final Long2ObjectHashMap<long[]> pages = new Long2ObjectHashMap<>();
    private long cachedKey = -1;
    private long[] cachedPage;

    boolean contains(long id) {
        long[] page = page(id >>> PAGE_SHIFT);
        if (page == null) {
            return false;
        }
        int bit = (int) (id & (PAGE_IDS - 1));
        return (page[bit >>> 6] & (1L << bit)) != 0;
    }

    void add(long id) {
        long key = id >>> PAGE_SHIFT;
        long[] page = page(key);
        if (page == null) {
            page = new long[PAGE_WORDS];
            pages.put(key, page);
            cachedKey = key;
            cachedPage = page;
        }
        int bit = (int) (id & (PAGE_IDS - 1));
        page[bit >>> 6] |= 1L << bit;
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

    /** Clears every bit, keeping the pages for reuse. */
    void clear() {
        for (long[] page : pages.values()) {
            Arrays.fill(page, 0L);
        }
    }

    void write(DataOutput out) throws IOException {
        long[] keys = new long[pages.size()];
        int n = 0;
        for (Long2ObjectHashMap<long[]>.KeyIterator it = pages.keySet().iterator(); it.hasNext(); ) {
            long key = it.nextLong();
            if (!isEmpty(pages.get(key))) {
                keys[n++] = key;
            }
        }
        Arrays.sort(keys, 0, n);
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeLong(keys[i]);
            long[] page = pages.get(keys[i]);
            for (long word : page) {
                out.writeLong(word);
            }
        }
    }

    void read(DataInput in) throws IOException {
        clear();
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt snapshot: " + n + " order id pages");
        }
        for (int i = 0; i < n; i++) {
            long key = in.readLong();
            long[] page = pages.get(key);
            if (page == null) {
                page = new long[PAGE_WORDS];
                pages.put(key, page);
            }
            for (int w = 0; w < PAGE_WORDS; w++) {
                page[w] = in.readLong();
            }
        }
        cachedKey = -1;
        cachedPage = null;
    }

    private static boolean isEmpty(long[] page) {
        for (long word : page) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }
}
