package io.nautilus.core.matching;

import java.util.Arrays;

/**
 * Working orders by id: open addressing with linear probing over one array of orders (the key is read from the
 * order, so a hit costs one table slot and the order itself), Fibonacci hashing, backward-shift deletion (no
 * tombstones). Grows at half load; never shrinks.
 */
final class OrderIndex {

    private Order[] table;
    private int mask;
    private int shift;
    private int size;

    OrderIndex(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, initialCapacity - 1) << 1);
        allocate(capacity);
    }

    private void allocate(int capacity) {
        table = new Order[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(long id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> shift);
    }

    int size() {
        return size;
    }

    Order get(long id) {
        Order[] t = table;
        int i = slot(id);
        Order o;
        while ((o = t[i]) != null) {
            if (o.id == id) {
                return o;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Adds an order whose id is not in the index. */
    void put(Order order) {
        if (size >= (table.length >> 1)) {
            grow();
        }
        Order[] t = table;
        int i = slot(order.id);
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = order;
        size++;
    }

    void remove(long id) {
        Order[] t = table;
        int i = slot(id);
        Order o;
        while ((o = t[i]) != null) {
            if (o.id == id) {
                t[i] = null;
                size--;
                shiftBack(t, i);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private void shiftBack(Order[] t, int hole) {
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            Order o = t[j];
            if (o == null) {
                return;
            }
            int home = slot(o.id);
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                t[hole] = o;
                t[j] = null;
                hole = j;
            }
        }
    }

    private void grow() {
        Order[] old = table;
        allocate(old.length << 1);
        size = 0;
        for (Order o : old) {
            if (o != null) {
                put(o);
            }
        }
    }

    void clear() {
        Arrays.fill(table, null);
        size = 0;
    }

    /**
     * Copies the ids of the orders into an array (in table order: sort before deciding anything by them).
     *
     * @param ids destination, grown if too small
     * @return the destination holding {@link #size()} ids
     */
    long[] ids(long[] ids) {
        long[] out = ids.length >= size ? ids : new long[Math.max(size, ids.length * 2)];
        int n = 0;
        for (Order o : table) {
            if (o != null) {
                out[n++] = o.id;
            }
        }
        return out;
    }
}
