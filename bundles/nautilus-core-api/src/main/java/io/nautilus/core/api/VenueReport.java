package io.nautilus.core.api;

import java.util.Objects;

/**
 * What an external venue did with one of the core's venue orders, as the venue layer hands it back to the core
 * (journaled like an order command, so the core stays the single writer of its orders and positions).
 *
 * @param orderId  the core's order id
 * @param kind     what happened
 * @param price    fill price (FILL) or new price (REPLACED; 0 = as requested), at the price scale; else 0
 * @param quantity fill quantity (FILL) or new total quantity (REPLACED; 0 = as requested), at the quantity scale
 * @param maker    FILL: whether the order added liquidity at the venue
 * @param text     the venue's execution id or reason, for the report text and the journal; may be empty
 */
public record VenueReport(long orderId, Kind kind, long price, long quantity, boolean maker, String text) {

    /** What happened at the venue. */
    public enum Kind {
        /** The venue accepted the order. */
        ACK,
        /** A fill. */
        FILL,
        /** The order was canceled (as requested, or by the venue). */
        CANCELED,
        /** The venue rejected the new order. */
        REJECTED,
        /** The requested replace took effect. */
        REPLACED,
        /** The order expired at the venue. */
        EXPIRED,
        /** The venue refused a cancel; the order works on. */
        CANCEL_REJECTED,
        /** The venue refused a replace; the order works on unchanged. */
        REPLACE_REJECTED
    }

    /** Validates the report. */
    public VenueReport {
        Objects.requireNonNull(kind, "kind");
        text = Objects.requireNonNullElse(text, "");
        if (orderId <= 0) {
            throw new IllegalArgumentException("order id " + orderId + " must be greater than zero");
        }
        if (kind == Kind.FILL && (price <= 0 || quantity <= 0)) {
            throw new IllegalArgumentException("fill of order " + orderId + ": price " + price + " and quantity "
                    + quantity + " must be greater than zero");
        }
    }
}
