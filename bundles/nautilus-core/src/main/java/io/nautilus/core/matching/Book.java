package io.nautilus.core.matching;

/**
 * The order book of one instrument: its parameters, both sides, its untriggered stop orders (in arrival order) and
 * its reference prices.
 */
final class Book {

    final int instrument;
    long tickSize;
    long lotSize;
    long minQty;
    long bandBps;
    /** Orders of this instrument go to an external venue instead of this book. */
    boolean external;
    /** Defined reference price, 0 = none. */
    long referencePrice;
    /** Last MARK price or last trade price, whichever came last; 0 = none yet. */
    long marketReference;
    /** Last trade price, 0 = no trade yet. */
    long lastTradePrice;

    final BookSide bids = new BookSide(true);
    final BookSide asks = new BookSide(false);

    Order stopHead;
    Order stopTail;
    int stopCount;
    /** Lower bound of the buy stops' stop prices (MAX_VALUE if none). */
    long minBuyStop = Long.MAX_VALUE;
    /** Upper bound of the sell stops' stop prices (MIN_VALUE if none). */
    long maxSellStop = Long.MIN_VALUE;

    Book(int instrument) {
        this.instrument = instrument;
    }

    BookSide side(boolean buy) {
        return buy ? bids : asks;
    }

    /** @return the band reference: the last MARK or trade, else the defined reference, 0 = none */
    long bandReference() {
        return marketReference != 0 ? marketReference : referencePrice;
    }

    void appendStop(Order o) {
        o.next = null;
        o.prev = stopTail;
        if (stopTail == null) {
            stopHead = o;
        } else {
            stopTail.next = o;
        }
        stopTail = o;
        stopCount++;
        if (o.buy) {
            if (o.stopPrice < minBuyStop) {
                minBuyStop = o.stopPrice;
            }
        } else if (o.stopPrice > maxSellStop) {
            maxSellStop = o.stopPrice;
        }
    }

    void unlinkStop(Order o) {
        Order p = o.prev;
        Order n = o.next;
        if (p == null) {
            stopHead = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            stopTail = p;
        } else {
            n.prev = p;
        }
        o.prev = null;
        o.next = null;
        stopCount--;
        if (stopCount == 0) {
            minBuyStop = Long.MAX_VALUE;
            maxSellStop = Long.MIN_VALUE;
        }
    }

    void recomputeStopBounds() {
        long minBuy = Long.MAX_VALUE;
        long maxSell = Long.MIN_VALUE;
        for (Order o = stopHead; o != null; o = o.next) {
            if (o.buy) {
                minBuy = Math.min(minBuy, o.stopPrice);
            } else {
                maxSell = Math.max(maxSell, o.stopPrice);
            }
        }
        minBuyStop = minBuy;
        maxSellStop = maxSell;
    }
}
