package io.nautilus.core.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;

import java.util.Objects;

/**
 * An order command the trading core sends to an external venue, after its own checks and once journaled: a new
 * order of an instrument configured with {@code routing = external}, or a cancel or replace of such an order. The
 * venue's answers come back through {@link VenueExecutionService#venueReport(VenueReport)}.
 *
 * @param kind            what to do
 * @param orderId         the core's order id (the venue layer maps it to the venue's client order ids)
 * @param clientOrderId   the sender's client order id of the order
 * @param account         the account
 * @param instrument      the instrument
 * @param venue           the instrument's venue
 * @param side            the side
 * @param type            order type (NEW only; else null)
 * @param timeInForce     time in force (NEW only; else null)
 * @param price           limit price (NEW), the requested price (REPLACE), the order's price (CANCEL); 0 if none
 * @param stopPrice       stop price (NEW only), else 0
 * @param quantity        order quantity (NEW), requested total quantity (REPLACE), open quantity (CANCEL)
 * @param openQuantity    the order's open quantity in the core when sent
 * @param flags           {@link io.nautilus.api.OrderFlags} (NEW only)
 * @param expireTimeNanos GTD expiry (NEW only), else 0
 */
public record VenueCommand(Kind kind, long orderId, long clientOrderId, AccountId account, InstrumentId instrument,
                           VenueId venue, Side side, OrderType type, TimeInForce timeInForce, long price,
                           long stopPrice, long quantity, long openQuantity, int flags, long expireTimeNanos) {

    /** What the venue is asked to do. */
    public enum Kind {
        /** A new order. */
        NEW,
        /** Cancel the order's open quantity. */
        CANCEL,
        /** Change the order's price and/or total quantity. */
        REPLACE
    }

    /** Validates the command. */
    public VenueCommand {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(side, "side");
        if (orderId <= 0) {
            throw new IllegalArgumentException("order id " + orderId + " must be greater than zero");
        }
    }
}
