package io.nautilus.core.matching;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.CommandProcessor;
import io.nautilus.core.Events;
import io.nautilus.core.InstrumentCommand;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.Snapshotable;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Int2ObjectHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Price-time priority matching of every instrument's order book, on the core's single writer thread.
 *
 * <p>Each {@link #process(Command)} call applies one command and writes its outcome into the command: either a
 * reject ({@link Command#reject} plus one {@link Events#REJECTED} event, nothing else changed) or the events it
 * caused, in the order they happened. Prices are in the instrument's price units and must be multiples of its tick
 * size; quantities are in its quantity units and multiples of its lot size. The engine never reads a clock: expiry
 * is driven by {@link Op#CLOCK} commands, so a replay of the same commands makes the same events.
 *
 * <p>Steady-state processing allocates nothing: orders and levels are pooled, maps are primitive-keyed and
 * decisions never depend on hash order. The query methods ({@link #order}, {@link #workingOrders}, {@link #depth},
 * ...) allocate and are meant for the admin shell and tests.
 *
 * <p>Rules beyond the obvious ones:
 * <ul>
 *   <li>Icebergs ({@code displayQty > 0}) show one slice at a time; a fully filled slice with hidden quantity left is
 *       replaced by a new one at the back of its level.</li>
 *   <li>Stop orders trigger when a trade prints at or through the stop (buy: price &gt;= stop, sell: price &lt;=
 *       stop); the stops each trade triggers run in arrival order after the triggering command (or stop) finished
 *       matching, each announced by a {@link Events#TRIGGERED} event just before it executes.</li>
 *   <li>Mass cancels, kill and expiry handle the orders in scope in ascending order id.</li>
 * </ul>
 *
 * <p>This class routes each command and matches the books; its package-private parts keep the rest: the orders of
 * external instruments ({@code VenueOrders}: route, venue reports, pending cancel and replace requests), the
 * snapshot codec ({@code MatchingSnapshot}) and the query views ({@code MatchingQueries}).
 */
public final class MatchingEngine implements CommandProcessor, Snapshotable {

    /** Price value meaning "no price" in the primitive query methods. */
    public static final long NO_PRICE = 0;

    private static final SelfTradePrevention[] STP_MODES = SelfTradePrevention.values();
    private static final int STP_NONE = SelfTradePrevention.NONE.ordinal();
    private static final int STP_CANCEL_RESTING = SelfTradePrevention.CANCEL_RESTING.ordinal();
    private static final int STP_CANCEL_INCOMING = SelfTradePrevention.CANCEL_INCOMING.ordinal();
    static final int NO_ACCOUNT = -1;

    final Int2ObjectHashMap<Book> books = new Int2ObjectHashMap<>();
    int[] instrumentIds = new int[0];
    final Int2IntHashMap accounts = new Int2IntHashMap(NO_ACCOUNT);
    final OrderIndex orders = new OrderIndex(1024);
    final OrderIdSet usedIds = new OrderIdSet();

    private Order freeOrders;
    private Level freeLevels;
    private Order triggeredHead;
    private Order triggeredTail;

    int gtdOrders;
    int dayOrders;
    /** Lower bound of the working GTD orders' expiries. */
    long earliestExpiry = Long.MAX_VALUE;
    long[] scratchIds = new long[64];
    final VenueOrders venue = new VenueOrders(this);
    private final MatchingSnapshot snapshot = new MatchingSnapshot(this);
    private final MatchingQueries queries = new MatchingQueries(this);

    /** Creates an empty engine: define instruments and accounts before sending orders. */
    public MatchingEngine() {
    }

    // ------------------------------------------------------------------------------------------------ definitions

    /**
     * Defines an instrument, or updates the parameters of a defined one (its book, stops and prices stay; orders
     * already resting keep their prices and quantities even if they are off the new tick or lot).
     *
     * @param instrument dense instrument id, &gt;= 0
     * @param tickSize price increment, &gt; 0
     * @param lotSize quantity increment, &gt; 0
     * @param minQty minimum order quantity, &gt;= 0
     * @param priceBandBps allowed distance of a limit price from the reference price in basis points, 0 = no band
     * @param referencePrice band reference used until the first MARK or trade, 0 = none
     * @throws IllegalArgumentException naming the invalid value
     */
    public void defineInstrument(int instrument, long tickSize, long lotSize, long minQty, long priceBandBps,
                                 long referencePrice) {
        String problem = instrumentProblem(instrument, tickSize, lotSize, minQty, priceBandBps, referencePrice);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Book book = books.get(instrument);
        if (book == null) {
            book = new Book(instrument);
            books.put(instrument, book);
            int[] ids = Arrays.copyOf(instrumentIds, instrumentIds.length + 1);
            ids[ids.length - 1] = instrument;
            Arrays.sort(ids);
            instrumentIds = ids;
        }
        book.tickSize = tickSize;
        book.lotSize = lotSize;
        book.minQty = minQty;
        book.bandBps = priceBandBps;
        book.referencePrice = referencePrice;
    }

    static String instrumentProblem(int instrument, long tickSize, long lotSize, long minQty,
                                    long priceBandBps, long referencePrice) {
        if (instrument < 0) {
            return "instrument id " + instrument + " must be >= 0";
        }
        if (tickSize <= 0) {
            return "tick size " + tickSize + " of instrument " + instrument + " must be > 0";
        }
        if (lotSize <= 0) {
            return "lot size " + lotSize + " of instrument " + instrument + " must be > 0";
        }
        if (minQty < 0) {
            return "minimum quantity " + minQty + " of instrument " + instrument + " must be >= 0";
        }
        if (priceBandBps < 0) {
            return "price band " + priceBandBps + " bps of instrument " + instrument + " must be >= 0";
        }
        if (referencePrice < 0) {
            return "reference price " + referencePrice + " of instrument " + instrument + " must be >= 0";
        }
        return null;
    }

    /**
     * Defines an account, or changes the self-trade prevention mode of a defined one.
     *
     * @param account dense account id, &gt;= 0
     * @param stp what happens when its incoming orders meet its own resting orders
     * @throws IllegalArgumentException if the id is negative or the mode null
     */
    public void defineAccount(int account, SelfTradePrevention stp) {
        if (account < 0) {
            throw new IllegalArgumentException("account id " + account + " must be >= 0");
        }
        if (stp == null) {
            throw new IllegalArgumentException("self-trade prevention mode of account " + account + " is null");
        }
        accounts.put(account, stp.ordinal());
    }

    /**
     * Forgets every order, instrument, account and used order id, keeping the pooled objects (so a benchmark or
     * replay can start over without allocating).
     */
    public void reset() {
        for (int id : instrumentIds) {
            Book book = books.get(id);
            clearSide(book.bids);
            clearSide(book.asks);
            for (Order o = book.stopHead; o != null; ) {
                Order next = o.next;
                release(o);
                o = next;
            }
        }
        books.clear();
        instrumentIds = new int[0];
        accounts.clear();
        orders.clear();
        usedIds.clear();
        for (Order o = triggeredHead; o != null; ) {
            Order next = o.nextTriggered;
            release(o);
            o = next;
        }
        triggeredHead = null;
        triggeredTail = null;
        gtdOrders = 0;
        dayOrders = 0;
        earliestExpiry = Long.MAX_VALUE;
        venue.names(new String[0]);
    }

    private void clearSide(BookSide side) {
        for (int i = 0; i < side.size; i++) {
            Level level = side.levels[i];
            for (Order o = level.head; o != null; ) {
                Order next = o.next;
                release(o);
                o = next;
            }
            releaseLevel(level);
        }
        side.clear();
    }

    // ------------------------------------------------------------------------------------------------ processing

    /**
     * Applies one command: NEW, CANCEL, REPLACE, REDUCE, MASS_CANCEL, KILL (its cancel part), MARK and CLOCK; also
     * ADD_INSTRUMENT (as {@link InstrumentCommand} encodes and checks it) and ADD_ACCOUNT (fields as documented in
     * {@link Op}): no events, invalid definitions are ignored. Other operations are ignored.
     *
     * @param c the command; its outcome fields must be clear
     */
    @Override
    public void process(Command c) {
        switch (c.op) {
            case Op.NEW -> onNew(c);
            case Op.CANCEL -> onCancel(c);
            case Op.REPLACE -> onReplace(c);
            case Op.REDUCE -> onReduce(c);
            case Op.MASS_CANCEL -> cancelAll(c.account, c.instrument, CancelReason.USER, c.events);
            case Op.KILL -> cancelAll(c.account, c.instrument, CancelReason.KILL_SWITCH, c.events);
            case Op.MARK -> onMark(c);
            case Op.CLOCK -> onClock(c);
            case Op.ADD_INSTRUMENT -> onAddInstrument(c);
            case Op.ADD_ACCOUNT -> onAddAccount(c);
            case Op.VENUE_REPORT -> venue.onReport(c);
            default -> {
            }
        }
    }

    private void onAddInstrument(Command c) {
        if (InstrumentCommand.problem(c) == null) {
            int id = InstrumentCommand.id(c);
            defineInstrument(id, InstrumentCommand.tickSize(c), InstrumentCommand.lotSize(c),
                    InstrumentCommand.minQuantity(c), InstrumentCommand.priceBandBps(c),
                    InstrumentCommand.referencePrice(c));
            setExternal(id, InstrumentCommand.external(c));
        }
    }

    /**
     * Makes a defined instrument's new orders go to its external venue (accepted here, then {@link Events#ROUTED}
     * and driven by {@link Op#VENUE_REPORT} commands) or be matched in its book. Orders already working stay where
     * they are.
     *
     * @param instrument a defined instrument
     * @param external   true for venue routing
     */
    public void setExternal(int instrument, boolean external) {
        Book book = books.get(instrument);
        if (book != null) {
            book.external = external;
        }
    }

    /**
     * @param instrument an instrument id
     * @return whether its orders go to an external venue
     */
    public boolean isExternal(int instrument) {
        Book book = books.get(instrument);
        return book != null && book.external;
    }

    private void onAddAccount(Command c) {
        if (c.account >= 0 && c.flags >= 0 && c.flags < STP_MODES.length) {
            accounts.put(c.account, c.flags);
        }
    }

    static void reject(Command c, RejectReason reason, String detail, long limit, long value) {
        c.reject(reason, detail, limit, value);
        c.events.rejected(c.orderId, c.account, c.instrument, c.side, reason, limit, value);
    }

    private void onNew(Command c) {
        long id = c.orderId;
        if (id <= 0 || usedIds.contains(id)) {
            reject(c, RejectReason.DUPLICATE_CLIENT_ORDER_ID, "matching.order-id", 0, 0);
            return;
        }
        Book book = books.get(c.instrument);
        if (book == null) {
            reject(c, RejectReason.UNKNOWN_INSTRUMENT, "matching.instrument", 0, 0);
            return;
        }
        int stp = accounts.get(c.account);
        if (stp == NO_ACCOUNT) {
            reject(c, RejectReason.UNKNOWN_ACCOUNT, "matching.account", 0, 0);
            return;
        }
        Side side = c.side;
        OrderType type = c.type;
        TimeInForce tif = c.tif;
        if (side == null || type == null || tif == null) {
            reject(c, RejectReason.INVALID_ORDER, "matching.side-type-tif", 0, 0);
            return;
        }
        long qty = c.qty;
        if (qty <= 0) {
            reject(c, RejectReason.INVALID_ORDER, "matching.qty", 0, qty);
            return;
        }
        if (!isMultiple(qty, book.lotSize)) {
            reject(c, RejectReason.QUANTITY_NOT_LOT_MULTIPLE, "matching.lot", book.lotSize, qty);
            return;
        }
        if (qty < book.minQty) {
            reject(c, RejectReason.QUANTITY_BELOW_MINIMUM, "matching.min-qty", book.minQty, qty);
            return;
        }
        long price = 0;
        if (type.hasLimitPrice()) {
            price = c.price;
            if (price <= 0) {
                reject(c, RejectReason.INVALID_ORDER, "matching.price", 0, price);
                return;
            }
            if (!isMultiple(price, book.tickSize)) {
                reject(c, RejectReason.PRICE_NOT_ON_TICK, "matching.tick", book.tickSize, price);
                return;
            }
        }
        long stopPrice = 0;
        if (type.hasStopPrice()) {
            stopPrice = c.stopPrice;
            if (stopPrice <= 0) {
                reject(c, RejectReason.INVALID_ORDER, "matching.stop-price", 0, stopPrice);
                return;
            }
            if (!isMultiple(stopPrice, book.tickSize)) {
                reject(c, RejectReason.PRICE_NOT_ON_TICK, "matching.stop-tick", book.tickSize, stopPrice);
                return;
            }
        }
        long display = c.displayQty;
        if (display < 0 || display > qty) {
            reject(c, RejectReason.INVALID_ORDER, "matching.display-qty", qty, display);
            return;
        }
        if (display > 0 && !isMultiple(display, book.lotSize)) {
            reject(c, RejectReason.QUANTITY_NOT_LOT_MULTIPLE, "matching.display-lot", book.lotSize, display);
            return;
        }
        if (tif == TimeInForce.GTD && c.expiry <= 0) {
            reject(c, RejectReason.INVALID_ORDER, "matching.expiry", 0, c.expiry);
            return;
        }
        if (!OrderFlags.isValid(c.flags)) {
            reject(c, RejectReason.INVALID_ORDER, "matching.flags", OrderFlags.ALL, c.flags);
            return;
        }
        if (type.hasLimitPrice() && outsideBand(c, book, price)) {
            return;
        }
        boolean buy = side == Side.BUY;
        boolean market = type == OrderType.MARKET;
        if (book.external) {
            venue.route(c, book, buy, price, stopPrice, display);
            return;
        }
        if (!type.hasStopPrice()) {
            if (OrderFlags.isPostOnly(c.flags) && crosses(book, buy, market, price)) {
                reject(c, RejectReason.POST_ONLY_WOULD_CROSS, "matching.post-only", 0, price);
                return;
            }
            if (tif == TimeInForce.FOK && !canFill(book, buy, market, price, qty, c.account, stp)) {
                reject(c, RejectReason.FOK_CANNOT_FILL, "matching.fok", 0, qty);
                return;
            }
        }

        usedIds.add(id);
        Order o = newOrder();
        o.id = id;
        o.clientOrderId = c.clientOrderId;
        o.account = c.account;
        o.instrument = c.instrument;
        o.book = book;
        o.buy = buy;
        o.side = side;
        o.type = type;
        o.tif = tif;
        o.price = price;
        o.stopPrice = stopPrice;
        o.originalQty = qty;
        o.qty = qty;
        o.open = qty;
        o.filled = 0;
        o.displayQty = display;
        o.visible = 0;
        o.flags = c.flags;
        o.expiry = tif == TimeInForce.GTD ? c.expiry : 0;
        o.state = Order.FREE;
        orders.put(o);
        if (tif == TimeInForce.GTD) {
            gtdOrders++;
            if (o.expiry < earliestExpiry) {
                earliestExpiry = o.expiry;
            }
        } else if (tif == TimeInForce.DAY) {
            dayOrders++;
        }
        Events ev = c.events;
        ev.accepted(id, o.account, o.instrument, side, price, qty, qty);
        if (type.hasStopPrice()) {
            if (stopHolds(o, book.lastTradePrice)) {
                enqueueTriggered(o, book.lastTradePrice);
            } else {
                o.state = Order.STOP_PENDING;
                book.appendStop(o);
            }
        } else {
            execute(book, o, stp, ev);
        }
        if (triggeredHead != null) {
            runTriggered(ev);
        }
    }

    /**
     * The venue orders and the venue code each was sent to (-1: its instrument's venue), ascending order id; writer
     * thread.
     *
     * @return pairs of (view, code)
     */
    public List<Map.Entry<OrderView, Integer>> venueOrders() {
        return venue.venueOrders();
    }

    /**
     * The venue a sender chose for a venue order; any thread.
     *
     * @param code the code in a ROUTED / PENDING_CANCEL / PENDING_REPLACE event's reason
     * @return the venue id, or null for -1 (the instrument's own venue) or an unknown code
     */
    public String venueName(int code) {
        return venue.venueName(code);
    }

    private static boolean isMultiple(long value, long unit) {
        return unit == 1 || value % unit == 0;
    }

    private static boolean outsideBand(Command c, Book book, long price) {
        long bps = book.bandBps;
        if (bps <= 0) {
            return false;
        }
        long ref = book.bandReference();
        if (ref <= 0) {
            return false;
        }
        long width = ref / 10_000 * bps + ref % 10_000 * bps / 10_000;
        if (price < ref - width) {
            reject(c, RejectReason.PRICE_OUTSIDE_BAND, "matching.band-low", ref - width, price);
            return true;
        }
        if (price > ref + width) {
            reject(c, RejectReason.PRICE_OUTSIDE_BAND, "matching.band-high", ref + width, price);
            return true;
        }
        return false;
    }

    /** Whether an order of this side and price would trade with the opposite side's best level on arrival. */
    private static boolean crosses(Book book, boolean buy, boolean market, long price) {
        Level best = book.side(!buy).best();
        if (best == null) {
            return false;
        }
        return market || (buy ? best.price <= price : best.price >= price);
    }

    /**
     * Whether the opposite side holds qty at acceptable prices (hidden iceberg quantity included; with a
     * self-trade prevention mode other than NONE, the account's own orders do not count).
     */
    private static boolean canFill(Book book, boolean buy, boolean market, long price, long qty, int account,
                                   int stp) {
        BookSide opposite = book.side(!buy);
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
    private void execute(Book book, Order o, int stp, Events ev) {
        boolean market = o.isMarket();
        if (match(book, o, market, stp, ev)) {
            return;
        }
        if (o.open == 0) {
            finish(o);
        } else if (market || o.tif == TimeInForce.IOC || o.tif == TimeInForce.FOK) {
            ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.IOC_REMAINDER);
            finish(o);
        } else {
            rest(book, o);
        }
    }

    /**
     * Matches the taker against the opposite side while it crosses.
     *
     * @return true if self-trade prevention canceled the taker's remainder (the taker is finished)
     */
    private boolean match(Book book, Order taker, boolean market, int stp, Events ev) {
        BookSide opposite = book.side(!taker.buy);
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
                    finish(maker);
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
                onTrade(book, price);
                if (maker.visible == 0) {
                    if (maker.open == 0) {
                        level.unlink(maker);
                        opposite.orders--;
                        finish(maker);
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
                releaseLevel(level);
            }
        }
        return false;
    }

    private void cancelTakerBySelfTrade(Order taker, BookSide opposite, Level level, Events ev) {
        if (level.count == 0) {
            opposite.remove(level);
            releaseLevel(level);
        }
        ev.canceled(taker.id, taker.account, taker.instrument, taker.side, taker.price, taker.open,
                CancelReason.SELF_TRADE);
        finish(taker);
    }

    private void onTrade(Book book, long price) {
        book.lastTradePrice = price;
        book.marketReference = price;
        if (book.stopCount > 0 && (price >= book.minBuyStop || price <= book.maxSellStop)) {
            for (Order o = book.stopHead; o != null; ) {
                Order next = o.next;
                if (stopHolds(o, price)) {
                    book.unlinkStop(o);
                    enqueueTriggered(o, price);
                }
                o = next;
            }
            book.recomputeStopBounds();
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
            Book book = o.book;
            ev.triggered(o.id, o.account, o.instrument, o.side, o.triggerPrice, o.open);
            int stp = stpOf(o.account);
            boolean market = o.isMarket();
            if (o.tif == TimeInForce.FOK && !canFill(book, o.buy, market, o.price, o.open, o.account, stp)) {
                ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.FOK_NOT_FILLED);
                finish(o);
                continue;
            }
            if (OrderFlags.isPostOnly(o.flags) && crosses(book, o.buy, market, o.price)) {
                ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.VENUE);
                finish(o);
                continue;
            }
            execute(book, o, stp, ev);
        }
    }

    private int stpOf(int account) {
        int stp = accounts.get(account);
        return stp == NO_ACCOUNT ? STP_NONE : stp;
    }

    private void rest(Book book, Order o) {
        BookSide side = book.side(o.buy);
        Level level = side.get(o.price);
        if (level == null) {
            level = newLevel(o.price);
            side.insert(level);
        }
        o.visible = o.displayQty > 0 ? Math.min(o.displayQty, o.open) : o.open;
        o.state = Order.RESTING;
        level.append(o);
        side.orders++;
    }

    /** Takes a working order out of its level or stop list (removing an emptied level). */
    private void detach(Order o) {
        if (o.state == Order.RESTING) {
            Level level = o.level;
            BookSide side = o.book.side(o.buy);
            level.unlink(o);
            side.orders--;
            if (level.count == 0) {
                side.remove(level);
                releaseLevel(level);
            }
        } else if (o.state == Order.STOP_PENDING) {
            o.book.unlinkStop(o);
        }
        o.state = Order.FREE;
    }

    /** Forgets a finished order (its id stays used). */
    private void finish(Order o) {
        orders.remove(o.id);
        if (o.tif == TimeInForce.GTD) {
            gtdOrders--;
        } else if (o.tif == TimeInForce.DAY) {
            dayOrders--;
        }
        release(o);
    }

    private Order working(Command c) {
        long id = c.orderId;
        Order o = id > 0 ? orders.get(id) : null;
        if (o == null) {
            if (id > 0 && usedIds.contains(id)) {
                reject(c, RejectReason.ORDER_FINISHED, "matching.finished", 0, 0);
            } else {
                reject(c, RejectReason.UNKNOWN_ORDER, "matching.unknown-order", 0, 0);
            }
        }
        return o;
    }

    private void onCancel(Command c) {
        Order o = working(c);
        if (o == null) {
            return;
        }
        if (o.state == Order.VENUE) {
            venue.requestCancel(c, o);
            return;
        }
        c.events.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.USER);
        detach(o);
        finish(o);
    }

    private void onReduce(Command c) {
        Order o = working(c);
        if (o == null) {
            return;
        }
        long q = c.qty;
        if (q <= 0) {
            reject(c, RejectReason.INVALID_ORDER, "matching.reduce-qty", 0, q);
            return;
        }
        if (o.state == Order.VENUE) {
            if (q >= o.open) {
                venue.requestCancel(c, o);
            } else {
                venue.requestReplace(c, o, o.price, o.qty - q);
            }
            return;
        }
        if (q >= o.open) {
            c.events.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.USER);
            detach(o);
            finish(o);
            return;
        }
        takeOff(o, q);
        o.qty -= q;
        c.events.reduced(o.id, o.account, o.instrument, o.side, o.price, q, o.open);
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

    private void onReplace(Command c) {
        Order o = working(c);
        if (o == null) {
            return;
        }
        long newPrice = c.price;
        long newQty = c.qty;
        boolean priceGiven = newPrice != Command.UNCHANGED;
        boolean qtyGiven = newQty != Command.UNCHANGED;
        if (!priceGiven && !qtyGiven) {
            reject(c, RejectReason.INVALID_ORDER, "matching.replace-nothing", 0, 0);
            return;
        }
        Book book = o.book;
        if (priceGiven) {
            if (!o.type.hasLimitPrice()) {
                reject(c, RejectReason.INVALID_ORDER, "matching.replace-price-of-market", 0, newPrice);
                return;
            }
            if (newPrice <= 0) {
                reject(c, RejectReason.INVALID_ORDER, "matching.price", 0, newPrice);
                return;
            }
            if (!isMultiple(newPrice, book.tickSize)) {
                reject(c, RejectReason.PRICE_NOT_ON_TICK, "matching.tick", book.tickSize, newPrice);
                return;
            }
            if (outsideBand(c, book, newPrice)) {
                return;
            }
        } else {
            newPrice = o.price;
        }
        if (qtyGiven) {
            if (newQty <= 0) {
                reject(c, RejectReason.INVALID_ORDER, "matching.qty", 0, newQty);
                return;
            }
            if (!isMultiple(newQty, book.lotSize)) {
                reject(c, RejectReason.QUANTITY_NOT_LOT_MULTIPLE, "matching.lot", book.lotSize, newQty);
                return;
            }
            if (newQty < book.minQty) {
                reject(c, RejectReason.QUANTITY_BELOW_MINIMUM, "matching.min-qty", book.minQty, newQty);
                return;
            }
        } else {
            newQty = o.qty;
        }
        if (o.state == Order.VENUE) {
            venue.requestReplace(c, o, newPrice, newQty);
            return;
        }
        long newOpen = newQty - o.filled;
        boolean resting = o.state == Order.RESTING;
        if (newOpen > 0 && resting && newPrice != o.price && OrderFlags.isPostOnly(o.flags)
                && crosses(book, o.buy, false, newPrice)) {
            reject(c, RejectReason.POST_ONLY_WOULD_CROSS, "matching.post-only", 0, newPrice);
            return;
        }
        Events ev = c.events;
        if (newOpen <= 0) {
            ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.REPLACED_TO_FILLED);
            detach(o);
            finish(o);
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
            book.unlinkStop(o);
            o.price = newPrice;
            o.open = newOpen;
            book.appendStop(o);
            return;
        }
        detach(o);
        o.price = newPrice;
        o.open = newOpen;
        if (crosses(book, o.buy, false, newPrice)) {
            if (!match(book, o, false, stpOf(o.account), ev)) {
                if (o.open == 0) {
                    finish(o);
                } else {
                    rest(book, o);
                }
            }
            if (triggeredHead != null) {
                runTriggered(ev);
            }
        } else {
            rest(book, o);
        }
    }

    private void onMark(Command c) {
        Book book = books.get(c.instrument);
        if (book != null && c.price > 0) {
            book.marketReference = c.price;
        }
    }

    private void onClock(Command c) {
        boolean endOfDay = (c.flags & Op.CLOCK_END_OF_DAY) != 0;
        long now = c.timestamp;
        boolean expireGtd = gtdOrders > 0 && earliestExpiry <= now;
        boolean expireDay = endOfDay && dayOrders > 0;
        if (!expireGtd && !expireDay) {
            return;
        }
        int n = 0;
        long earliest = Long.MAX_VALUE;
        long[] ids = orders.ids(scratchIds);
        scratchIds = ids;
        for (int k = 0, size = orders.size(); k < size; k++) {
            Order o = orders.get(ids[k]);
            if (o.state == Order.VENUE) {
                continue; // its venue expires it
            }
            if ((expireGtd && o.tif == TimeInForce.GTD && o.expiry <= now)
                    || (expireDay && o.tif == TimeInForce.DAY)) {
                ids[n++] = o.id;
            } else if (o.tif == TimeInForce.GTD && o.expiry < earliest) {
                earliest = o.expiry;
            }
        }
        if (expireGtd) {
            earliestExpiry = earliest;
        }
        Arrays.sort(scratchIds, 0, n);
        Events ev = c.events;
        for (int i = 0; i < n; i++) {
            Order o = orders.get(scratchIds[i]);
            ev.expired(o.id, o.account, o.instrument, o.side, o.price, o.open);
            detach(o);
            finish(o);
        }
    }

    private void cancelAll(int account, int instrument, CancelReason reason, Events ev) {
        int n = 0;
        long[] ids = orders.ids(scratchIds);
        scratchIds = ids;
        for (int k = 0, size = orders.size(); k < size; k++) {
            Order o = orders.get(ids[k]);
            if ((account == Command.ANY || o.account == account)
                    && (instrument == Command.ANY || o.instrument == instrument)) {
                ids[n++] = o.id;
            }
        }
        Arrays.sort(scratchIds, 0, n);
        for (int i = 0; i < n; i++) {
            Order o = orders.get(scratchIds[i]);
            if (o.state == Order.VENUE) {
                VenueOrders.requestCancel(o, ev);
                continue;
            }
            ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, reason);
            detach(o);
            finish(o);
        }
    }

    // ------------------------------------------------------------------------------------------------ pools

    Order newOrder() {
        Order o = freeOrders;
        if (o == null) {
            return new Order();
        }
        freeOrders = o.next;
        o.next = null;
        return o;
    }

    void release(Order o) {
        o.venue = -1;
        o.venueAcked = false;
        o.pendingCancel = false;
        o.pendingReplace = false;
        o.book = null;
        o.level = null;
        o.prev = null;
        o.nextTriggered = null;
        o.state = Order.FREE;
        o.next = freeOrders;
        freeOrders = o;
    }

    Level newLevel(long price) {
        Level level = freeLevels;
        if (level == null) {
            level = new Level();
        } else {
            freeLevels = level.nextFree;
            level.nextFree = null;
        }
        level.price = price;
        level.qty = 0;
        level.count = 0;
        level.head = null;
        level.tail = null;
        return level;
    }

    private void releaseLevel(Level level) {
        level.head = null;
        level.tail = null;
        level.nextFree = freeLevels;
        freeLevels = level;
    }

    // ------------------------------------------------------------------------------------------------ queries

    /**
     * @param orderId an order id
     * @return where the id stands: unknown, working, stop pending or finished
     */
    public OrderState orderState(long orderId) {
        return queries.orderState(orderId);
    }

    /**
     * @param orderId an order id
     * @return true if the order is working (resting or stop pending); allocation-free
     */
    public boolean isWorking(long orderId) {
        return queries.isWorking(orderId);
    }

    /**
     * @param orderId an order id
     * @return the working order's open quantity (displayed and hidden), 0 if it is not working; allocation-free
     */
    public long openQty(long orderId) {
        return queries.openQty(orderId);
    }

    /**
     * @param orderId an order id
     * @return a copy of the working order, empty if it is not working
     */
    public Optional<OrderView> order(long orderId) {
        return queries.order(orderId);
    }

    /** @return copies of every working order (resting and stop pending), by ascending order id */
    public List<OrderView> workingOrders() {
        return queries.workingOrders();
    }

    /** @return number of working orders (resting and stop pending); allocation-free */
    public int workingOrderCount() {
        return queries.workingOrderCount();
    }

    /**
     * @param instrument dense instrument id
     * @param side book side
     * @return copies of the side's resting orders in priority order: best level first, FIFO within a level
     */
    public List<OrderView> bookOrders(int instrument, Side side) {
        return queries.bookOrders(instrument, side);
    }

    /**
     * @param instrument dense instrument id
     * @return copies of its untriggered stop orders, in arrival order
     */
    public List<OrderView> stopOrders(int instrument) {
        return queries.stopOrders(instrument);
    }

    /**
     * @param instrument dense instrument id
     * @param side book side
     * @param maxLevels most levels to return, &gt;= 0
     * @return the best levels of the side, best first (displayed quantity only)
     */
    public List<LevelView> depth(int instrument, Side side, int maxLevels) {
        return queries.depth(instrument, side, maxLevels);
    }

    /**
     * @param instrument dense instrument id
     * @return best bid price, {@link #NO_PRICE} if none; allocation-free
     */
    public long bestBid(int instrument) {
        return queries.bestBid(instrument);
    }

    /**
     * @param instrument dense instrument id
     * @return best ask price, {@link #NO_PRICE} if none; allocation-free
     */
    public long bestAsk(int instrument) {
        return queries.bestAsk(instrument);
    }

    /**
     * @param instrument dense instrument id
     * @return last trade price, {@link #NO_PRICE} if it never traded; allocation-free
     */
    public long lastTradePrice(int instrument) {
        return queries.lastTradePrice(instrument);
    }

    /**
     * @param instrument dense instrument id
     * @param side book side
     * @return number of price levels on the side; allocation-free
     */
    public int levelCount(int instrument, Side side) {
        return queries.levelCount(instrument, side);
    }

    /**
     * @param instrument dense instrument id
     * @param side book side
     * @return number of resting orders on the side; allocation-free
     */
    public int restingOrderCount(int instrument, Side side) {
        return queries.restingOrderCount(instrument, side);
    }

    /**
     * @param instrument dense instrument id
     * @return the instrument's parameters and prices, empty if it is not defined
     */
    public Optional<InstrumentView> instrument(int instrument) {
        return queries.instrument(instrument);
    }

    /** @return every defined instrument, by ascending id */
    public List<InstrumentView> instruments() {
        return queries.instruments();
    }

    /**
     * @param account dense account id
     * @return its self-trade prevention mode, empty if the account is not defined
     */
    public Optional<SelfTradePrevention> account(int account) {
        return queries.account(account);
    }

    // ------------------------------------------------------------------------------------------------ snapshots

    /**
     * Writes instruments (ascending id) with their books (each side worst level first, each level in queue order)
     * and stop lists (arrival order), accounts (ascending id), the used order ids, then the external instruments,
     * the venue names and the orders working at venues.
     */
    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        snapshot.write(out);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        snapshot.read(in);
    }
}
