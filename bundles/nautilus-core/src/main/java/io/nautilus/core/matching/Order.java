package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;

/**
 * A working order: a pooled, mutable node that is linked into exactly one list at a time (its price level's FIFO
 * queue or its book's stop list) through {@link #prev}/{@link #next}.
 *
 * <p>For a working order {@code qty == filled + open} always holds; {@code visible} is the displayed part of
 * {@code open} (all of it unless the order is an iceberg).
 */
final class Order {

    /** Not in any list (being processed as an aggressor, or pooled). */
    static final byte FREE = 0;
    /** In a price level's queue. */
    static final byte RESTING = 1;
    /** In the book's stop list, waiting for its trigger. */
    static final byte STOP_PENDING = 2;
    /** Triggered, waiting in its book's trigger queue. */
    static final byte TRIGGERED = 3;
    /** Working at an external venue: in the order index, in no book. */
    static final byte VENUE = 4;

    long id;
    /** The sender's id, echoed in views, 0 = none. */
    long clientOrderId;
    int account;
    int instrument;
    OrderBook book;
    boolean buy;
    Side side;
    OrderType type;
    TimeInForce tif;
    /** Limit price, 0 for market and stop (market) orders. */
    long price;
    long stopPrice;
    /** Quantity of the NEW. */
    long originalQty;
    /** Current order quantity (changed by REPLACE and REDUCE): filled + open. */
    long qty;
    /** Open quantity, displayed and hidden. */
    long open;
    long filled;
    /** Iceberg slice size, 0 = fully displayed. */
    long displayQty;
    /** Displayed part of open while resting. */
    long visible;
    int flags;
    long expiry;
    byte state;
    /** Venue orders: the venue code chosen by the sender ({@link MatchingEngine#venueName(int)}), -1 for the
     * instrument's own venue. */
    int venue = -1;
    /** Venue orders: the venue acknowledged the order. */
    boolean venueAcked;
    /** Venue orders: a cancel request is out. */
    boolean pendingCancel;
    /** Venue orders: a replace request is out, for these values. */
    boolean pendingReplace;
    long pendingPrice;
    long pendingQty;
    /** Trade price that triggered a stop. */
    long triggerPrice;

    Level level;
    Order prev;
    Order next;
    Order nextTriggered;

    /**
     * Fills a pooled order from a new-order command (its state is the caller's to set).
     *
     * @param orderId   the order's id
     * @param c         the command
     * @param book      its instrument's book
     * @param isBuy     its side
     * @param limit     its limit price (0 for none)
     * @param stop      its stop price (0 for none)
     */
    void init(long orderId, Command c, OrderBook book, boolean isBuy, long limit, long stop) {
        id = orderId;
        clientOrderId = c.clientOrderId;
        account = c.account;
        instrument = c.instrument;
        this.book = book;
        buy = isBuy;
        side = c.side;
        type = c.type;
        tif = c.tif;
        price = limit;
        stopPrice = stop;
        originalQty = c.qty;
        qty = c.qty;
        open = c.qty;
        filled = 0;
        displayQty = c.displayQty;
        visible = 0;
        flags = c.flags;
        expiry = c.tif == TimeInForce.GTD ? c.expiry : 0;
    }

    boolean isMarket() {
        return type == OrderType.MARKET || type == OrderType.STOP;
    }
}
