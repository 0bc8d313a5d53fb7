package io.nautilus.api.order;

/**
 * Why an order was canceled or expired, with a code that stays stable in journals and on the wire.
 */
public enum CancelReason {

    /** Not canceled. */
    NONE(0),

    /** The owner (strategy, user or API client) asked for it. */
    USER(1),

    /** The unfilled remainder of an immediate-or-cancel order. */
    IOC_REMAINDER(2),

    /** A fill-or-kill order that could not fill completely. */
    FOK_NOT_FILLED(3),

    /** Self-trade prevention canceled it instead of trading against its own side. */
    SELF_TRADE(4),

    /** The kill switch canceled every working order in its scope. */
    KILL_SWITCH(5),

    /** Its time-in-force limit passed (end of day or GTD expire time). */
    EXPIRED(6),

    /** Risk management canceled it, e.g. after a limit breach. */
    RISK(7),

    /** The venue session dropped and the venue canceled on disconnect. */
    DISCONNECT(8),

    /** The venue canceled it for its own reasons; the report's text explains. */
    VENUE(9),

    /** A replace reduced the quantity to or below the filled quantity. */
    REPLACED_TO_FILLED(10);

    private static final CancelReason[] BY_CODE = values();

    private final int code;

    CancelReason(int code) {
        this.code = code;
    }

    /**
     * The stable numeric code.
     *
     * @return 0 or more
     */
    public int code() {
        return code;
    }

    /**
     * The reason with a numeric code; allocation-free.
     *
     * @param code a code returned by {@link #code()}
     * @return the reason
     * @throws IllegalArgumentException if no reason has the code
     */
    public static CancelReason fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[code].code != code) {
            throw new IllegalArgumentException("cancel reason code " + code + " is not defined");
        }
        return BY_CODE[code];
    }
}
