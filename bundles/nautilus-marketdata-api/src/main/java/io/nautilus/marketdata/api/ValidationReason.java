package io.nautilus.marketdata.api;

/**
 * Why the engine rejected or flagged a tick; each reason is counted per feed.
 */
public enum ValidationReason {
    /** The symbol does not name a configured instrument. */
    UNKNOWN_INSTRUMENT,
    /** A price or size was not a number, had more decimals than the instrument's scale, or overflowed. */
    INVALID_VALUE,
    /** A price was zero or negative. */
    NON_POSITIVE_PRICE,
    /** A size was zero or negative where a positive size is required. */
    NON_POSITIVE_SIZE,
    /** The quote's bid was at or above its offer. */
    CROSSED_QUOTE,
    /** The tick was older than the configured maximum age when it reached the engine. */
    STALE,
    /** The feed sequence was lower than the last one seen for the feed and instrument. */
    OUT_OF_ORDER,
    /** The feed sequence equalled the last one seen for the feed and instrument. */
    DUPLICATE,
    /** The price moved further than the configured band from the last good price. */
    PRICE_JUMP
}
