package io.nautilus.core.api;

import io.nautilus.api.AccountId;

/**
 * P&amp;L totals of one account across its instruments. Money values are summed in price-scale units of each
 * instrument, so totals are meaningful when an account's instruments share a currency and price scale.
 *
 * @param account the account
 * @param realisedPnl realised P&amp;L
 * @param unrealisedPnl unrealised P&amp;L at the marks
 * @param fees fees paid
 * @param grossExposure sum of |position| x mark over instruments
 * @param openPositions instruments with a non-zero position
 * @param workingOrders working orders of the account
 */
public record AccountPnl(AccountId account, long realisedPnl, long unrealisedPnl, long fees, long grossExposure,
                         int openPositions, int workingOrders) {

    /** @return realised + unrealised - fees */
    public long netPnl() {
        return realisedPnl + unrealisedPnl - fees;
    }
}
