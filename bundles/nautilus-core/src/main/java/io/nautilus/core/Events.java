package io.nautilus.core;

import io.nautilus.api.Side;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;

/**
 * The events one {@link Command} produced, in the order they happened, as primitive records packed in a long
 * array (an array of structs that grows rarely and is reused, so recording events does not allocate in steady
 * state), consecutive records of an {@link EventLog}: the pipeline's for its ring slots (valid until the command's
 * result was handed on), or one of the command's own.
 *
 * <p>Field meaning per {@link #type(int)} (every event has orderId, account, instrument and side of "its" order):
 * <ul>
 *   <li>{@link #ACCEPTED}: order accepted; price = limit price (0 for market), qty = order quantity,
 *       leaves = open quantity after acceptance (before any fill of the same command).</li>
 *   <li>{@link #TRADE}: order = the taker (aggressor), counter = the maker (resting); price = the maker's price,
 *       qty = fill quantity, leaves = taker's open quantity after this fill, counterLeaves = maker's open
 *       quantity after it (hidden iceberg quantity included), value = taker's cumulative filled quantity,
 *       value2 = maker's cumulative filled quantity; fee = the taker's fee, counterFee = the maker's (price-scale
 *       money, negative = rebate; set by the positions after matching, 0 for a side that is not a platform
 *       account).</li>
 *   <li>{@link #CANCELED}: qty = quantity canceled (the open quantity removed), price = order price, reason =
 *       {@link CancelReason} ordinal; leaves = 0.</li>
 *   <li>{@link #REDUCED}: qty = quantity taken off, leaves = open quantity after (&gt; 0), price = order price.</li>
 *   <li>{@link #REPLACED}: price = new price, qty = new total order quantity, leaves = new open quantity,
 *       value = previous price, value2 = previous open quantity; reason = 1 if time priority was kept.</li>
 *   <li>{@link #REJECTED}: reason = {@link RejectReason} ordinal, value = limit, value2 = would-be value.</li>
 *   <li>{@link #EXPIRED}: qty = quantity expired, price = order price.</li>
 *   <li>{@link #TRIGGERED}: stop order triggered; price = the trade price that triggered it, qty = open quantity.</li>
 *   <li>{@link #ROUTED}: an order of an external instrument was accepted by the core and goes to its venue;
 *       price, qty, leaves as ACCEPTED; reason = the venue code the sender chose (-1: the instrument's venue). The
 *       venue's acceptance is an ACCEPTED event later. PENDING_CANCEL and PENDING_REPLACE carry the code too.</li>
 *   <li>{@link #PENDING_CANCEL}: a cancel of a venue order goes to the venue; price = order price, qty = open.</li>
 *   <li>{@link #PENDING_REPLACE}: a replace of a venue order goes to the venue; price = requested price, qty =
 *       requested total quantity, leaves = current open, value = current price.</li>
 * </ul>
 *
 * <p>A fill at an external venue is a TRADE with one side {@link Command#ANY}: the platform order is the taker
 * (account) or the maker (counter account), as the venue reported its liquidity.</p>
 */
public final class Events {

    public static final byte ACCEPTED = 1;
    public static final byte TRADE = 2;
    public static final byte CANCELED = 3;
    public static final byte REDUCED = 4;
    public static final byte REPLACED = 5;
    public static final byte REJECTED = 6;
    public static final byte EXPIRED = 7;
    public static final byte TRIGGERED = 8;
    public static final byte ROUTED = 9;
    public static final byte PENDING_CANCEL = 10;
    public static final byte PENDING_REPLACE = 11;

    private static final int INITIAL_CAPACITY = 8;

    /*
     * One event = STRIDE consecutive longs of one array (two cache lines), so recording an event touches two lines
     * instead of one line in each of nineteen arrays. The events of a ring slot's command are records in the
     * pipeline's EventLog, one after the other in processing order; a command made on its own has a log of its own.
     */
    static final int STRIDE = 16;
    private static final int HEADER = 0;          // type (bits 0-7) | side (bits 8-15) | reason (bits 32-63)
    private static final int ORDER = 1;
    private static final int COUNTER_ORDER = 2;
    private static final int ACCOUNTS = 3;        // account (low 32 bits) | counter account (high 32 bits)
    private static final int INSTRUMENT = 4;
    private static final int PRICE = 5;
    private static final int QTY = 6;
    private static final int LEAVES = 7;
    private static final int COUNTER_LEAVES = 8;
    private static final int VALUE = 9;
    private static final int VALUE2 = 10;
    private static final int AVERAGE = 11;
    private static final int COUNTER_AVERAGE = 12;
    private static final int CUMULATIVE = 13;
    private static final int FEE = 14;
    private static final int COUNTER_FEE = 15;

    /** The log the events are written to: a pipeline's shared log, or one of their own. */
    private final EventLog log;
    private int size;
    /** How many of the events are trades (a result handler counts them without reading the events). */
    private int trades;
    /** Position of the first event's record in {@link #log} (in longs). */
    private long start;
    /** The array holding the records (the log's when the first was written, or after it grew while writing). */
    private long[] data;

    /** Events in a log of their own, grown as needed and written from its start again after each {@link #clear}. */
    public Events() {
        this.log = EventLog.own(INITIAL_CAPACITY);
        this.data = log.data;
    }

    /**
     * Events written to a shared log (a pipeline's ring slots); only the log's writer thread may add events.
     *
     * @param log the log
     */
    public Events(EventLog log) {
        this.log = java.util.Objects.requireNonNull(log, "log");
        this.data = log.data;
    }

    /** Forgets every event (keeps the arrays). */
    public void clear() {
        size = 0;
        trades = 0;
        if (log.owned) {
            log.restart();
        }
    }

    /** @return the position after the last event's record in the log */
    long end() {
        return start + (long) size * STRIDE;
    }

    /** The log grew while these events were written: they are in this array now. */
    void moved(long[] bigger) {
        data = bigger;
    }

    /** Index of event i's first long in {@link #data}. */
    private int at(int i) {
        return ((int) start + i * STRIDE) & (data.length - 1);
    }

    /** @return number of events */
    public int size() {
        return size;
    }

    /** Writes the next event's record, every field at once (one pass over its two lines). */
    private void put(byte eventType, int reason, long order, int acct, int instr, Side s, long px, long quantity,
                     long open, long counter, int counterAccount, long counterLeaves, long value, long value2) {
        int i = size;
        // one path for both kinds of log: a branch on the kind (a pipeline's slots, or commands of their own made in
        // the same JVM) made the compiled engine deoptimize whenever the other kind came through
        EventLog l = log;
        if (i == 0) {
            start = l.head;
            data = l.data;
        }
        long end = start + (long) (i + 1) * STRIDE;
        if (end > l.limit) {
            l.makeRoom(this, end);
        }
        l.head = end;
        size = i + 1;
        long[] d = data;
        int b = ((int) start + i * STRIDE) & (d.length - 1);
        d[b + HEADER] = (eventType & 0xFFL) | (long) encode(s) << 8 | (long) reason << 32;
        d[b + ORDER] = order;
        d[b + COUNTER_ORDER] = counter;
        d[b + ACCOUNTS] = (acct & 0xFFFFFFFFL) | (long) counterAccount << 32;
        d[b + INSTRUMENT] = instr;
        d[b + PRICE] = px;
        d[b + QTY] = quantity;
        d[b + LEAVES] = open;
        d[b + COUNTER_LEAVES] = counterLeaves;
        d[b + VALUE] = value;
        d[b + VALUE2] = value2;
        d[b + AVERAGE] = 0;
        d[b + COUNTER_AVERAGE] = 0;
        d[b + CUMULATIVE] = 0;
        d[b + FEE] = 0;
        d[b + COUNTER_FEE] = 0;
    }

    public void accepted(long order, int acct, int instr, Side s, long px, long quantity, long open) {
        put(ACCEPTED, 0, order, acct, instr, s, px, quantity, open, 0, Command.ANY, 0, 0, 0);
    }

    public void trade(long taker, int takerAccount, int instr, Side takerSide, long maker, int makerAccount,
                      long px, long quantity, long takerLeaves, long makerLeaves, long takerCum, long makerCum) {
        put(TRADE, 0, taker, takerAccount, instr, takerSide, px, quantity, takerLeaves, maker, makerAccount,
                makerLeaves, takerCum, makerCum);
        trades++;
    }

    public void canceled(long order, int acct, int instr, Side s, long px, long quantity, CancelReason why) {
        put(CANCELED, why.ordinal(), order, acct, instr, s, px, quantity, 0, 0, Command.ANY, 0, 0, 0);
    }

    public void reduced(long order, int acct, int instr, Side s, long px, long quantity, long open) {
        put(REDUCED, 0, order, acct, instr, s, px, quantity, open, 0, Command.ANY, 0, 0, 0);
    }

    public void replaced(long order, int acct, int instr, Side s, long newPrice, long newQty, long open,
                         long oldPrice, long oldOpen, boolean keptPriority) {
        put(REPLACED, keptPriority ? 1 : 0, order, acct, instr, s, newPrice, newQty, open, 0, Command.ANY, 0,
                oldPrice, oldOpen);
    }

    public void rejected(long order, int acct, int instr, Side s, RejectReason why, long limit, long wouldBe) {
        put(REJECTED, why.ordinal(), order, acct, instr, s, 0, 0, 0, 0, Command.ANY, 0, limit, wouldBe);
    }

    public void expired(long order, int acct, int instr, Side s, long px, long quantity) {
        put(EXPIRED, 0, order, acct, instr, s, px, quantity, 0, 0, Command.ANY, 0, 0, 0);
    }

    public void routed(long order, int acct, int instr, Side s, long px, long quantity) {
        put(ROUTED, 0, order, acct, instr, s, px, quantity, quantity, 0, Command.ANY, 0, 0, 0);
    }

    public void pendingCancel(long order, int acct, int instr, Side s, long px, long open) {
        put(PENDING_CANCEL, 0, order, acct, instr, s, px, open, open, 0, Command.ANY, 0, 0, 0);
    }

    public void pendingReplace(long order, int acct, int instr, Side s, long newPrice, long newQty, long open,
                               long price) {
        put(PENDING_REPLACE, 0, order, acct, instr, s, newPrice, newQty, open, 0, Command.ANY, 0, price, 0);
    }

    /**
     * Sets an event's reason field (venue events: the venue code).
     *
     * @param i      event index
     * @param reason the value
     */
    public void setReason(int i, int reason) {
        int h = at(i) + HEADER;
        data[h] = (data[h] & 0xFFFFFFFFL) | (long) reason << 32;
    }

    public void triggered(long order, int acct, int instr, Side s, long triggerPrice, long open) {
        put(TRIGGERED, 0, order, acct, instr, s, triggerPrice, open, open, 0, Command.ANY, 0, 0, 0);
    }

    /**
     * Sets the average fill prices of an event's order and (for trades) its counter order, as kept by the engine
     * after matching.
     *
     * @param i event index
     * @param orderAverage average fill price of the event's order so far, 0 if it has no fills
     * @param counterOrderAverage average fill price of the counter order (trades), else 0
     */
    public void setAverages(int i, long orderAverage, long counterOrderAverage) {
        data[at(i) + AVERAGE] = orderAverage;
        data[at(i) + COUNTER_AVERAGE] = counterOrderAverage;
    }

    /**
     * Sets the fees of a trade's two sides, as the positions charged them.
     *
     * @param i          event index
     * @param takerFee   the taker's fee, price-scale money, negative = rebate; 0 if the taker is not a platform account
     * @param makerFee   the maker's fee, likewise
     */
    public void setFees(int i, long takerFee, long makerFee) {
        data[at(i) + FEE] = takerFee;
        data[at(i) + COUNTER_FEE] = makerFee;
    }

    /**
     * @param i event index
     * @return the fee the event's order (a trade's taker) paid for it, price-scale money; 0 if none
     */
    public long fee(int i) {
        return data[at(i) + FEE];
    }

    /**
     * @param i event index
     * @return the fee the counter order (a trade's maker) paid for it, price-scale money; 0 if none
     */
    public long counterFee(int i) {
        return data[at(i) + COUNTER_FEE];
    }

    /**
     * Sets the cumulative filled quantity of a non-trade event's order (trades carry it in {@link #value}).
     *
     * @param i event index
     * @param filled the order's filled quantity so far
     */
    public void setCumulative(int i, long filled) {
        data[at(i) + CUMULATIVE] = filled;
    }

    /**
     * @param i event index
     * @return the order's filled quantity so far: {@link #value} for trades, else as set by the engine
     */
    public long cumulative(int i) {
        return data[at(i) + (type(i) == TRADE ? VALUE : CUMULATIVE)];
    }

    /**
     * @param i event index
     * @return average fill price of the event's order after the event, 0 if none (set by the engine)
     */
    public long average(int i) {
        return data[at(i) + AVERAGE];
    }

    /**
     * @param i event index
     * @return average fill price of the counter (maker) order after a trade, else 0
     */
    public long counterAverage(int i) {
        return data[at(i) + COUNTER_AVERAGE];
    }

    public byte type(int i) {
        return (byte) data[at(i) + HEADER];
    }

    public long orderId(int i) {
        return data[at(i) + ORDER];
    }

    public long counterOrderId(int i) {
        return data[at(i) + COUNTER_ORDER];
    }

    public int account(int i) {
        return (int) data[at(i) + ACCOUNTS];
    }

    public int counterAccount(int i) {
        return (int) (data[at(i) + ACCOUNTS] >> 32);
    }

    public int instrument(int i) {
        return (int) data[at(i) + INSTRUMENT];
    }

    public Side side(int i) {
        return decode((byte) (data[at(i) + HEADER] >> 8));
    }

    public long price(int i) {
        return data[at(i) + PRICE];
    }

    public long qty(int i) {
        return data[at(i) + QTY];
    }

    public long leaves(int i) {
        return data[at(i) + LEAVES];
    }

    public long counterLeaves(int i) {
        return data[at(i) + COUNTER_LEAVES];
    }

    public int reason(int i) {
        return (int) (data[at(i) + HEADER] >> 32);
    }

    public long value(int i) {
        return data[at(i) + VALUE];
    }

    public long value2(int i) {
        return data[at(i) + VALUE2];
    }

    /** @return true if any event is a {@link #TRADE} */
    public boolean hasTrades() {
        return trades > 0;
    }

    /** @return how many events are {@link #TRADE}s */
    public int trades() {
        return trades;
    }

    private static byte encode(Side s) {
        return s == null ? 0 : (byte) (s == Side.BUY ? 1 : 2);
    }

    private static Side decode(byte b) {
        return b == 0 ? null : (b == 1 ? Side.BUY : Side.SELL);
    }

    /**
     * @param eventType an event type
     * @return its name
     */
    public static String typeName(byte eventType) {
        return switch (eventType) {
            case ACCEPTED -> "ACCEPTED";
            case TRADE -> "TRADE";
            case CANCELED -> "CANCELED";
            case REDUCED -> "REDUCED";
            case REPLACED -> "REPLACED";
            case REJECTED -> "REJECTED";
            case EXPIRED -> "EXPIRED";
            case TRIGGERED -> "TRIGGERED";
            case ROUTED -> "ROUTED";
            case PENDING_CANCEL -> "PENDING_CANCEL";
            case PENDING_REPLACE -> "PENDING_REPLACE";
            default -> "EVENT(" + eventType + ")";
        };
    }
}
