package io.nautilus.router.internal;

import io.nautilus.api.Side;
import io.nautilus.router.api.VenueScore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.nautilus.router.internal.Fixtures.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class VenueScoreDecayTest {

    private static final long HALF_LIFE = 60_000_000_000L;

    private static RouterSettings settings(double priorWeight) {
        RouterSettings d = RouterSettings.defaults().withHalfLife(HALF_LIFE);
        return new RouterSettings(d.halfLifeNanos(), d.impactModel(), d.impactCoefficient(), d.maxChildren(),
                BigDecimal.ZERO, 1, 1, 1, 10, 1000, priorWeight, 0.5, 100);
    }

    private static VenueScore score(VenueStats s, long now, RouterSettings settings) {
        double[] c = new double[VenueStats.COMPONENTS];
        s.score(now, settings, Side.BUY, c);
        return s.toScore(c);
    }

    @Test
    void aSamplesWeightHalvesAfterOneHalfLife() {
        VenueStats s = new VenueStats(A);
        long t0 = 1_000_000_000_000L;
        s.addFill(t0, HALF_LIFE, 100, 100);
        s.addLatency(t0, HALF_LIFE, 200);
        s.addSlippage(t0, HALF_LIFE, Side.BUY, 100, 4);
        RouterSettings none = settings(0);
        assertThat(score(s, t0, none).fillWeight()).isEqualTo(1.0);
        assertThat(score(s, t0 + HALF_LIFE, none).fillWeight()).isCloseTo(0.5, offset(1e-12));
        assertThat(score(s, t0 + HALF_LIFE, none).latencyWeight()).isCloseTo(0.5, offset(1e-12));
        assertThat(score(s, t0 + HALF_LIFE, none).slippageWeight()).isCloseTo(0.5, offset(1e-12));
        assertThat(score(s, t0 + 2 * HALF_LIFE, none).fillWeight()).isCloseTo(0.25, offset(1e-12));
    }

    @Test
    void newerSamplesOutweighOlderOnes() {
        VenueStats s = new VenueStats(A);
        long t0 = 1_000_000_000_000L;
        s.addFill(t0, HALF_LIFE, 100, 0);
        s.addFill(t0 + HALF_LIFE, HALF_LIFE, 100, 100);
        // (0 x 0.5 + 100) / (100 x 0.5 + 100) = 2/3
        assertThat(score(s, t0 + HALF_LIFE, settings(0)).fillRate()).isCloseTo(2.0 / 3, offset(1e-12));
        s.addLatency(t0, HALF_LIFE, 100); // a sample dated before the last one counts at the current time
        s.addLatency(t0 + 2 * HALF_LIFE, HALF_LIFE, 400);
        // latency sums: 100 x 0.5 + 400 over 0.5 + 1 = 300 us
        assertThat(score(s, t0 + 2 * HALF_LIFE, settings(0)).ackLatencyMicros()).isCloseTo(300, offset(1e-9));
    }

    @Test
    void aVenueWithoutHistoryScoresTheNeutralPrior() {
        VenueScore s = score(new VenueStats(A), 5, settings(1));
        assertThat(s.fillRate()).isEqualTo(0.5);
        assertThat(s.buySlippageBps()).isZero();
        assertThat(s.ackLatencyMicros()).isEqualTo(1000);
        assertThat(s.fillScore()).isEqualTo(0.5);
        assertThat(s.slippageScore()).isEqualTo(0.5);
        assertThat(s.latencyScore()).isEqualTo(0.5);
        assertThat(s.combined()).isEqualTo(0.5);
    }

    @Test
    void thePriorFadesAsHistoryDecays() {
        VenueStats s = new VenueStats(A);
        long t0 = 1_000_000_000_000L;
        s.addFill(t0, HALF_LIFE, 100, 100); // fill rate 1 with weight 1 vs prior 0.5 with weight 1
        assertThat(score(s, t0, settings(1)).fillRate()).isCloseTo(0.75, offset(1e-12));
        // after one half-life: (0.5 x 1 + 1 x 0.5) / 1.5 = 2/3
        assertThat(score(s, t0 + HALF_LIFE, settings(1)).fillRate()).isCloseTo(2.0 / 3, offset(1e-12));
    }

    @Test
    void componentsCombineWithTheConfiguredWeights() {
        VenueStats s = new VenueStats(A);
        s.addFill(0, HALF_LIFE, 100, 80);
        s.addSlippage(0, HALF_LIFE, Side.BUY, 100, 5); // score 0.5 - 5 / 20 = 0.25
        s.addLatency(0, HALF_LIFE, 3000); // 1000 / 4000 = 0.25
        RouterSettings d = settings(0);
        RouterSettings w = new RouterSettings(d.halfLifeNanos(), d.impactModel(), 0, 8, BigDecimal.ZERO, 2, 1, 1, 10,
                1000, 0, 0.5, 100);
        VenueScore v = score(s, 0, w);
        assertThat(v.fillScore()).isCloseTo(0.8, offset(1e-12));
        assertThat(v.slippageScore()).isCloseTo(0.25, offset(1e-12));
        assertThat(v.latencyScore()).isCloseTo(0.25, offset(1e-12));
        assertThat(v.combined()).isCloseTo((2 * 0.8 + 0.25 + 0.25) / 4, offset(1e-12));
    }
}
