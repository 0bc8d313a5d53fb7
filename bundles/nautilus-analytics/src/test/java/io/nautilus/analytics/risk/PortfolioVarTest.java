package io.nautilus.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** VaR/CVaR on fixed return series whose numbers can be checked by hand. */
class PortfolioVarTest {

    /** Ten daily returns, sorted for reading (order does not matter): -5 %, -3 %, -1 %, 0 ... 6 %. */
    private static final double[][] TEN = column(-0.05, -0.03, -0.01, 0.00, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06);

    /** Mean 0, sample standard deviation sqrt(4 x 0.0001 / 3) = 0.0115470. */
    private static final double[] ALTERNATING = {0.01, -0.01, 0.01, -0.01};

    private static double[][] column(double... returns) {
        double[][] m = new double[returns.length][1];
        for (int t = 0; t < returns.length; t++) {
            m[t][0] = returns[t];
        }
        return m;
    }

    private static double[][] columns(double[] a, double[] b) {
        double[][] m = new double[a.length][2];
        for (int t = 0; t < a.length; t++) {
            m[t][0] = a[t];
            m[t][1] = b[t];
        }
        return m;
    }

    @Test
    void historicalVarIsTheLinearlyInterpolatedPercentileOfThePnl() {
        // P&L of 1000 long: -50 -30 -10 0 10 20 30 40 50 60. R_7 (numpy): h = (n - 1) p = 9 x 0.05 = 0.45,
        // VaR = -50 + 0.45 x (-30 - -50) = -41; the only P&L at or below is -50
        PortfolioVar.Estimate e = PortfolioVar.historical(new double[] {1000}, TEN, 0.95);
        assertThat(e.var()).isCloseTo(-41.0, within(1e-9));
        assertThat(e.cvar()).isCloseTo(-50.0, within(1e-9));
    }

    @Test
    void historicalVarAt99Interpolates() {
        // h = 9 x 0.01 = 0.09: -50 + 0.09 x 20 = -48.2
        PortfolioVar.Estimate e = PortfolioVar.historical(new double[] {1000}, TEN, 0.99);
        assertThat(e.var()).isCloseTo(-48.2, within(1e-9));
        assertThat(e.cvar()).isCloseTo(-50.0, within(1e-9));
    }

    @Test
    void historicalVarOfAShortLosesOnRises() {
        // P&L of 1000 short, sorted: -60 -50 -40 -30 -20 -10 0 10 30 50; VaR = -60 + 0.45 x 10 = -55.5
        PortfolioVar.Estimate e = PortfolioVar.historical(new double[] {-1000}, TEN, 0.95);
        assertThat(e.var()).isCloseTo(-55.5, within(1e-9));
        assertThat(e.cvar()).isCloseTo(-60.0, within(1e-9));
    }

    @Test
    void historicalCvarAveragesTheWholeTail() {
        // 20 returns -10 %, -9 % ... 9 %: P&L of 100 is -10 .. 9; h = 19 x 0.05 = 0.95, VaR = -10 + 0.95 = -9.05;
        // at or below: -10 only. At 80 %: h = 19 x 0.2 = 3.8, VaR = -7 + 0.8 = -6.2; tail -10 -9 -8 -7, mean -8.5
        double[] r = new double[20];
        for (int t = 0; t < 20; t++) {
            r[t] = (t - 10) / 100.0;
        }
        assertThat(PortfolioVar.historical(new double[] {100}, column(r), 0.95).var()).isCloseTo(-9.05, within(1e-9));
        PortfolioVar.Estimate e80 = PortfolioVar.historical(new double[] {100}, column(r), 0.80);
        assertThat(e80.var()).isCloseTo(-6.2, within(1e-9));
        assertThat(e80.cvar()).isCloseTo(-8.5, within(1e-9));
    }

    @Test
    void parametricVarIsNormalWithTheSampleStandardDeviation() {
        // sigma = 1000 x 0.0115470 = 11.5470; z(0.05) = -1.6448536, phi(z) = 0.1031356:
        // VaR = -18.99313, CVaR = -11.5470 x 0.1031356 / 0.05 = -23.81816 (Python statistics.NormalDist)
        PortfolioVar.Estimate e = PortfolioVar.parametric(new double[] {1000}, column(ALTERNATING), 0.95);
        assertThat(e.var()).isCloseTo(-18.99313368595929, within(1e-9));
        assertThat(e.cvar()).isCloseTo(-23.81815589350606, within(1e-9));
        PortfolioVar.Estimate e99 = PortfolioVar.parametric(new double[] {1000}, column(ALTERNATING), 0.99);
        assertThat(e99.var()).isCloseTo(-26.862351426123862, within(1e-9));
        assertThat(e99.cvar()).isCloseTo(-30.775242951293393, within(1e-9));
    }

    @Test
    void parametricVarIncludesTheMeanReturn() {
        // every return shifted up by 1 %: mean P&L +10, same sigma
        double[] shifted = {0.02, 0.0, 0.02, 0.0};
        PortfolioVar.Estimate e = PortfolioVar.parametric(new double[] {1000}, column(shifted), 0.95);
        assertThat(e.var()).isCloseTo(10 - 18.99313368595929, within(1e-9));
    }

    @Test
    void perfectlyCorrelatedAssetsAddTheirVar() {
        double[][] same = columns(ALTERNATING, ALTERNATING);
        double single = PortfolioVar.parametric(new double[] {1000}, column(ALTERNATING), 0.99).var();
        assertThat(PortfolioVar.correlation(same)[0][1]).isCloseTo(1.0, within(1e-12));
        assertThat(PortfolioVar.parametric(new double[] {1000, 1000}, same, 0.99).var())
                .isCloseTo(2 * single, within(1e-9));
        assertThat(PortfolioVar.historical(new double[] {1000, 1000}, same, 0.99).var())
                .isCloseTo(2 * PortfolioVar.historical(new double[] {1000}, column(ALTERNATING), 0.99).var(),
                        within(1e-9));
    }

    @Test
    void uncorrelatedAssetsDiversify() {
        // sample covariance of (1, -1, 1, -1) and (1, 1, -1, -1) is 0: sigma of the sum is sqrt(2) x sigma of one
        double[] other = {0.01, 0.01, -0.01, -0.01};
        double[][] both = columns(ALTERNATING, other);
        double single = PortfolioVar.parametric(new double[] {1000}, column(ALTERNATING), 0.95).var();
        assertThat(PortfolioVar.correlation(both)[0][1]).isCloseTo(0.0, within(1e-12));
        assertThat(PortfolioVar.parametric(new double[] {1000, 1000}, both, 0.95).var())
                .isCloseTo(Math.sqrt(2) * single, within(1e-9));
    }

    @Test
    void aPerfectHedgeHasNoParametricRisk() {
        double[][] same = columns(ALTERNATING, ALTERNATING);
        PortfolioVar.Estimate e = PortfolioVar.parametric(new double[] {1000, -1000}, same, 0.99);
        assertThat(e.var()).isCloseTo(0.0, within(1e-9));
        assertThat(e.cvar()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> PortfolioVar.historical(new double[] {1}, new double[0][1], 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no return observations");
        assertThatThrownBy(() -> PortfolioVar.parametric(new double[] {1}, column(0.01), 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> PortfolioVar.historical(new double[] {1}, TEN, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence 1.0");
        assertThatThrownBy(() -> PortfolioVar.historical(new double[] {1, 2}, TEN, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 position values for 1");
    }
}
