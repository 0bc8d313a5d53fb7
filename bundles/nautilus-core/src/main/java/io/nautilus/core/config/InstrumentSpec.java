package io.nautilus.core.config;

import io.nautilus.api.instrument.Instrument;

/**
 * An instrument as configured for the core: the shared {@link Instrument} plus what only the core uses.
 *
 * @param instrument symbol, venue, tick/lot/min quantity and scales
 * @param priceBandBps price band around the reference price, in basis points (0 = no band)
 * @param referencePrice initial reference price of the band at the price scale, 0 = none until a trade or mark
 * @param makerFeeBps fee charged to the maker of a trade, in basis points of the notional (negative = rebate)
 * @param takerFeeBps fee charged to the taker of a trade, in basis points of the notional
 * @param external true if orders go to the instrument's external venue ({@code routing = external}) instead of the
 *                 core's own matching engine
 */
public record InstrumentSpec(Instrument instrument, long priceBandBps, long referencePrice, long makerFeeBps,
                             long takerFeeBps, boolean external) {

    /**
     * An internally matched instrument.
     *
     * @param instrument     symbol, venue, tick/lot/min quantity and scales
     * @param priceBandBps   price band in basis points
     * @param referencePrice band reference
     * @param makerFeeBps    maker fee
     * @param takerFeeBps    taker fee
     */
    public InstrumentSpec(Instrument instrument, long priceBandBps, long referencePrice, long makerFeeBps,
                          long takerFeeBps) {
        this(instrument, priceBandBps, referencePrice, makerFeeBps, takerFeeBps, false);
    }

    /** @return the symbol */
    public String symbol() {
        return instrument.symbol();
    }
}
