package io.nautilus.router.api;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;

import java.util.Objects;

/**
 * An order the router splits into child orders across venues.
 *
 * @param parentOrderId the caller's id of the parent, greater than zero and unique among the router's parents
 * @param instrument    the instrument; it must be the market state's instrument
 * @param side          buy or sell
 * @param quantity      in units of the quantity scale, greater than zero
 * @param limitPrice    the worst acceptable price in units of the price scale, or {@link FixedPoint#NULL} for no
 *                      limit (a market order)
 * @param style         take displayed liquidity or rest passively
 * @param arrivalPrice  the benchmark price slippage is measured against, in units of the price scale; or
 *                      {@link FixedPoint#NULL} to let the router take the consolidated mid at decision time
 * @param remainder     what to do with quantity the displayed liquidity cannot absorb
 */
public record ParentOrder(long parentOrderId, InstrumentId instrument, Side side, long quantity, long limitPrice,
                          ExecutionStyle style, long arrivalPrice, RemainderPolicy remainder) {

    /**
     * Validates the order.
     *
     * @throws NullPointerException     if an object component is null
     * @throws IllegalArgumentException if the id or quantity is not positive or a price is not positive; the
     *                                  message names the order and the value
     */
    public ParentOrder {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(remainder, "remainder");
        if (parentOrderId <= 0) {
            throw new IllegalArgumentException("parent order id " + parentOrderId + " must be greater than zero");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("parent order " + parentOrderId + ": quantity " + quantity
                    + " must be greater than zero");
        }
        if (limitPrice != FixedPoint.NULL && limitPrice <= 0) {
            throw new IllegalArgumentException("parent order " + parentOrderId + ": limit price " + limitPrice
                    + " must be greater than zero");
        }
        if (arrivalPrice != FixedPoint.NULL && arrivalPrice <= 0) {
            throw new IllegalArgumentException("parent order " + parentOrderId + ": arrival price " + arrivalPrice
                    + " must be greater than zero");
        }
    }

    /**
     * Whether the parent has a limit price.
     *
     * @return false for a market order
     */
    public boolean hasLimit() {
        return limitPrice != FixedPoint.NULL;
    }

    /**
     * Whether a price is within the parent's limit: at or below it for a buy, at or above it for a sell.
     *
     * @param price in units of the price scale
     * @return true if acceptable, always true without a limit
     */
    public boolean withinLimit(long price) {
        if (limitPrice == FixedPoint.NULL) {
            return true;
        }
        return side == Side.BUY ? price <= limitPrice : price >= limitPrice;
    }
}
