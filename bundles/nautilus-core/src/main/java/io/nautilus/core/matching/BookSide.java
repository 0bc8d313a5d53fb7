package io.nautilus.core.matching;

import java.util.Arrays;

/**
 * The levels of one side of a book: sorted by key ascending with the best level last (so removing the best level
 * is a decrement), plus a price to level map for direct access.
 */
final class BookSide {

    final boolean buy;
    long[] keys = new long[64];
    Level[] levels = new Level[64];
    int size;
    /** Number of resting orders on this side. */
    int orders;
    final LevelIndex byPrice = new LevelIndex(256);

    BookSide(boolean buy) {
        this.buy = buy;
    }

    Level best() {
        return size == 0 ? null : levels[size - 1];
    }

    Level get(long price) {
        return byPrice.get(price);
    }

    long key(long price) {
        return buy ? price : -price;
    }

    /** Adds a level whose price is not on this side yet. */
    void insert(Level level) {
        long key = key(level.price);
        level.key = key;
        if (size == levels.length) {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        int i = size;
        if (size > 0 && keys[size - 1] > key) {
            i = insertionPoint(key);
            System.arraycopy(keys, i, keys, i + 1, size - i);
            System.arraycopy(levels, i, levels, i + 1, size - i);
        }
        keys[i] = key;
        levels[i] = level;
        size++;
        byPrice.put(level);
    }

    /** Removes a level of this side. */
    void remove(Level level) {
        int last = size - 1;
        if (levels[last] != level) {
            int i = indexOf(level.key);
            System.arraycopy(keys, i + 1, keys, i, last - i);
            System.arraycopy(levels, i + 1, levels, i, last - i);
        }
        levels[last] = null;
        size = last;
        byPrice.remove(level.price);
    }

    /** First index whose key is greater than key. */
    private int insertionPoint(long key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] > key) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int indexOf(long key) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = keys[mid];
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("level " + key + " is not on this side");
    }

    /** Forgets every level (the caller returns them to the pool). */
    void clear() {
        Arrays.fill(levels, 0, size, null);
        size = 0;
        orders = 0;
        byPrice.clear();
    }
}
