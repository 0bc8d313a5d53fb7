package io.nautilus.backtest.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformanceTest {

    @Test
    void drawdownIsTheLargestFallFromARunningPeak() {
        double[] curve = {110, 99, 121};

        assertThat(Performance.maxDrawdown(100, curve)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void sharpeIsMeanOverSampleDeviationAnnualised() {
        double[] curve = {101, 100.99, 102.0099};
        // returns 0.01, -0.0000990099..., 0.0101
        double r1 = 0.01;
        double r2 = 100.99 / 101 - 1;
        double r3 = 102.0099 / 100.99 - 1;
        double mean = (r1 + r2 + r3) / 3;
        double sd = Math.sqrt(((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean) + (r3 - mean) * (r3 - mean)) / 2);

        assertThat(Performance.sharpe(100, curve)).isCloseTo(mean / sd * Math.sqrt(252), within(1e-9));
    }

    @Test
    void sharpeIsZeroWhenUndefined() {
        assertThat(Performance.sharpe(100, new double[] {101})).isZero();
        assertThat(Performance.sharpe(100, new double[] {100, 100, 100})).isZero();
        assertThat(Performance.maxDrawdown(100, new double[0])).isZero();
    }
}
