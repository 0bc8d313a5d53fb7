package io.nautilus.core.matching;

/**
 * An immutable copy of one instrument's parameters and prices.
 *
 * @param instrument dense instrument id
 * @param tickSize price increment
 * @param lotSize quantity increment
 * @param minQty minimum order quantity
 * @param priceBandBps price band in basis points around the reference, 0 = no band
 * @param referencePrice the defined reference price, 0 = none
 * @param bandReference the reference the band uses now (last MARK or trade, else the defined one), 0 = none
 * @param lastTradePrice last trade price, 0 = no trade yet
 * @param bestBid best bid price, 0 = none
 * @param bestAsk best ask price, 0 = none
 * @param stopOrders untriggered stop orders
 */
public record InstrumentView(int instrument, long tickSize, long lotSize, long minQty, long priceBandBps,
                             long referencePrice, long bandReference, long lastTradePrice, long bestBid, long bestAsk,
                             int stopOrders) {
}
