package io.nautilus.core;

/**
 * Operation codes of {@link Command}. Stable numbers: they are written to the journal.
 */
public final class Op {

    /** Empty slot (never journaled). */
    public static final byte NONE = 0;
    /** New order: orderId, account, instrument, side, type, tif, price, qty, stopPrice, displayQty, flags, expiry. */
    public static final byte NEW = 1;
    /** Cancel the whole open quantity of orderId. */
    public static final byte CANCEL = 2;
    /** Replace orderId: price (or {@link Command#UNCHANGED}) and/or qty = new total order quantity (or UNCHANGED). */
    public static final byte REPLACE = 3;
    /** Reduce orderId's open quantity by qty, keeping priority; to zero or below cancels. */
    public static final byte REDUCE = 4;
    /** Mass cancel: every working order of account (or {@link Command#ANY}) in instrument (or ANY). */
    public static final byte MASS_CANCEL = 5;
    /** Mark price for instrument (from market data): price. Used to mark positions and as band reference. */
    public static final byte MARK = 6;
    /** Clock: expire GTD orders with expiry &lt;= timestamp, and DAY orders when flags has {@link #CLOCK_END_OF_DAY}. */
    public static final byte CLOCK = 7;
    /** Define or redefine an instrument: the fields and their rules are {@link InstrumentCommand}'s (the one place
     * that encodes and decodes them). */
    public static final byte ADD_INSTRUMENT = 8;
    /** Define or redefine an account: account (dense id), text = name, flags = self-trade prevention mode. */
    public static final byte ADD_ACCOUNT = 9;
    /** Set trading state (flags = {@link io.nautilus.core.TradingState} code) of account and/or instrument
     * ({@link Command#ANY} = not that dimension; both ANY = global). */
    public static final byte SET_TRADING_STATE = 10;
    /** Kill switch: set HALTED for account/instrument/global (as SET_TRADING_STATE) and cancel every working order
     * in scope. */
    public static final byte KILL = 11;
    /** Replace risk limits: the limits object travels in {@link Command#attachment}; journaled as its text form. */
    public static final byte SET_LIMITS = 12;

    /**
     * What an external venue did with one of its orders (instruments with {@code routing = external}): orderId = the
     * core's order id, flags = one of the {@code VENUE_*} kinds below, price = fill price (VENUE_FILL) or new price
     * (VENUE_REPLACED), qty = fill quantity (VENUE_FILL) or new total quantity (VENUE_REPLACED), displayQty = 1 if the
     * fill added liquidity (maker), text = the venue's execution id or reason. The venue layer turns every venue
     * message into one of these, so the core stays the single writer of its orders and positions.
     */
    public static final byte VENUE_REPORT = 13;

    /** {@link #VENUE_REPORT} kind: the venue accepted the order. */
    public static final int VENUE_ACK = 1;
    /** {@link #VENUE_REPORT} kind: a fill. */
    public static final int VENUE_FILL = 2;
    /** {@link #VENUE_REPORT} kind: the order was canceled (requested or not). */
    public static final int VENUE_CANCELED = 3;
    /** {@link #VENUE_REPORT} kind: the venue rejected the new order. */
    public static final int VENUE_REJECTED = 4;
    /** {@link #VENUE_REPORT} kind: the requested replace took effect. */
    public static final int VENUE_REPLACED = 5;
    /** {@link #VENUE_REPORT} kind: the order expired at the venue. */
    public static final int VENUE_EXPIRED = 6;
    /** {@link #VENUE_REPORT} kind: the venue refused a cancel request; the order works on. */
    public static final int VENUE_CANCEL_REJECTED = 7;
    /** {@link #VENUE_REPORT} kind: the venue refused a replace request; the order works on unchanged. */
    public static final int VENUE_REPLACE_REJECTED = 8;

    /** {@link #ADD_INSTRUMENT} flag bit: the instrument trades at an external venue (orders are routed, not matched);
     * {@link InstrumentCommand#encode} sets it, {@link InstrumentCommand#external} reads it. */
    public static final int INSTRUMENT_EXTERNAL = 1 << 16;

    /** {@link #CLOCK} flag: the trading day ended, DAY orders expire. */
    public static final int CLOCK_END_OF_DAY = 1;

    private Op() {
    }

    /**
     * Fills a {@link #NEW} command from an order (the live core and the embedded one do the same).
     *
     * @param order      the order
     * @param orderId    the core's order id
     * @param account    the order's dense account id
     * @param instrument the order's dense instrument id
     * @param c          the command to fill (its seq and timestamp are left as they are)
     */
    public static void encodeNew(io.nautilus.api.order.NewOrder order, long orderId, int account, int instrument,
                                 Command c) {
        c.op = NEW;
        c.orderId = orderId;
        c.clientOrderId = order.clientOrderId();
        c.account = account;
        c.instrument = instrument;
        c.side = order.side();
        c.type = order.type();
        c.tif = order.timeInForce();
        c.price = order.type().hasLimitPrice() ? order.price() : 0;
        c.stopPrice = order.type().hasStopPrice() && order.stopPrice() != io.nautilus.api.instrument.FixedPoint.NULL
                ? order.stopPrice() : 0;
        c.qty = order.quantity();
        c.displayQty = order.displayQuantity();
        c.flags = order.flags();
        c.expiry = order.expireTimeNanos();
    }

    /**
     * Fills a {@link #VENUE_REPORT} command from a venue's report (the live core and the embedded one do the same).
     *
     * @param report the venue's report
     * @param c      the command to fill (its seq and timestamp are left as they are)
     */
    public static void encodeVenueReport(io.nautilus.core.api.VenueReport report, Command c) {
        c.op = VENUE_REPORT;
        c.orderId = report.orderId();
        c.flags = switch (report.kind()) {
            case ACK -> VENUE_ACK;
            case FILL -> VENUE_FILL;
            case CANCELED -> VENUE_CANCELED;
            case REJECTED -> VENUE_REJECTED;
            case REPLACED -> VENUE_REPLACED;
            case EXPIRED -> VENUE_EXPIRED;
            case CANCEL_REJECTED -> VENUE_CANCEL_REJECTED;
            case REPLACE_REJECTED -> VENUE_REPLACE_REJECTED;
        };
        c.price = report.price();
        c.qty = report.quantity();
        c.displayQty = report.maker() ? 1 : 0;
        c.text = report.text().isEmpty() ? null : report.text();
    }

    /**
     * @param op an operation code
     * @return its name, for logs and errors
     */
    public static String name(byte op) {
        return switch (op) {
            case NONE -> "NONE";
            case NEW -> "NEW";
            case CANCEL -> "CANCEL";
            case REPLACE -> "REPLACE";
            case REDUCE -> "REDUCE";
            case MASS_CANCEL -> "MASS_CANCEL";
            case MARK -> "MARK";
            case CLOCK -> "CLOCK";
            case ADD_INSTRUMENT -> "ADD_INSTRUMENT";
            case ADD_ACCOUNT -> "ADD_ACCOUNT";
            case VENUE_REPORT -> "VENUE_REPORT";
            case SET_TRADING_STATE -> "SET_TRADING_STATE";
            case KILL -> "KILL";
            case SET_LIMITS -> "SET_LIMITS";
            default -> "OP(" + op + ")";
        };
    }
}
