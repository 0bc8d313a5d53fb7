package io.nautilus.analytics.api.risk;

/** How a value at risk is estimated. */
public enum VarMethod {
    /**
     * Today's positions revalued over each past day's returns; VaR is the (1 - confidence) percentile of those
     * P&amp;Ls with linear interpolation (numpy's default, Hyndman-Fan R_7), CVaR the mean of the P&amp;Ls at or
     * below it.
     */
    HISTORICAL,
    /**
     * Normal P&amp;L with the mean and the covariance (sample, n - 1) of the instruments' daily returns: VaR is
     * {@code mu + z(1 - c) sigma}, CVaR {@code mu - sigma phi(z) / (1 - c)}.
     */
    PARAMETRIC
}
