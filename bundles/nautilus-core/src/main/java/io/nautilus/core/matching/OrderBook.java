package io.nautilus.core.matching;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.SelfTradePrevention;

/**
 * The order book of one instrument and its matching: the instrument's rules (tick, lot, minimum, price band), both
 * sides' price levels with their FIFO queues, its untriggered stop orders (in arrival order) with the queue of the
 * stops a trade triggered, its reference prices, and the price-time priority matching of every order type.
 *
 * <p>The {@link MatchingEngine} dispatches each command to the book of its instrument (or, by order id, to the book
 * of the order) and keeps what the books share: the working orders by id and the used ids, the accounts'
 * self-trade prevention modes, the GTD/DAY counts and the pools of orders and levels. Methods taking a command write
 * their outcome into it (a reject, or the events in the order they happened). Writer thread only.
 */
final class OrderBook {

    private static final int STP_NONE = SelfTradePrevention.NONE.ordinal();
    private static final int STP_CANCEL_RESTING = SelfTradePrevention.CANCEL_RESTING.ordinal();
    private static final int STP_CANCEL_INCOMING = SelfTradePrevention.CANCEL_INCOMING.ordinal();

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

    /** Stops triggered by this book's trades, in trigger order, run after the command that traded. */
    private Order triggeredHead;
    private Order triggeredTail;

    private final MatchingEngine engine;

    OrderBook(int instrument, MatchingEngine engine) {
        this.instrument = instrument;
        this.engine = engine;
    }

    BookSide side(boolean buy) {
        return buy ? bids : asks;
    }

    /** @return the band reference: the last MARK or trade, else the defined reference, 0 = none */
    long bandReference() {
        return marketReference != 0 ? marketReference : referencePrice;
    }

    // ------------------------------------------------------------------------------------------------ rules

    /**
     * Checks a NEW's quantity, prices, display quantity, expiry and flags against this instrument's rules (side,
     * type and time in force are present), rejecting the command at the first problem.
     *
     * @return true if the order is valid
     */
    boolean checkNew(Command c) {
        OrderType type = c.type;
        long qty = c.qty;
        if (qty <= 0) {
            MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.qty", 0, qty);
            return false;
        }
        if (!isMultiple(qty, lotSize)) {
            MatchingEngine.reject(c, RejectReason.QUANTITY_NOT_LOT_MULTIPLE, "matching.lot", lotSize, qty);
            return false;
        }
        if (qty < minQty) {
            MatchingEngine.reject(c, RejectReason.QUANTITY_BELOW_MINIMUM, "matching.min-qty", minQty, qty);
            return false;
        }
        long price = 0;
        if (type.hasLimitPrice()) {
            price = c.price;
            if (price <= 0) {
                MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.price", 0, price);
                return false;
            }
            if (!isMultiple(price, tickSize)) {
                MatchingEngine.reject(c, RejectReason.PRICE_NOT_ON_TICK, "matching.tick", tickSize, price);
                return false;
            }
        }
        if (type.hasStopPrice()) {
            long stopPrice = c.stopPrice;
            if (stopPrice <= 0) {
                MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.stop-price", 0, stopPrice);
                return false;
            }
            if (!isMultiple(stopPrice, tickSize)) {
                MatchingEngine.reject(c, RejectReason.PRICE_NOT_ON_TICK, "matching.stop-tick", tickSize, stopPrice);
                return false;
            }
        }
        long display = c.displayQty;
        if (display < 0 || display > qty) {
            MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.display-qty", qty, display);
            return false;
        }
        if (display > 0 && !isMultiple(display, lotSize)) {
            MatchingEngine.reject(c, RejectReason.QUANTITY_NOT_LOT_MULTIPLE, "matching.display-lot", lotSize,
                    display);
            return false;
        }
        if (c.tif == TimeInForce.GTD && c.expiry <= 0) {
            MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.expiry", 0, c.expiry);
            return false;
        }
        if (!OrderFlags.isValid(c.flags)) {
            MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.flags", OrderFlags.ALL, c.flags);
            return false;
        }
        return !type.hasLimitPrice() || !outsideBand(c, price);
    }

    /**
     * Checks the new limit price of a REPLACE of a working order of this book, rejecting the command if invalid.
     *
     * @return true if the price is valid
     */
    boolean checkReplacePrice(Command c, Order o, long newPrice) {
        if (!o.type.hasLimitPrice()) {
            MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.replace-price-of-market", 0, newPrice);
            return false;
        }
        if (newPrice <= 0) {
            MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.price", 0, newPrice);
            return false;
        }
        if (!isMultiple(newPrice, tickSize)) {
            MatchingEngine.reject(c, RejectReason.PRICE_NOT_ON_TICK, "matching.tick", tickSize, newPrice);
            return false;
        }
        return !outsideBand(c, newPrice);
    }

    /**
     * Checks the new order quantity of a REPLACE, rejecting the command if invalid.
     *
     * @return true if the quantity is valid
     */
    boolean checkReplaceQty(Command c, long newQty) {
        if (newQty <= 0) {
            MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.qty", 0, newQty);
            return false;
        }
        if (!isMultiple(newQty, lotSize)) {
            MatchingEngine.reject(c, RejectReason.QUANTITY_NOT_LOT_MULTIPLE, "matching.lot", lotSize, newQty);
            return false;
        }
        if (newQty < minQty) {
            MatchingEngine.reject(c, RejectReason.QUANTITY_BELOW_MINIMUM, "matching.min-qty", minQty, newQty);
            return false;
        }
        return true;
    }

    private static boolean isMultiple(long value, long unit) {
        return unit == 1 || value % unit == 0;
    }

    private boolean outsideBand(Command c, long price) {
        long bps = bandBps;
        if (bps <= 0) {
            return false;
        }
        long ref = bandReference();
        if (ref <= 0) {
            return false;
        }
        long width = ref / 10_000 * bps + ref % 10_000 * bps / 10_000;
        if (price < ref - width) {
            MatchingEngine.reject(c, RejectReason.PRICE_OUTSIDE_BAND, "matching.band-low", ref - width, price);
            return true;
        }
        if (price > ref + width) {
            MatchingEngine.reject(c, RejectReason.PRICE_OUTSIDE_BAND, "matching.band-high", ref + width, price);
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ commands

    /**
     * Places a NEW that passed {@link #checkNew} (its id unused, its account defined): rejects a post-only order
     * that would cross and a FOK that cannot fill, else accepts it and rests it as a stop, or matches it and rests
     * or cancels its remainder, then runs the stops its trades triggered.
     *
     * @param stp the account's self-trade prevention mode (ordinal)
     */
    void place(Command c, int stp) {
        OrderType type = c.type;
        TimeInForce tif = c.tif;
        long qty = c.qty;
        long price = type.hasLimitPrice() ? c.price : 0;
        boolean buy = c.side == Side.BUY;
        boolean market = type == OrderType.MARKET;
        if (!type.hasStopPrice()) {
            if (OrderFlags.isPostOnly(c.flags) && crosses(buy, market, price)) {
                MatchingEngine.reject(c, RejectReason.POST_ONLY_WOULD_CROSS, "matching.post-only", 0, price);
                return;
            }
            if (tif == TimeInForce.FOK && !canFill(buy, market, price, qty, c.account, stp)) {
                MatchingEngine.reject(c, RejectReason.FOK_CANNOT_FILL, "matching.fok", 0, qty);
                return;
            }
        }
        Order o = engine.register(c, this, buy, price, type.hasStopPrice() ? c.stopPrice : 0);
        Events ev = c.events;
        ev.accepted(o.id, o.account, o.instrument, o.side, price, qty, qty);
        if (type.hasStopPrice()) {
            if (stopHolds(o, lastTradePrice)) {
                enqueueTriggered(o, lastTradePrice);
            } else {
                o.state = Order.STOP_PENDING;
                appendStop(o);
            }
        } else {
            execute(o, stp, ev);
        }
        if (triggeredHead != null) {
            runTriggered(ev);
        }
    }

    /** Cancels a working order of this book (resting or stop pending) for the reason given. */
    void cancel(Order o, CancelReason reason, Events ev) {
        ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, reason);
        detach(o);
        engine.finish(o);
    }

    /** Reduces a working order of this book by q &gt; 0 (cancels it if q reaches its open quantity). */
    void reduce(Command c, Order o, long q) {
        if (q >= o.open) {
            cancel(o, CancelReason.USER, c.events);
            return;
        }
        takeOff(o, q);
        o.qty -= q;
        c.events.reduced(o.id, o.account, o.instrument, o.side, o.price, q, o.open);
    }

    /**
     * Replaces a working order of this book with checked values: keeps its place if the price stays and the open
     * quantity does not grow, else re-queues it (matching it first if the new price crosses).
     *
     * @param newPrice the new limit price (the order's own if unchanged)
     * @param newQty   the new order quantity, filled part included (the order's own if unchanged)
     */
    void replace(Command c, Order o, long newPrice, long newQty) {
        long newOpen = newQty - o.filled;
        boolean resting = o.state == Order.RESTING;
        if (newOpen > 0 && resting && newPrice != o.price && OrderFlags.isPostOnly(o.flags)
                && crosses(o.buy, false, newPrice)) {
            MatchingEngine.reject(c, RejectReason.POST_ONLY_WOULD_CROSS, "matching.post-only", 0, newPrice);
            return;
        }
        Events ev = c.events;
        if (newOpen <= 0) {
            cancel(o, CancelReason.REPLACED_TO_FILLED, ev);
            return;
        }
        long oldPrice = o.price;
        long oldOpen = o.open;
        boolean keep = newPrice == oldPrice && newOpen <= oldOpen;
        ev.replaced(o.id, o.account, o.instrument, o.side, newPrice, newQty, newOpen, oldPrice, oldOpen, keep);
        o.qty = newQty;
        if (keep) {
            if (newOpen < oldOpen) {
                takeOff(o, oldOpen - newOpen);
            }
            return;
        }
        if (!resting) {
            unlinkStop(o);
            o.price = newPrice;
            o.open = newOpen;
            appendStop(o);
            return;
        }
        detach(o);
        o.price = newPrice;
        o.open = newOpen;
        if (crosses(o.buy, false, newPrice)) {
            if (!match(o, false, engine.stpOf(o.account), ev)) {
                if (o.open == 0) {
                    engine.finish(o);
                } else {
                    rest(o);
                }
            }
            if (triggeredHead != null) {
                runTriggered(ev);
            }
        } else {
            rest(o);
        }
    }

    /** Takes q (&lt; open) off an order's open quantity, hidden iceberg quantity first, keeping its place. */
    private static void takeOff(Order o, long q) {
        if (o.state == Order.RESTING) {
            long hidden = o.open - o.visible;
            if (q > hidden) {
                long fromVisible = q - hidden;
                o.visible -= fromVisible;
                o.level.qty -= fromVisible;
            }
        }
        o.open -= q;
    }

    // ------------------------------------------------------------------------------------------------ matching

    /** Whether an order of this side and price would trade with the opposite side's best level on arrival. */
    private boolean crosses(boolean buy, boolean market, long price) {
        Level best = side(!buy).best();
        if (best == null) {
            return false;
        }
        return market || (buy ? best.price <= price : best.price >= price);
    }

    /**
     * Whether the opposite side holds qty at acceptable prices (hidden iceberg quantity included; with a
     * self-trade prevention mode other than NONE, the account's own orders do not count).
     */
    private boolean canFill(boolean buy, boolean market, long price, long qty, int account, int stp) {
        BookSide opposite = side(!buy);
        long available = 0;
        for (int i = opposite.size - 1; i >= 0; i--) {
            Level level = opposite.levels[i];
            if (!market && (buy ? level.price > price : level.price < price)) {
                break;
            }
            for (Order o = level.head; o != null; o = o.next) {
                if (stp == STP_NONE || o.account != account) {
                    available += o.open;
                    if (available >= qty) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean stopHolds(Order o, long lastTrade) {
        return lastTrade > 0 && (o.buy ? lastTrade >= o.stopPrice : lastTrade <= o.stopPrice);
    }

    /** Runs an order that enters the book as aggressor (new, or triggered) and rests or cancels its remainder. */
    private void execute(Order o, int stp, Events ev) {
        boolean market = o.isMarket();
        if (match(o, market, stp, ev)) {
            return;
        }
        if (o.open == 0) {
            engine.finish(o);
        } else if (market || o.tif == TimeInForce.IOC || o.tif == TimeInForce.FOK) {
            ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.IOC_REMAINDER);
            engine.finish(o);
        } else {
            rest(o);
        }
    }

    /**
     * Matches the taker against the opposite side while it crosses.
     *
     * @return true if self-trade prevention canceled the taker's remainder (the taker is finished)
     */
    private boolean match(Order taker, boolean market, int stp, Events ev) {
        BookSide opposite = side(!taker.buy);
        boolean buy = taker.buy;
        long limit = taker.price;
        while (taker.open > 0) {
            Level level = opposite.best();
            if (level == null) {
                break;
            }
            long price = level.price;
            if (!market && (buy ? price > limit : price < limit)) {
                break;
            }
            Order maker = level.head;
            while (maker != null && taker.open > 0) {
                Order nextMaker = maker.next;
                if (stp != STP_NONE && maker.account == taker.account) {
                    if (stp == STP_CANCEL_INCOMING) {
                        cancelTakerBySelfTrade(taker, opposite, level, ev);
                        return true;
                    }
                    ev.canceled(maker.id, maker.account, maker.instrument, maker.side, maker.price, maker.open,
                            CancelReason.SELF_TRADE);
                    level.unlink(maker);
                    opposite.orders--;
                    engine.finish(maker);
                    if (stp != STP_CANCEL_RESTING) {
                        cancelTakerBySelfTrade(taker, opposite, level, ev);
                        return true;
                    }
                    maker = nextMaker;
                    continue;
                }
                long q = Math.min(taker.open, maker.visible);
                maker.visible -= q;
                maker.open -= q;
                maker.filled += q;
                level.qty -= q;
                taker.open -= q;
                taker.filled += q;
                ev.trade(taker.id, taker.account, taker.instrument, taker.side, maker.id, maker.account, price, q,
                        taker.open, maker.open, taker.filled, maker.filled);
                onTrade(price);
                if (maker.visible == 0) {
                    if (maker.open == 0) {
                        level.unlink(maker);
                        opposite.orders--;
                        engine.finish(maker);
                    } else {
                        long slice = Math.min(maker.displayQty, maker.open);
                        maker.visible = slice;
                        level.qty += slice;
                        level.moveToBack(maker);
                    }
                }
                maker = nextMaker;
            }
            if (level.count == 0) {
                opposite.remove(level);
                engine.releaseLevel(level);
            }
        }
        return false;
    }

    private void cancelTakerBySelfTrade(Order taker, BookSide opposite, Level level, Events ev) {
        if (level.count == 0) {
            opposite.remove(level);
            engine.releaseLevel(level);
        }
        ev.canceled(taker.id, taker.account, taker.instrument, taker.side, taker.price, taker.open,
                CancelReason.SELF_TRADE);
        engine.finish(taker);
    }

    private void onTrade(long price) {
        lastTradePrice = price;
        marketReference = price;
        if (stopCount > 0 && (price >= minBuyStop || price <= maxSellStop)) {
            for (Order o = stopHead; o != null; ) {
                Order next = o.next;
                if (stopHolds(o, price)) {
                    unlinkStop(o);
                    enqueueTriggered(o, price);
                }
                o = next;
            }
            recomputeStopBounds();
        }
    }

    private void enqueueTriggered(Order o, long price) {
        o.state = Order.TRIGGERED;
        o.triggerPrice = price;
        o.nextTriggered = null;
        if (triggeredTail == null) {
            triggeredHead = o;
        } else {
            triggeredTail.nextTriggered = o;
        }
        triggeredTail = o;
    }

    private void runTriggered(Events ev) {
        while (triggeredHead != null) {
            Order o = triggeredHead;
            triggeredHead = o.nextTriggered;
            if (triggeredHead == null) {
                triggeredTail = null;
            }
            o.nextTriggered = null;
            o.state = Order.FREE;
            ev.triggered(o.id, o.account, o.instrument, o.side, o.triggerPrice, o.open);
            int stp = engine.stpOf(o.account);
            boolean market = o.isMarket();
            if (o.tif == TimeInForce.FOK && !canFill(o.buy, market, o.price, o.open, o.account, stp)) {
                ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.FOK_NOT_FILLED);
                engine.finish(o);
                continue;
            }
            if (OrderFlags.isPostOnly(o.flags) && crosses(o.buy, market, o.price)) {
                ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.VENUE);
                engine.finish(o);
                continue;
            }
            execute(o, stp, ev);
        }
    }

    private void rest(Order o) {
        BookSide side = side(o.buy);
        Level level = side.get(o.price);
        if (level == null) {
            level = engine.newLevel(o.price);
            side.insert(level);
        }
        o.visible = o.displayQty > 0 ? Math.min(o.displayQty, o.open) : o.open;
        o.state = Order.RESTING;
        level.append(o);
        side.orders++;
    }

    /** Takes a working order of this book out of its level or stop list (removing an emptied level). */
    void detach(Order o) {
        if (o.state == Order.RESTING) {
            Level level = o.level;
            BookSide side = side(o.buy);
            level.unlink(o);
            side.orders--;
            if (level.count == 0) {
                side.remove(level);
                engine.releaseLevel(level);
            }
        } else if (o.state == Order.STOP_PENDING) {
            unlinkStop(o);
        }
        o.state = Order.FREE;
    }

    // ------------------------------------------------------------------------------------------------ stops

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

    // ------------------------------------------------------------------------------------------------ reset

    /** Gives every order (resting, stop pending, triggered) and level of this book back to the engine's pools. */
    void clear() {
        clearSide(bids);
        clearSide(asks);
        for (Order o = stopHead; o != null; ) {
            Order next = o.next;
            engine.release(o);
            o = next;
        }
        for (Order o = triggeredHead; o != null; ) {
            Order next = o.nextTriggered;
            engine.release(o);
            o = next;
        }
        stopHead = null;
        stopTail = null;
        stopCount = 0;
        triggeredHead = null;
        triggeredTail = null;
    }

    private void clearSide(BookSide side) {
        for (int i = 0; i < side.size; i++) {
            Level level = side.levels[i];
            for (Order o = level.head; o != null; ) {
                Order next = o.next;
                engine.release(o);
                o = next;
            }
            engine.releaseLevel(level);
        }
        side.clear();
    }
}
