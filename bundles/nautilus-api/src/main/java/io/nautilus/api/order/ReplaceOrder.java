package io.nautilus.api.order;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;

import java.util.Objects;

/**
 * A request to change the price and/or quantity of a working order (FIX {@code OrderCancelReplaceRequest}).
 *
 * <p>On success the order continues under {@code clientOrderId}. A new quantity is the new total order
 * quantity, including what has already filled; a quantity at or below the filled quantity finishes the order.
 *
 * @param clientOrderId     the sender's id for the order after the replace, greater than zero and unique per
 *                          account
 * @param origClientOrderId the client order id of the order to change (its latest), greater than zero
 * @param account           the account of the order
 * @param instrument        the instrument of the order
 * @param price             the new limit price in units of the price scale, or {@link FixedPoint#NULL} to keep it
 * @param quantity          the new total quantity in units of the quantity scale, or 0 to keep it
 */
public record ReplaceOrder(long clientOrderId, long origClientOrderId, AccountId account, InstrumentId instrument,
                           long price, long quantity) {

    /**
     * Validates the request.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if an id is invalid, the quantity is negative, or nothing would change
     */
    public ReplaceOrder {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        OrderIds.checkRequestIds("replace", clientOrderId, origClientOrderId);
        if (quantity < 0) {
            throw new IllegalArgumentException("replace request " + clientOrderId + ": quantity " + quantity
                    + " must be greater than zero, or 0 to keep it");
        }
        if (price == FixedPoint.NULL && quantity == 0) {
            throw new IllegalArgumentException("replace request " + clientOrderId
                    + " changes nothing: give a new price, a new quantity or both");
        }
    }

    /**
     * Whether the request changes the limit price.
     *
     * @return true if {@link #price()} is set
     */
    public boolean changesPrice() {
        return price != FixedPoint.NULL;
    }

    /**
     * Whether the request changes the order quantity.
     *
     * @return true if {@link #quantity()} is set
     */
    public boolean changesQuantity() {
        return quantity != 0;
    }

    /**
     * Checks the new price and quantity against the instrument's grid; allocation-free.
     *
     * @param definition the definition of {@link #instrument()}
     * @return {@link RejectReason#NONE} if the request fits, otherwise the first reason it does not
     */
    public RejectReason checkAgainst(Instrument definition) {
        if (!definition.id().equals(instrument)) {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (changesPrice() && !definition.isOnTick(price)) {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        if (changesQuantity() && !definition.isLotMultiple(quantity)) {
            return RejectReason.QUANTITY_NOT_LOT_MULTIPLE;
        }
        if (changesQuantity() && quantity < definition.minQuantity()) {
            return RejectReason.QUANTITY_BELOW_MINIMUM;
        }
        return RejectReason.NONE;
    }
}
