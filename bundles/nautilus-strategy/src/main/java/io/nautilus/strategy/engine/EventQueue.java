package io.nautilus.strategy.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, lock-free queue for many producers and one consumer, over a pre-allocated ring of slots (the
 * design of Agrona's {@code ManyToOneConcurrentArrayQueue}, on JDK atomics so it needs no {@code Unsafe}).
 *
 * @param <E> the element type
 */
final class EventQueue<E> {

    private final AtomicReferenceArray<E> slots;
    private final int mask;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong head = new AtomicLong();
    private long headCache;

    /**
     * @param requestedCapacity rounded up to a power of two
     */
    EventQueue(int requestedCapacity) {
        int capacity = Integer.highestOneBit(Math.max(2, requestedCapacity) - 1) << 1;
        slots = new AtomicReferenceArray<>(capacity);
        mask = capacity - 1;
    }

    /** @return the number of slots */
    int capacity() {
        return mask + 1;
    }

    /**
     * Adds an element; any thread.
     *
     * @return false if the queue is full
     */
    boolean offer(E element) {
        return offer(element, 0);
    }

    /**
     * Adds an element unless fewer than {@code reserve + 1} slots are free; any thread. Droppable elements (market
     * data) pass a reserve, so that the slots it keeps are always there for the ones that must not be dropped
     * (execution reports, command outcomes).
     *
     * @param reserve slots to leave free, 0 or more
     * @return false if the queue is that full
     */
    boolean offer(E element, int reserve) {
        while (true) {
            long currentTail = tail.get();
            if (currentTail - head.get() > mask - reserve) {
                return false;
            }
            if (tail.compareAndSet(currentTail, currentTail + 1)) {
                slots.lazySet((int) currentTail & mask, element);
                return true;
            }
        }
    }

    /**
     * Takes the oldest element; the consumer thread only.
     *
     * @return the element, or {@code null} if none is ready
     */
    E poll() {
        int index = (int) headCache & mask;
        E element = slots.get(index);
        if (element == null) {
            return null;
        }
        slots.lazySet(index, null);
        headCache++;
        head.lazySet(headCache);
        return element;
    }

    /** @return whether no element is waiting (approximate while producers run) */
    boolean isEmpty() {
        return tail.get() == head.get();
    }

    /** @return elements waiting (approximate while producers run) */
    int size() {
        return (int) Math.max(0, tail.get() - head.get());
    }
}
