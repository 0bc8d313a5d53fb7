package io.nautilus.api.order;

/**
 * Why an order, cancel or replace was rejected, with a code that stays stable in journals and on the wire.
 */
public enum RejectReason {

    /** Not rejected. */
    NONE(0, "not rejected"),

    /** The instrument is not defined or not tradable. */
    UNKNOWN_INSTRUMENT(1, "unknown instrument"),

    /** The account is not defined or not enabled. */
    UNKNOWN_ACCOUNT(2, "unknown account"),

    /** A cancel or replace names an order that does not exist. */
    UNKNOWN_ORDER(3, "unknown order"),

    /** A price is not a whole number of ticks. */
    PRICE_NOT_ON_TICK(4, "price not on tick"),

    /** A quantity is not a whole number of lots. */
    QUANTITY_NOT_LOT_MULTIPLE(5, "quantity not a lot multiple"),

    /** The quantity is below the instrument's minimum. */
    QUANTITY_BELOW_MINIMUM(6, "quantity below minimum"),

    /** The price is outside the allowed band around the reference price. */
    PRICE_OUTSIDE_BAND(7, "price outside band"),

    /** The client order id was already used by this account. */
    DUPLICATE_CLIENT_ORDER_ID(8, "duplicate client order id"),

    /** A post-only order would have traded on arrival. */
    POST_ONLY_WOULD_CROSS(9, "post-only order would cross"),

    /** A fill-or-kill order could not fill completely at once. */
    FOK_CANNOT_FILL(10, "fill-or-kill order cannot fill"),

    /** A pre-trade risk limit would be breached. */
    RISK_LIMIT(11, "risk limit"),

    /** Trading in the instrument is halted. */
    TRADING_HALTED(12, "trading halted"),

    /** The order would trade against the same account's or strategy's order. */
    SELF_TRADE(13, "self trade"),

    /** The venue rejected it; the report's text carries the venue's reason. */
    VENUE_REJECT(14, "rejected by venue"),

    /** The command is malformed or inconsistent. */
    INVALID_ORDER(15, "invalid order"),

    /** A cancel or replace names an order that is already filled, canceled, rejected or expired. */
    ORDER_FINISHED(16, "order already finished"),

    /** The sender exceeded its message rate. */
    THROTTLED(17, "throttled"),

    /** The kill switch is engaged for the account, strategy or platform. */
    KILL_SWITCH(18, "kill switch engaged"),

    /** The venue session is not logged on. */
    VENUE_UNAVAILABLE(19, "venue unavailable"),

    /** The market is closed for the instrument. */
    MARKET_CLOSED(20, "market closed"),

    /** A reduce-only order would increase or flip the position. */
    REDUCE_ONLY_WOULD_INCREASE(21, "reduce-only order would increase position"),

    /** The strategy is not known or not running. */
    UNKNOWN_STRATEGY(22, "unknown strategy"),

    /** Any other reason; the report's text explains. */
    OTHER(99, "other");

    private static final RejectReason[] BY_CODE = new RejectReason[100];

    static {
        for (RejectReason reason : values()) {
            BY_CODE[reason.code] = reason;
        }
    }

    private final int code;
    private final String description;

    RejectReason(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * The stable numeric code.
     *
     * @return 0 to 99
     */
    public int code() {
        return code;
    }

    /**
     * A short human-readable description.
     *
     * @return e.g. {@code "price not on tick"}
     */
    public String description() {
        return description;
    }

    /**
     * The reason with a numeric code; allocation-free.
     *
     * @param code a code returned by {@link #code()}
     * @return the reason
     * @throws IllegalArgumentException if no reason has the code
     */
    public static RejectReason fromCode(int code) {
        RejectReason reason = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (reason == null) {
            throw new IllegalArgumentException("reject reason code " + code + " is not defined");
        }
        return reason;
    }
}
