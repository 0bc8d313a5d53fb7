package io.nautilus.core.api;

import io.nautilus.api.InstrumentId;

import java.util.List;

/**
 * The top of one instrument's order book.
 *
 * @param instrument the instrument
 * @param bids bid levels, best (highest) first
 * @param asks ask levels, best (lowest) first
 * @param lastTradePrice price of the last trade, 0 if none
 * @param lastTradeQuantity quantity of the last trade, 0 if none
 */
public record BookView(InstrumentId instrument, List<Level> bids, List<Level> asks, long lastTradePrice,
                       long lastTradeQuantity) {

    /** Copies the level lists. */
    public BookView {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /**
     * One price level.
     *
     * @param price the price
     * @param quantity displayed quantity at that price
     * @param orders number of orders at that price
     */
    public record Level(long price, long quantity, int orders) {
    }
}
