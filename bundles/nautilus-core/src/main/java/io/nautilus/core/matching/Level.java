package io.nautilus.core.matching;

/**
 * One price level of a book side: an intrusive FIFO queue of resting orders and the displayed quantity total.
 */
final class Level {

    long price;
    /** Sort key: price for bids, -price for asks (ascending keys, best last). */
    long key;
    /** Sum of the orders' displayed quantity. */
    long qty;
    int count;
    Order head;
    Order tail;
    /** Pool link. */
    Level nextFree;

    void append(Order o) {
        o.level = this;
        o.next = null;
        o.prev = tail;
        if (tail == null) {
            head = o;
        } else {
            tail.next = o;
        }
        tail = o;
        count++;
        qty += o.visible;
    }

    void unlink(Order o) {
        Order p = o.prev;
        Order n = o.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        o.prev = null;
        o.next = null;
        o.level = null;
        count--;
        qty -= o.visible;
    }

    /** Moves an order of this level to the back of the queue (its displayed quantity is counted by the caller). */
    void moveToBack(Order o) {
        if (o == tail) {
            return;
        }
        Order p = o.prev;
        Order n = o.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        n.prev = p;
        o.prev = tail;
        o.next = null;
        tail.next = o;
        tail = o;
    }
}
