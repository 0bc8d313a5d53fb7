package io.nautilus.venue.fix;

import io.nautilus.api.InstrumentId;

/**
 * Where the gateway finds an instrument's price and quantity scales, to turn the platform's fixed-point longs into
 * FIX decimals and back; usually the trading core's instrument definitions.
 */
@FunctionalInterface
public interface InstrumentScales {

    /**
     * The scales of an instrument.
     *
     * @param instrument the instrument, which is also its FIX Symbol (55)
     * @return the scales, or {@code null} if the instrument is not defined
     */
    Scales of(InstrumentId instrument);

    /**
     * An instrument's scales.
     *
     * @param price    decimals of a price, 0 to 18
     * @param quantity decimals of a quantity, 0 to 18
     */
    record Scales(int price, int quantity) {
    }
}
