package io.nautilus.core.position;

/**
 * A copy of one account's position in one instrument, for the shell and reports. Prices and money are in the
 * instrument's price scale, quantities in its quantity scale; the {@code *Exact} values are the exact
 * {@code price * quantity} sums at scale price scale + quantity scale, from which the others are rounded
 * (half-even).
 *
 * @param account          dense account id
 * @param instrument       dense instrument id
 * @param priceScale       the instrument's price scale
 * @param quantityScale    the instrument's quantity scale
 * @param quantity         signed net quantity (positive = long)
 * @param averagePrice     average entry price of the open quantity, 0 when flat
 * @param costBasis        exact signed cost of the open quantity (sum of price * quantity), 0 when flat
 * @param markPrice        mark price, or {@link io.nautilus.api.instrument.FixedPoint#NULL} if none yet
 * @param realised         realised P&amp;L, money
 * @param unrealised       unrealised P&amp;L at the mark, money
 * @param fees             fees paid (negative = net rebate), money
 * @param exposure         |quantity| * mark, money
 * @param realisedExact    realised P&amp;L, exact, price * quantity units
 * @param unrealisedExact  unrealised P&amp;L, exact, price * quantity units
 * @param boughtQuantity   total quantity bought, quantity scale
 * @param soldQuantity     total quantity sold, quantity scale
 */
public record PositionView(int account, int instrument, int priceScale, int quantityScale, long quantity,
                           long averagePrice, long costBasis, long markPrice, long realised, long unrealised,
                           long fees, long exposure, long realisedExact, long unrealisedExact,
                           long boughtQuantity, long soldQuantity) {

    /** @return realised + unrealised - fees, money in the instrument's price scale */
    public long net() {
        return realised + unrealised - fees;
    }
}
