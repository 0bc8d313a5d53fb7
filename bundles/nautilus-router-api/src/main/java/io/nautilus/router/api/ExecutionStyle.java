package io.nautilus.router.api;

/**
 * How a parent order (or a child) meets the market.
 */
public enum ExecutionStyle {

    /** Takes displayed liquidity on arrival (pays the taker fee). */
    MARKETABLE,

    /** Rests on the book at its price (pays, or earns, the maker fee). */
    PASSIVE
}
