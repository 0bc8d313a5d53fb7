package io.nautilus.core.api;

/**
 * One account's leverage and concentration figures as the risk engine computes them before the next order.
 * Money values are unscaled at {@code moneyScale} decimals; ratios at {@link CommandResult#RATIO_SCALE} decimals.
 *
 * @param account          the account name
 * @param moneyScale       decimals of the money values (the core's {@code money.scale})
 * @param capital          configured capital ({@code <account>.capital} in {@code etc/io.nautilus.core.accounts.cfg})
 * @param equity           capital + net P&amp;L (realised + unrealised - fees)
 * @param grossExposure    open positions at mark + working orders, both sides, absolute notionals
 * @param leverage         gross exposure / equity rounded up, or -1 when equity is zero or negative
 * @param largestInstrument symbol of the instrument with the largest exposure, or null without exposure
 * @param largestShare     that instrument's share of the gross exposure, rounded up (0 without exposure)
 */
public record AccountRiskView(String account, int moneyScale, long capital, long equity, long grossExposure,
                              long leverage, String largestInstrument, long largestShare) {
}
