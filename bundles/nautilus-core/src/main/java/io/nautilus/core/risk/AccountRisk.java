package io.nautilus.core.risk;

/**
 * Risk state of one account: trading state, start-of-day P&amp;L, configured capital and rate windows. Created when
 * first seen.
 */
final class AccountRisk {

    final int account;
    /** Trading state code ({@link RiskEngine} encoding: ordinal, plus the kill bit). */
    int state;
    /** Net P&amp;L (money scale) at the start of the trading day. */
    long dayStartPnl;
    /** Configured capital (money scale, at least 0): equity = capital + net P&amp;L. */
    long capital;
    final RateWindow orders;
    final RateWindow cancels;

    /**
     * @param account   dense account id
     * @param orderLog  the log of every account's order windows
     * @param cancelLog the log of every account's cancel windows
     */
    AccountRisk(int account, RateLog orderLog, RateLog cancelLog) {
        this.account = account;
        this.orders = new RateWindow(orderLog);
        this.cancels = new RateWindow(cancelLog);
    }

    void sizeWindows(ResolvedRiskLimits limits) {
        orders.resize(limits.rate(account, Limit.MAX_ORDERS_PER_SECOND));
        cancels.resize(limits.rate(account, Limit.MAX_CANCELS_PER_SECOND));
    }
}
