package io.nautilus.core.matching;

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
 * <p>This class dispatches each command (as exchange-core's matching engine router dispatches to its per-symbol
 * books) and keeps what the books share: instruments, accounts and their self-trade prevention modes, the working
 * orders by id and the used ids, the GTD/DAY expiry bookkeeping and the pools of orders and levels. Its
 * package-private parts keep the rest: each instrument's book, its rules and the price-time matching of every order
 * type with its stops ({@code OrderBook}), the orders of external instruments ({@code VenueOrders}: route, venue
 * reports, pending cancel and replace requests), the snapshot codec ({@code MatchingSnapshot}) and the query views
 * ({@code MatchingQueries}).
 */
public final class MatchingEngine implements CommandProcessor, Snapshotable {

    /** Price value meaning "no price" in the primitive query methods. */
    public static final long NO_PRICE = 0;

    private static final SelfTradePrevention[] STP_MODES = SelfTradePrevention.values();
    private static final int STP_NONE = SelfTradePrevention.NONE.ordinal();
    static final int NO_ACCOUNT = -1;

    /** Ids below this find their book and account in an array; larger ids (allowed, rare) in the maps only. */
    private static final int DENSE_IDS = 1 << 16;

    /** Every book by instrument id (the source of truth: snapshots and queries iterate it); write with {@link #putBook}. */
    final Int2ObjectHashMap<OrderBook> books = new Int2ObjectHashMap<>();
    /** Books of ids below {@link #DENSE_IDS} by id, grown by doubling at definition time: no hash look-up per command. */
    private OrderBook[] denseBooks = new OrderBook[16];
    int[] instrumentIds = new int[0];
    /** Self-trade mode (ordinal) by account id; write with {@link #putAccount}. */
    final Int2IntHashMap accounts = new Int2IntHashMap(NO_ACCOUNT);
    /** The modes of account ids below {@link #DENSE_IDS}, {@link #NO_ACCOUNT} where undefined. */
    private int[] denseAccounts = filled(16);
    final OrderIndex orders = new OrderIndex(1024);
    final OrderIdSet usedIds = new OrderIdSet();

    private Order freeOrders;
    private Level freeLevels;

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
        OrderBook book = book(instrument);
        if (book == null) {
            book = new OrderBook(instrument, this);
            putBook(instrument, book);
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
        putAccount(account, stp.ordinal());
    }

    /**
     * Forgets every order, instrument, account and used order id, keeping the pooled objects (so a benchmark or
     * replay can start over without allocating).
     */
    public void reset() {
        for (int id : instrumentIds) {
            books.get(id).clear();
        }
        books.clear();
        Arrays.fill(denseBooks, null);
        instrumentIds = new int[0];
        accounts.clear();
        Arrays.fill(denseAccounts, NO_ACCOUNT);
        orders.clear();
        usedIds.clear();
        gtdOrders = 0;
        dayOrders = 0;
        earliestExpiry = Long.MAX_VALUE;
        venue.names(new String[0]);
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
        OrderBook book = book(instrument);
        if (book != null) {
            book.external = external;
        }
    }

    /**
     * @param instrument an instrument id
     * @return whether its orders go to an external venue
     */
    public boolean isExternal(int instrument) {
        OrderBook book = book(instrument);
        return book != null && book.external;
    }

    private void onAddAccount(Command c) {
        if (c.account >= 0 && c.flags >= 0 && c.flags < STP_MODES.length) {
            putAccount(c.account, c.flags);
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
        OrderBook book = book(c.instrument);
        if (book == null) {
            reject(c, RejectReason.UNKNOWN_INSTRUMENT, "matching.instrument", 0, 0);
            return;
        }
        int stp = accountMode(c.account);
        if (stp == NO_ACCOUNT) {
            reject(c, RejectReason.UNKNOWN_ACCOUNT, "matching.account", 0, 0);
            return;
        }
        if (c.side == null || c.type == null || c.tif == null) {
            reject(c, RejectReason.INVALID_ORDER, "matching.side-type-tif", 0, 0);
            return;
        }
        if (!book.checkNew(c)) {
            return;
        }
        if (book.external) {
            venue.route(c, book);
            return;
        }
        book.place(c, stp);
    }

    /**
     * Takes a new order's id and a pooled order filled from the command, and indexes it as working (not yet in any
     * list of its book).
     */
    Order register(Command c, OrderBook book, boolean buy, long price, long stopPrice) {
        long id = c.orderId;
        TimeInForce tif = c.tif;
        usedIds.add(id);
        Order o = newOrder();
        o.init(id, c, book, buy, price, stopPrice);
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
        return o;
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

    /** @return the account's self-trade prevention mode (ordinal), NONE for an undefined account */
    int stpOf(int account) {
        int stp = accountMode(account);
        return stp == NO_ACCOUNT ? STP_NONE : stp;
    }

    /**
     * @param instrument an instrument id
     * @return its book, or null if it is not defined
     */
    OrderBook book(int instrument) {
        OrderBook[] dense = denseBooks;
        return instrument >= 0 && instrument < dense.length ? dense[instrument] : books.get(instrument);
    }

    /**
     * @param account an account id
     * @return its self-trade mode (ordinal), or {@link #NO_ACCOUNT} if it is not defined
     */
    int accountMode(int account) {
        int[] dense = denseAccounts;
        return account >= 0 && account < dense.length ? dense[account] : accounts.get(account);
    }

    private void putBook(int instrument, OrderBook book) {
        books.put(instrument, book);
        if (instrument >= 0 && instrument < DENSE_IDS) {
            if (instrument >= denseBooks.length) {
                denseBooks = Arrays.copyOf(denseBooks, grownLength(denseBooks.length, instrument));
            }
            denseBooks[instrument] = book;
        }
    }

    /**
     * Defines (or redefines) an account's self-trade mode.
     *
     * @param account an account id, at least 0
     * @param mode    the mode's ordinal
     */
    void putAccount(int account, int mode) {
        accounts.put(account, mode);
        if (account < DENSE_IDS) {
            if (account >= denseAccounts.length) {
                int[] grown = filled(grownLength(denseAccounts.length, account));
                System.arraycopy(denseAccounts, 0, grown, 0, denseAccounts.length);
                denseAccounts = grown;
            }
            denseAccounts[account] = mode;
        }
    }

    private static int grownLength(int length, int id) {
        int n = length;
        while (n <= id) {
            n <<= 1;
        }
        return Math.min(n, DENSE_IDS);
    }

    private static int[] filled(int length) {
        int[] a = new int[length];
        Arrays.fill(a, NO_ACCOUNT);
        return a;
    }

    /** Forgets a finished order (its id stays used). */
    void finish(Order o) {
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
        o.book.cancel(o, CancelReason.USER, c.events);
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
        o.book.reduce(c, o, q);
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
        OrderBook book = o.book;
        if (priceGiven) {
            if (!book.checkReplacePrice(c, o, newPrice)) {
                return;
            }
        } else {
            newPrice = o.price;
        }
        if (qtyGiven) {
            if (!book.checkReplaceQty(c, newQty)) {
                return;
            }
        } else {
            newQty = o.qty;
        }
        if (o.state == Order.VENUE) {
            venue.requestReplace(c, o, newPrice, newQty);
            return;
        }
        book.replace(c, o, newPrice, newQty);
    }

    private void onMark(Command c) {
        OrderBook book = book(c.instrument);
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
            o.book.detach(o);
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
            o.book.cancel(o, reason, ev);
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

    void releaseLevel(Level level) {
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
