package io.nautilus.core.matching;

import java.util.Arrays;

/**
 * The levels of one book side by price: open addressing with linear probing over one array of levels (the key is
 * read from the level), Fibonacci hashing, backward-shift deletion. Grows at half load; never shrinks.
 */
final class LevelIndex {

    private Level[] table;
    private int mask;
    private int shift;
    private int size;

    LevelIndex(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity - 1) << 1);
        allocate(capacity);
    }

    private void allocate(int capacity) {
        table = new Level[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(long price) {
        return (int) ((price * 0x9E3779B97F4A7C15L) >>> shift);
    }

    Level get(long price) {
        Level[] t = table;
        int i = slot(price);
        Level l;
        while ((l = t[i]) != null) {
            if (l.price == price) {
                return l;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Adds a level whose price is not in the index. */
    void put(Level level) {
        if (size >= (table.length >> 1)) {
            grow();
        }
        Level[] t = table;
        int i = slot(level.price);
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = level;
        size++;
    }

    void remove(long price) {
        Level[] t = table;
        int i = slot(price);
        Level l;
        while ((l = t[i]) != null) {
            if (l.price == price) {
                t[i] = null;
                size--;
                shiftBack(t, i);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private void shiftBack(Level[] t, int hole) {
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            Level l = t[j];
            if (l == null) {
                return;
            }
            int home = slot(l.price);
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                t[hole] = l;
                t[j] = null;
                hole = j;
            }
        }
    }

    private void grow() {
        Level[] old = table;
        allocate(old.length << 1);
        size = 0;
        for (Level l : old) {
            if (l != null) {
                put(l);
            }
        }
    }

    void clear() {
        Arrays.fill(table, null);
        size = 0;
    }
}
