package io.nautilus.core;

/**
 * Trading state of an account, an instrument or the whole core. The effective state of an order is the most
 * restrictive of the global, account and instrument states.
 */
public enum TradingState {
    /** Everything allowed. */
    ACTIVE,
    /** Only orders that reduce the account's position in the instrument (and cancels). */
    REDUCING,
    /** Only cancels. */
    HALTED;

    private static final TradingState[] VALUES = values();

    /**
     * @param code an {@link #ordinal()}
     * @return the state
     * @throws IllegalArgumentException on an unknown code
     */
    public static TradingState of(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new IllegalArgumentException("unknown trading state code " + code);
        }
        return VALUES[code];
    }

    /**
     * @param other another state
     * @return the more restrictive of the two
     */
    public TradingState mostRestrictive(TradingState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
