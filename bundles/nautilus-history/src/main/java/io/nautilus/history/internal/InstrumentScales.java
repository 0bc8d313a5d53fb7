package io.nautilus.history.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.history.api.OrderEvent;

/**
 * The decimals of an instrument's prices and quantities, which execution reports do not carry; the store writes
 * them beside each value.
 */
public interface InstrumentScales {

    /**
     * @param instrument an instrument
     * @return the decimals of its prices (0 to 18), or {@link OrderEvent#UNKNOWN_SCALE} if unknown
     */
    int priceScale(InstrumentId instrument);

    /**
     * @param instrument an instrument
     * @return the decimals of its quantities (0 to 18), or {@link OrderEvent#UNKNOWN_SCALE} if unknown
     */
    int quantityScale(InstrumentId instrument);
}
