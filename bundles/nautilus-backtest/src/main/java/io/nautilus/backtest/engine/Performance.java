package io.nautilus.backtest.engine;

/**
 * Figures of an equity curve (one value per day), as {@code stats.json} reports them.
 *
 * <p>Conventions: daily returns are {@code e[i] / e[i-1] - 1}, the first day's against the starting capital; the
 * Sharpe ratio is their mean over their sample standard deviation (n - 1 degrees of freedom), times
 * {@code sqrt(252)}, with a risk-free rate of 0, and 0 when it is undefined (fewer than two days, or no variation);
 * the maximum drawdown is the largest fall from a running peak (the capital included) as a positive fraction of the
 * peak, 0 if the curve never falls.
 */
public final class Performance {

    /** Trading days per year used to annualise. */
    public static final int PERIODS_PER_YEAR = 252;

    private Performance() {
    }

    /**
     * @param capital the starting equity, greater than zero
     * @param equity  the end-of-day equities, in day order
     * @return the annualised Sharpe ratio, 0 when undefined
     */
    public static double sharpe(double capital, double[] equity) {
        int n = equity.length;
        if (n < 2) {
            return 0;
        }
        double[] returns = new double[n];
        double previous = capital;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            returns[i] = previous == 0 ? 0 : equity[i] / previous - 1;
            previous = equity[i];
            sum += returns[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double std = Math.sqrt(squares / (n - 1));
        if (!(std > 1e-15)) {
            return 0;
        }
        return mean / std * Math.sqrt(PERIODS_PER_YEAR);
    }

    /**
     * @param capital the starting equity, greater than zero
     * @param equity  the end-of-day equities, in day order
     * @return the maximum drawdown as a positive fraction, 0 if none
     */
    public static double maxDrawdown(double capital, double[] equity) {
        double peak = capital;
        double worst = 0;
        for (double e : equity) {
            if (e > peak) {
                peak = e;
            } else if (peak > 0) {
                worst = Math.max(worst, (peak - e) / peak);
            }
        }
        return worst;
    }
}
