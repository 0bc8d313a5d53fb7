package io.nautilus.core.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;

/**
 * A netting position of one account in one instrument. Money values are in the instrument's price scale.
 *
 * @param account the account
 * @param instrument the instrument
 * @param quantity signed position (long &gt; 0, short &lt; 0), quantity scale
 * @param averagePrice average entry price of the open position, 0 when flat
 * @param markPrice price the position is marked to, 0 if none yet
 * @param realisedPnl realised P&amp;L (before fees)
 * @param unrealisedPnl unrealised P&amp;L at the mark price
 * @param fees fees paid (negative for net rebates)
 * @param boughtQuantity total quantity bought
 * @param soldQuantity total quantity sold
 */
public record PositionView(AccountId account, InstrumentId instrument, long quantity, long averagePrice,
                           long markPrice, long realisedPnl, long unrealisedPnl, long fees, long boughtQuantity,
                           long soldQuantity) {

    /** @return realised + unrealised - fees */
    public long netPnl() {
        return realisedPnl + unrealisedPnl - fees;
    }
}
