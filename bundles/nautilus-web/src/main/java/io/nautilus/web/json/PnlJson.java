package io.nautilus.web.json;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.TradingCoreService;

/**
 * One account's P&amp;L totals ({@code GET /api/v1/pnl} and the {@code pnl} topic).
 *
 * @param account       the account
 * @param realisedPnl   realised P&amp;L over its positions
 * @param unrealisedPnl unrealised P&amp;L
 * @param fees          fees paid
 * @param netPnl        realised + unrealised - fees
 * @param grossExposure the sum of the positions' absolute values at their marks
 * @param openPositions positions that are not flat
 * @param workingOrders orders still working
 */
public record PnlJson(String account, String realisedPnl, String unrealisedPnl, String fees, String netPnl,
                      String grossExposure, int openPositions, int workingOrders) {

    /**
     * @param p     the core's totals
     * @param scale the price scale the totals are shown at
     * @return their JSON
     */
    public static PnlJson of(AccountPnl p, int scale) {
        return new PnlJson(p.account().value(), Wire.decimal(p.realisedPnl(), scale),
                Wire.decimal(p.unrealisedPnl(), scale), Wire.decimal(p.fees(), scale), Wire.decimal(p.netPnl(), scale),
                Wire.decimal(p.grossExposure(), scale), p.openPositions(), p.workingOrders());
    }

    /**
     * @param core the trading core
     * @return the scale P&amp;L totals are shown at: the largest price scale of the core's instruments (0 for none)
     */
    public static int scale(TradingCoreService core) {
        int scale = 0;
        for (Instrument instrument : core.instruments()) {
            scale = Math.max(scale, instrument.priceScale());
        }
        return scale;
    }
}
