package io.nautilus.analytics.performance;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Value at risk and conditional value at risk (expected shortfall) of a returns sample, three ways.
 *
 * <p>Sign convention: results are returns, a loss is negative. {@code cutoff} is the probability of the tail:
 * 0.05 for VaR 95 %. VaR is the return that the period's return falls below with probability {@code cutoff}; CVaR is
 * the mean return in that tail (so {@code cvar <= var}).
 * <ul>
 *   <li>historical: the {@code cutoff} percentile of the sample, linearly interpolated between order statistics
 *       ({@link EstimationType#R_7}, numpy's default, as empyrical's {@code value_at_risk}); CVaR the mean of the
 *       sample values at or below it (empyrical's {@code conditional_value_at_risk});</li>
 *   <li>parametric: a normal law of mean {@code mu} and standard deviation {@code sigma}:
 *       {@code mu + sigma z} and {@code mu - sigma phi(z) / cutoff} with {@code z} the {@code cutoff} quantile of the
 *       standard normal law and {@code phi} its density;</li>
 *   <li>Monte Carlo: the historical figures of {@code paths} returns drawn from that normal law with a seeded
 *       {@link Well19937c} generator (same seed, same figures).</li>
 * </ul>
 */
public final class ValueAtRisk {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private final double[] sorted;
    private final Percentile percentile;

    private ValueAtRisk(double[] sorted) {
        this.sorted = sorted;
        this.percentile = new Percentile().withEstimationType(EstimationType.R_7);
        this.percentile.setData(sorted);
    }

    /**
     * Historical VaR and CVaR of a sample, which is copied and sorted once.
     *
     * @param returns the sample, at least one finite value
     * @return an object answering {@link #var(double)} and {@link #cvar(double)} for any cutoff
     * @throws IllegalArgumentException when the sample is empty
     */
    public static ValueAtRisk historical(double[] returns) {
        if (returns.length == 0) {
            throw new IllegalArgumentException("VaR of an empty sample");
        }
        double[] sorted = returns.clone();
        Arrays.sort(sorted);
        return new ValueAtRisk(sorted);
    }

    /**
     * Monte Carlo VaR and CVaR: {@code paths} returns drawn from the normal law {@code (mu, sigma)}.
     *
     * @param mu    mean return per period
     * @param sigma standard deviation of the return per period, {@code >= 0}
     * @param paths how many returns to draw, at least 1
     * @param seed  seed of the generator
     * @return an object answering {@link #var(double)} and {@link #cvar(double)} for any cutoff
     */
    public static ValueAtRisk monteCarlo(double mu, double sigma, int paths, long seed) {
        if (paths < 1 || !(sigma >= 0)) {
            throw new IllegalArgumentException("Monte Carlo VaR needs paths >= 1 and sigma >= 0, got " + paths
                    + " and " + sigma);
        }
        RandomGenerator random = new Well19937c(seed);
        double[] draws = new double[paths];
        for (int i = 0; i < paths; i++) {
            draws[i] = mu + sigma * random.nextGaussian();
        }
        Arrays.sort(draws);
        return new ValueAtRisk(draws);
    }

    /**
     * @param cutoff probability of the tail, in [0, 1] (0.05 for VaR 95 %)
     * @return the sample's {@code cutoff} percentile, linearly interpolated
     */
    public double var(double cutoff) {
        checkCutoff(cutoff);
        if (cutoff == 0) {
            return sorted[0];
        }
        return percentile.evaluate(100 * cutoff);
    }

    /**
     * @param cutoff probability of the tail, in [0, 1] (0.05 for CVaR 95 %)
     * @return the mean of the sample's values at or below {@link #var(double)}
     */
    public double cvar(double cutoff) {
        double var = var(cutoff);
        double sum = 0;
        int count = 0;
        for (double x : sorted) {
            if (x > var) {
                break;
            }
            sum += x;
            count++;
        }
        return count == 0 ? var : sum / count;
    }

    /**
     * Parametric (normal) VaR.
     *
     * @param mu     mean return per period
     * @param sigma  standard deviation of the return per period
     * @param cutoff probability of the tail, in (0, 1)
     * @return {@code mu + sigma z}, {@code z} the standard normal {@code cutoff} quantile
     */
    public static double parametricVar(double mu, double sigma, double cutoff) {
        checkOpenCutoff(cutoff);
        return mu + sigma * STANDARD_NORMAL.inverseCumulativeProbability(cutoff);
    }

    /**
     * Parametric (normal) CVaR, the mean of the normal law below its VaR.
     *
     * @param mu     mean return per period
     * @param sigma  standard deviation of the return per period
     * @param cutoff probability of the tail, in (0, 1)
     * @return {@code mu - sigma phi(z) / cutoff}
     */
    public static double parametricCvar(double mu, double sigma, double cutoff) {
        checkOpenCutoff(cutoff);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(cutoff);
        return mu - sigma * STANDARD_NORMAL.density(z) / cutoff;
    }

    private static void checkCutoff(double cutoff) {
        if (!(cutoff >= 0 && cutoff <= 1)) {
            throw new IllegalArgumentException("VaR cutoff must be in [0, 1], got " + cutoff);
        }
    }

    private static void checkOpenCutoff(double cutoff) {
        if (!(cutoff > 0 && cutoff < 1)) {
            throw new IllegalArgumentException("parametric VaR cutoff must be in (0, 1), got " + cutoff);
        }
    }
}
