package io.nautilus.api.order;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;

import java.util.Objects;

/**
 * A request to cancel the remaining quantity of a working order (FIX {@code OrderCancelRequest}).
 *
 * @param clientOrderId     the sender's id for this cancel request, greater than zero and unique per account
 * @param origClientOrderId the client order id of the order to cancel (its latest, after replaces), greater
 *                          than zero
 * @param account           the account of the order
 * @param instrument        the instrument of the order
 */
public record CancelOrder(long clientOrderId, long origClientOrderId, AccountId account, InstrumentId instrument) {

    /**
     * Validates the request.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if an id is not positive or both ids are equal
     */
    public CancelOrder {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        OrderIds.checkRequestIds("cancel", clientOrderId, origClientOrderId);
    }
}
