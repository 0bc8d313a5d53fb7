package io.nautilus.marketdata.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded single-producer, single-consumer queue on a power-of-two array; lock-free and allocation-free.
 * (Agrona's queues need {@code jdk.internal.misc.Unsafe}, which the OSGi container does not export.)
 *
 * @param <E> element type
 */
final class SpscQueue<E> {

    private final AtomicReferenceArray<E> slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    /** Producer only: the consumer's head as last read. */
    private long headCache;

    /**
     * Creates the queue.
     *
     * @param capacity at least 2; rounded up to a power of two
     */
    SpscQueue(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    /**
     * Adds an element unless full. Producer thread only.
     *
     * @param element not null
     * @return false if the queue was full
     */
    boolean offer(E element) {
        long t = tail.get();
        if (t - headCache >= slots.length()) {
            headCache = head.get();
            if (t - headCache >= slots.length()) {
                return false;
            }
        }
        slots.lazySet((int) t & mask, element);
        tail.lazySet(t + 1);
        return true;
    }

    /**
     * Takes the oldest element. Consumer thread only.
     *
     * @return the element, or null if empty
     */
    E poll() {
        long h = head.get();
        if (h >= tail.get()) {
            return null;
        }
        int index = (int) h & mask;
        E element = slots.get(index);
        slots.lazySet(index, null);
        head.lazySet(h + 1);
        return element;
    }

    int size() {
        return (int) Math.max(0, tail.get() - head.get());
    }

    int capacity() {
        return slots.length();
    }
}
