package io.nautilus.core;

/**
 * The layout of an {@link Op#ADD_INSTRUMENT} command and its one set of rules: every writer encodes it with
 * {@link #encode} and every reader (the registry, the matching engine, result delivery) checks it with
 * {@link #problem} and reads it with the accessors below. Allocation-free.
 *
 * <p>Fields: {@link Command#instrument} = dense id, {@link Command#text} = symbol, {@link Command#price} = tick size,
 * {@link Command#qty} = lot size, {@link Command#stopPrice} = minimum quantity, {@link Command#displayQty} = price
 * band in basis points (0 = none), {@link Command#expiry} = reference price (0 = none),
 * {@link Command#orderId} = maker fee, {@link Command#clientOrderId} = taker fee, {@link Command#flags} = price scale
 * | quantity scale &lt;&lt; 8 | {@link Op#INSTRUMENT_EXTERNAL} if the instrument trades at an external venue.
 */
public final class InstrumentCommand {

    private static final int SCALE_MASK = 0xff;

    private InstrumentCommand() {
    }

    /**
     * Writes an instrument definition into a command slot (its seq and timestamp are left as they are).
     *
     * @param id            dense instrument id, &gt;= 0
     * @param symbol        symbol
     * @param tickSize      price increment, &gt; 0
     * @param lotSize       quantity increment, &gt; 0
     * @param minQuantity   minimum order quantity, a positive multiple of the lot size
     * @param priceBandBps  price band in basis points, 0 = none
     * @param referencePrice initial band reference, 0 = none
     * @param priceScale    decimals of prices, 0..255
     * @param quantityScale decimals of quantities, 0..255
     * @param makerFeeBps   maker fee
     * @param takerFeeBps   taker fee
     * @param external      true if the instrument's orders go to an external venue instead of the core's book
     * @param into          the command slot
     */
    public static void encode(int id, String symbol, long tickSize, long lotSize, long minQuantity,
                              long priceBandBps, long referencePrice, int priceScale, int quantityScale,
                              long makerFeeBps, long takerFeeBps, boolean external, Command into) {
        into.op = Op.ADD_INSTRUMENT;
        into.instrument = id;
        into.text = symbol;
        into.price = tickSize;
        into.qty = lotSize;
        into.stopPrice = minQuantity;
        into.displayQty = priceBandBps;
        into.expiry = referencePrice;
        into.flags = priceScale | quantityScale << 8 | (external ? Op.INSTRUMENT_EXTERNAL : 0);
        into.orderId = makerFeeBps;
        into.clientOrderId = takerFeeBps;
    }

    /**
     * The rules of a definition: a symbol, an id &gt;= 0, tick and lot sizes &gt; 0, a minimum quantity that is a
     * positive multiple of the lot size, a band and a reference price &gt;= 0.
     *
     * @param c an ADD_INSTRUMENT command
     * @return null if it holds a valid definition, else a one-line reason naming the value
     */
    public static String problem(Command c) {
        int id = c.instrument;
        if (id < 0) {
            return "instrument id " + id + " must be >= 0";
        }
        if (c.text == null || c.text.isBlank()) {
            return "instrument " + id + " has no symbol";
        }
        if (c.price <= 0) {
            return "tick size " + c.price + " of instrument " + id + " must be > 0";
        }
        if (c.qty <= 0) {
            return "lot size " + c.qty + " of instrument " + id + " must be > 0";
        }
        if (c.stopPrice <= 0 || c.stopPrice % c.qty != 0) {
            return "minimum quantity " + c.stopPrice + " of instrument " + id + " must be a positive multiple of the "
                    + "lot size " + c.qty;
        }
        if (c.displayQty < 0) {
            return "price band " + c.displayQty + " bps of instrument " + id + " must be >= 0";
        }
        if (c.expiry < 0) {
            return "reference price " + c.expiry + " of instrument " + id + " must be >= 0";
        }
        return null;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return its dense instrument id
     */
    public static int id(Command c) {
        return c.instrument;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return its symbol
     */
    public static String symbol(Command c) {
        return c.text;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return its tick size
     */
    public static long tickSize(Command c) {
        return c.price;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return its lot size
     */
    public static long lotSize(Command c) {
        return c.qty;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return its minimum order quantity
     */
    public static long minQuantity(Command c) {
        return c.stopPrice;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return its price band in basis points, 0 = none
     */
    public static long priceBandBps(Command c) {
        return c.displayQty;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return its initial band reference price, 0 = none
     */
    public static long referencePrice(Command c) {
        return c.expiry;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return decimals of its prices
     */
    public static int priceScale(Command c) {
        return c.flags & SCALE_MASK;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return decimals of its quantities
     */
    public static int quantityScale(Command c) {
        return (c.flags >> 8) & SCALE_MASK;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return its maker fee
     */
    public static long makerFeeBps(Command c) {
        return c.orderId;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return its taker fee
     */
    public static long takerFeeBps(Command c) {
        return c.clientOrderId;
    }

    /**
     * @param c an ADD_INSTRUMENT command
     * @return whether its orders go to an external venue (routed) instead of the core's book (matched)
     */
    public static boolean external(Command c) {
        return (c.flags & Op.INSTRUMENT_EXTERNAL) != 0;
    }
}
