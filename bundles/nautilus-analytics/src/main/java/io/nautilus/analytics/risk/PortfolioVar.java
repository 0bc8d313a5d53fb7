package io.nautilus.analytics.risk;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.stat.correlation.Covariance;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * One-day value at risk and expected shortfall of fixed positions over a return history, in money.
 *
 * <p>Conventions: P&amp;L of a day is {@code sum_i value_i * r_t,i} (today's positions revalued with each past day's
 * simple returns); losses are negative. Historical VaR is the {@code 100 (1 - confidence)} percentile of those
 * P&amp;Ls with linear interpolation ({@link Percentile.EstimationType#R_7}, numpy's default, as the performance
 * statistics use); historical CVaR is the mean of the P&amp;Ls at or below it. Parametric VaR assumes normal
 * P&amp;L with mean {@code v'mu} and variance {@code v' S v}, {@code S} the sample covariance (n - 1) of the returns.
 */
public final class PortfolioVar {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private PortfolioVar() {
    }

    /**
     * A VaR and CVaR pair.
     *
     * @param var  the P&amp;L at the quantile, negative for a loss
     * @param cvar the mean P&amp;L at or below it
     */
    public record Estimate(double var, double cvar) {
    }

    /**
     * The past days' P&amp;Ls of today's positions.
     *
     * @param values  the position values, in the matrix's column order
     * @param returns the return matrix ({@code returns[t][i]})
     * @return one P&amp;L per row
     */
    public static double[] pnl(double[] values, double[][] returns) {
        double[] pnl = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            checkWidth(values, returns[t]);
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[i] * returns[t][i];
            }
            pnl[t] = sum;
        }
        return pnl;
    }

    /**
     * Historical VaR and CVaR.
     *
     * @param values     the position values
     * @param returns    the return matrix, at least one row
     * @param confidence e.g. 0.95, between 0 and 1 exclusive
     * @return the estimate
     * @throws IllegalArgumentException if there is no row or the confidence is out of range
     */
    public static Estimate historical(double[] values, double[][] returns, double confidence) {
        checkConfidence(confidence);
        if (returns.length == 0) {
            throw new IllegalArgumentException("no return observations");
        }
        double[] pnl = pnl(values, returns);
        double var = new Percentile().withEstimationType(Percentile.EstimationType.R_7)
                .evaluate(pnl, 100 * (1 - confidence));
        double sum = 0;
        int tail = 0;
        for (double p : pnl) {
            if (p <= var) {
                sum += p;
                tail++;
            }
        }
        return new Estimate(var, sum / tail);
    }

    /**
     * Parametric (normal) VaR and CVaR with the covariance of the instruments' returns.
     *
     * @param values     the position values
     * @param returns    the return matrix, at least two rows
     * @param confidence e.g. 0.99, between 0 and 1 exclusive
     * @return the estimate
     * @throws IllegalArgumentException if there are fewer than two rows or the confidence is out of range
     */
    public static Estimate parametric(double[] values, double[][] returns, double confidence) {
        checkConfidence(confidence);
        if (returns.length < 2) {
            throw new IllegalArgumentException("a covariance needs at least 2 return observations, got "
                    + returns.length);
        }
        double mean = 0;
        for (int i = 0; i < values.length; i++) {
            double[] column = new double[returns.length];
            for (int t = 0; t < returns.length; t++) {
                column[t] = returns[t][i];
            }
            mean += values[i] * new Mean().evaluate(column);
        }
        RealMatrix covariance = new Covariance(returns).getCovarianceMatrix();
        double variance = 0;
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values.length; j++) {
                variance += values[i] * covariance.getEntry(i, j) * values[j];
            }
        }
        double sigma = Math.sqrt(Math.max(variance, 0));
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - confidence);
        double var = mean + z * sigma;
        double cvar = mean - sigma * STANDARD_NORMAL.density(z) / (1 - confidence);
        return new Estimate(var, cvar);
    }

    /**
     * The Pearson correlation matrix of the instruments' returns.
     *
     * @param returns the return matrix, at least two rows and two columns
     * @return {@code correlation[i][j]}
     */
    public static double[][] correlation(double[][] returns) {
        return new PearsonsCorrelation(returns).getCorrelationMatrix().getData();
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " must be between 0 and 1 exclusive");
        }
    }

    private static void checkWidth(double[] values, double[] row) {
        if (row.length != values.length) {
            throw new IllegalArgumentException(values.length + " position values for " + row.length
                    + " instruments' returns");
        }
    }
}
