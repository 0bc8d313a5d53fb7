package io.nautilus.api.order;

/**
 * Whether a fill added or removed liquidity, which decides its fee (FIX {@code LastLiquidityInd (851)}).
 */
public enum Liquidity {

    /** Not a fill, or the venue did not say. */
    NONE,

    /** The order was resting on the book: it added liquidity. */
    MAKER,

    /** The order traded on arrival: it removed liquidity. */
    TAKER
}
