package io.nautilus.api.venue;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;

import java.util.Objects;

/**
 * A request for a venue's view of one order (FIX OrderStatusRequest), sent during reconciliation after a (re)logon.
 *
 * @param clientOrderId the order's client order id at the venue (its latest, after replaces)
 * @param account       the account
 * @param instrument    the instrument
 * @param side          the order's side
 */
public record OrderStatusQuery(long clientOrderId, AccountId account, InstrumentId instrument, Side side) {

    /** Validates the request. */
    public OrderStatusQuery {
        if (clientOrderId <= 0) {
            throw new IllegalArgumentException("client order id " + clientOrderId + " must be greater than zero");
        }
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
    }
}
