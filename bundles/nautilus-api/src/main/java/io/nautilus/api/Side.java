package io.nautilus.api;

/**
 * The side of an order, a trade's aggressor or a book level.
 */
public enum Side {

    /** Buying: a bid; increases a position. */
    BUY(1, '1'),

    /** Selling: an offer; decreases a position. */
    SELL(-1, '2');

    private final int sign;
    private final char fixCode;

    Side(int sign, char fixCode) {
        this.sign = sign;
        this.fixCode = fixCode;
    }

    /**
     * The side that trades against this one.
     *
     * @return {@link #SELL} for {@link #BUY} and {@link #BUY} for {@link #SELL}
     */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /**
     * The sign a fill on this side gives a position change.
     *
     * @return {@code +1} for {@link #BUY}, {@code -1} for {@link #SELL}
     */
    public int sign() {
        return sign;
    }

    /**
     * Applies this side's sign to an unsigned quantity.
     *
     * @param quantity an unsigned quantity, in units of the instrument's quantity scale
     * @return {@code quantity} for a buy, {@code -quantity} for a sell
     */
    public long signed(long quantity) {
        return sign * quantity;
    }

    /**
     * The FIX {@code Side (54)} code.
     *
     * @return {@code '1'} for buy, {@code '2'} for sell
     */
    public char fixCode() {
        return fixCode;
    }

    /**
     * The side with a FIX {@code Side (54)} code.
     *
     * @param fixCode {@code '1'} or {@code '2'}
     * @return the side
     * @throws IllegalArgumentException if the code is neither
     */
    public static Side fromFixCode(char fixCode) {
        return switch (fixCode) {
            case '1' -> BUY;
            case '2' -> SELL;
            default -> throw new IllegalArgumentException("FIX side '" + fixCode + "' is not 1 (buy) or 2 (sell)");
        };
    }
}
