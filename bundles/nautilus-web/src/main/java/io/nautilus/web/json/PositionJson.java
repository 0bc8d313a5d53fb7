package io.nautilus.web.json;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.PositionView;

/**
 * One account's position in one instrument ({@code GET /api/v1/positions} and the {@code positions} topic); prices
 * and P&amp;L at the instrument's price scale, quantities at its quantity scale.
 *
 * @param account        the account
 * @param instrument     the instrument
 * @param quantity       signed net quantity
 * @param averagePrice   average entry price, null when flat with none
 * @param markPrice      the price the position is marked at, null when there is none
 * @param realisedPnl    realised P&amp;L
 * @param unrealisedPnl  unrealised P&amp;L at the mark
 * @param fees           fees paid
 * @param netPnl         realised + unrealised - fees
 * @param boughtQuantity quantity bought
 * @param soldQuantity   quantity sold
 */
public record PositionJson(String account, String instrument, String quantity, String averagePrice,
                           String markPrice, String realisedPnl, String unrealisedPnl, String fees, String netPnl,
                           String boughtQuantity, String soldQuantity) {

    /**
     * @param p the core's position
     * @param i the instrument's definition, or null (scale 0)
     * @return its JSON
     */
    public static PositionJson of(PositionView p, Instrument i) {
        int ps = Wire.priceScale(i);
        int qs = Wire.quantityScale(i);
        return new PositionJson(p.account().value(), p.instrument().value(), Wire.decimal(p.quantity(), qs),
                Wire.decimal(p.averagePrice(), ps), Wire.decimal(p.markPrice(), ps),
                Wire.decimal(p.realisedPnl(), ps), Wire.decimal(p.unrealisedPnl(), ps), Wire.decimal(p.fees(), ps),
                Wire.decimal(p.netPnl(), ps), Wire.decimal(p.boughtQuantity(), qs),
                Wire.decimal(p.soldQuantity(), qs));
    }
}
