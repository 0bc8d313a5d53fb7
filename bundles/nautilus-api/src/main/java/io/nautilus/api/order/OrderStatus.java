package io.nautilus.api.order;

/**
 * The state of an order after an execution report (FIX {@code OrdStatus (39)}).
 */
public enum OrderStatus {

    /** Received, not yet accepted. */
    PENDING_NEW('A', false),

    /** Accepted and working, nothing filled. */
    NEW('0', false),

    /** Working with part of its quantity filled. */
    PARTIALLY_FILLED('1', false),

    /** Completely filled. */
    FILLED('2', true),

    /** Working while a cancel request is processed. */
    PENDING_CANCEL('6', false),

    /** Working while a replace request is processed. */
    PENDING_REPLACE('E', false),

    /** Canceled, possibly after partial fills. */
    CANCELED('4', true),

    /** Refused on entry; never worked. */
    REJECTED('8', true),

    /** Reached its time-in-force limit. */
    EXPIRED('C', true),

    /** Done for the trading day with no further fills; it may not be working again. */
    DONE_FOR_DAY('3', true),

    /** Accepted but not working, e.g. during a trading halt; it may resume. */
    SUSPENDED('9', false);

    private static final OrderStatus[] VALUES = values();

    private final char fixCode;
    private final boolean finished;

    OrderStatus(char fixCode, boolean finished) {
        this.fixCode = fixCode;
        this.finished = finished;
    }

    /**
     * Whether no further change can happen to an order in this state, so its leaves quantity is 0.
     *
     * @return true for {@link #FILLED}, {@link #CANCELED}, {@link #REJECTED}, {@link #EXPIRED} and
     *         {@link #DONE_FOR_DAY}
     */
    public boolean isFinished() {
        return finished;
    }

    /**
     * The FIX {@code OrdStatus (39)} code.
     *
     * @return the code
     */
    public char fixCode() {
        return fixCode;
    }

    /**
     * The status with a FIX {@code OrdStatus (39)} code.
     *
     * @param fixCode a code this enum defines
     * @return the status
     * @throws IllegalArgumentException if no status has the code
     */
    public static OrderStatus fromFixCode(char fixCode) {
        for (OrderStatus status : VALUES) {
            if (status.fixCode == fixCode) {
                return status;
            }
        }
        throw new IllegalArgumentException("FIX order status '" + fixCode + "' is not supported");
    }
}
