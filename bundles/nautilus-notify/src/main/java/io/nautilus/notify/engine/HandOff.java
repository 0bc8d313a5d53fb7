package io.nautilus.notify.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded lock-free queue from many producers to one consumer (D. Vyukov's bounded queue): {@link #offer} never
 * blocks and says {@code false} when the queue is full; only the engine thread calls {@link #poll}.
 *
 * @param <E> the element type
 */
public final class HandOff<E> {

    private final AtomicReferenceArray<E> slots;
    private final AtomicLongArray sequences;
    private final int mask;
    private final AtomicLong tail = new AtomicLong();
    private long head;

    /**
     * Creates an empty queue.
     *
     * @param capacity how many elements it holds at most, rounded up to a power of two; 2 or more
     * @throws IllegalArgumentException if the capacity is below 2 or above 2<sup>30</sup>
     */
    public HandOff(int capacity) {
        if (capacity < 2 || capacity > (1 << 30)) {
            throw new IllegalArgumentException("hand-off capacity " + capacity + " must be 2 to 2^30");
        }
        int size = Integer.highestOneBit(capacity - 1) << 1;
        slots = new AtomicReferenceArray<>(size);
        sequences = new AtomicLongArray(size);
        for (int i = 0; i < size; i++) {
            sequences.set(i, i);
        }
        mask = size - 1;
    }

    /** @return how many elements it holds at most */
    public int capacity() {
        return mask + 1;
    }

    /**
     * Adds an element unless the queue is full; safe from any thread; never blocks.
     *
     * @param element the element, not null
     * @return false if the queue was full (the element was not taken)
     */
    public boolean offer(E element) {
        long pos = tail.get();
        while (true) {
            int i = (int) pos & mask;
            long diff = sequences.get(i) - pos;
            if (diff == 0) {
                if (tail.compareAndSet(pos, pos + 1)) {
                    slots.lazySet(i, element);
                    sequences.set(i, pos + 1);
                    return true;
                }
                pos = tail.get();
            } else if (diff < 0) {
                return false;
            } else {
                pos = tail.get();
            }
        }
    }

    /**
     * Takes the oldest element; only the consumer thread may call it.
     *
     * @return it, or null when the queue is empty
     */
    public E poll() {
        int i = (int) head & mask;
        if (sequences.get(i) != head + 1) {
            return null;
        }
        E element = slots.get(i);
        slots.lazySet(i, null);
        sequences.set(i, head + mask + 1);
        head++;
        return element;
    }

    /** @return whether the queue looks empty to the consumer */
    public boolean isEmpty() {
        return sequences.get((int) head & mask) != head + 1;
    }
}
