package io.nautilus.api.order;

/**
 * What happened to an order to cause an execution report (FIX {@code ExecType (150)}).
 */
public enum ExecType {

    /** The request was received but not yet accepted. */
    PENDING_NEW('A'),

    /** The order was accepted and is working (or waiting for its stop). */
    NEW('0'),

    /** Part of the order filled; some quantity is still working. */
    PARTIAL_FILL('F'),

    /** The order filled completely. */
    FILL('F'),

    /** A cancel request was received but not yet acted on. */
    PENDING_CANCEL('6'),

    /** The order was canceled; see the report's cancel reason. */
    CANCELED('4'),

    /** A replace request was received but not yet acted on. */
    PENDING_REPLACE('E'),

    /** The order's price and/or quantity changed as requested. */
    REPLACED('5'),

    /** A new order, cancel or replace was refused; see the report's reject reason. */
    REJECTED('8'),

    /** The order reached its time-in-force limit (end of day or its GTD expire time). */
    EXPIRED('C'),

    /** A stop order's stop price was reached and it became a market or limit order. */
    TRIGGERED('L'),

    /** The venue or core changed the order without a request, e.g. reduced its quantity. */
    RESTATED('D'),

    /**
     * The answer to an order status request (reconciliation): the report's status, cumulative and leaves quantity and
     * average price are the venue's view of the order; status {@link OrderStatus#REJECTED} with reject reason
     * {@link RejectReason#UNKNOWN_ORDER} when the venue does not know it.
     */
    ORDER_STATUS('I');

    private final char fixCode;

    ExecType(char fixCode) {
        this.fixCode = fixCode;
    }

    /**
     * Whether reports of this type carry a fill (last price and last quantity).
     *
     * @return true for {@link #PARTIAL_FILL} and {@link #FILL}
     */
    public boolean isFill() {
        return this == PARTIAL_FILL || this == FILL;
    }

    /**
     * The FIX {@code ExecType (150)} code; both fill types map to {@code 'F'} (Trade).
     *
     * @return the code
     */
    public char fixCode() {
        return fixCode;
    }
}
