package io.nautilus.api;

/**
 * How an order's execution price is determined.
 */
public enum OrderType {

    /** Executes immediately at the best available prices; carries no limit or stop price. */
    MARKET(false, false, '1'),

    /** Executes at its limit price or better; carries a limit price. */
    LIMIT(true, false, '2'),

    /** Becomes a market order once the market trades at or through its stop price; carries a stop price. */
    STOP(false, true, '3'),

    /** Becomes a limit order once the market trades at or through its stop price; carries both prices. */
    STOP_LIMIT(true, true, '4');

    private final boolean hasLimitPrice;
    private final boolean hasStopPrice;
    private final char fixCode;

    OrderType(boolean hasLimitPrice, boolean hasStopPrice, char fixCode) {
        this.hasLimitPrice = hasLimitPrice;
        this.hasStopPrice = hasStopPrice;
        this.fixCode = fixCode;
    }

    /**
     * Whether an order of this type must carry a limit price (and other types must not).
     *
     * @return true for {@link #LIMIT} and {@link #STOP_LIMIT}
     */
    public boolean hasLimitPrice() {
        return hasLimitPrice;
    }

    /**
     * Whether an order of this type must carry a stop price (and other types must not).
     *
     * @return true for {@link #STOP} and {@link #STOP_LIMIT}
     */
    public boolean hasStopPrice() {
        return hasStopPrice;
    }

    /**
     * The FIX {@code OrdType (40)} code.
     *
     * @return {@code '1'} to {@code '4'}
     */
    public char fixCode() {
        return fixCode;
    }
}
