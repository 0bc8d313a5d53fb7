package io.nautilus.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.analytics.api.risk.BrinsonEffects;
import io.nautilus.analytics.api.risk.BrinsonMethod;
import io.nautilus.analytics.api.risk.BrinsonResult;
import io.nautilus.analytics.api.risk.BrinsonSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Brinson attribution against a published worked example: FinFacts, "Brinson–Fachler Attribution (A/S/I)",
 * https://www.finfacts.io/calculations/brinson-fachler-asi (sections 3 "Input Sample Data" and 4 "Mathematical
 * Solution"): five fixed-income segments, benchmark return 2.56 %, effects in basis points. The BHB allocations are
 * the same data through the BHB formula {@code (wp - wb) rb}, worked by hand below; their total equals the BF total
 * because both sides' weights sum to 1 (as pybrinson's methods reference states,
 * https://gghez.github.io/pybrinson/methods/).
 */
class BrinsonTest {

    private static final double BP = 1e-4;

    private static final List<BrinsonSegment> EXAMPLE = List.of(
            new BrinsonSegment("Government", 0.35, 0.40, 0.0210, 0.0180),
            new BrinsonSegment("Credit", 0.30, 0.25, 0.0450, 0.0380),
            new BrinsonSegment("Mortgages", 0.15, 0.20, 0.0320, 0.0300),
            new BrinsonSegment("High Yield", 0.10, 0.05, 0.0650, 0.0500),
            new BrinsonSegment("Cash", 0.10, 0.10, 0.0050, 0.0040));

    private static void assertEffects(BrinsonEffects e, double allocationBp, double selectionBp, double interactionBp) {
        assertThat(e.allocation() / BP).as(e.name() + " allocation (bp)").isCloseTo(allocationBp, within(1e-9));
        assertThat(e.selection() / BP).as(e.name() + " selection (bp)").isCloseTo(selectionBp, within(1e-9));
        assertThat(e.interaction() / BP).as(e.name() + " interaction (bp)").isCloseTo(interactionBp, within(1e-9));
    }

    @Test
    void brinsonFachlerMatchesThePublishedExample() {
        BrinsonResult r = Brinson.attribute(BrinsonMethod.BF, EXAMPLE);
        assertThat(r.benchmarkReturn()).isCloseTo(0.0256, within(1e-12));
        assertEffects(r.segments().get(0), 3.8, 12.0, -1.5);
        assertEffects(r.segments().get(1), 6.2, 17.5, 3.5);
        assertEffects(r.segments().get(2), -2.2, 4.0, -1.0);
        assertEffects(r.segments().get(3), 12.2, 7.5, 7.5);
        assertEffects(r.segments().get(4), 0.0, 1.0, 0.0);
        assertEffects(r.total(), 20.0, 42.0, 8.5);
        // Rp = 3.265 %, active 70.5 bp = 20.0 + 42.0 + 8.5
        assertThat(r.portfolioReturn()).isCloseTo(0.03265, within(1e-12));
        assertThat(r.activeReturn() / BP).isCloseTo(70.5, within(1e-9));
        assertThat(r.total().active()).isCloseTo(r.activeReturn(), within(1e-15));
        assertThat(r.total().selectionWithInteraction() / BP).isCloseTo(50.5, within(1e-9));
    }

    @Test
    void brinsonHoodBeebowerAllocatesAgainstSegmentReturns() {
        // (wp - wb) rb: -0.05 x 1.80 % = -9.0 bp, 0.05 x 3.80 % = 19.0, -0.05 x 3.00 % = -15.0, 0.05 x 5.00 % = 25.0, 0
        BrinsonResult r = Brinson.attribute(BrinsonMethod.BHB, EXAMPLE);
        assertEffects(r.segments().get(0), -9.0, 12.0, -1.5);
        assertEffects(r.segments().get(1), 19.0, 17.5, 3.5);
        assertEffects(r.segments().get(2), -15.0, 4.0, -1.0);
        assertEffects(r.segments().get(3), 25.0, 7.5, 7.5);
        assertEffects(r.segments().get(4), 0.0, 1.0, 0.0);
        assertEffects(r.total(), 20.0, 42.0, 8.5);
        assertThat(r.total().active()).isCloseTo(r.activeReturn(), within(1e-15));
    }

    @Test
    void badSegmentsAreRefused() {
        assertThatThrownBy(() -> Brinson.attribute(BrinsonMethod.BF, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one segment");
        assertThatThrownBy(() -> Brinson.attribute(BrinsonMethod.BHB, List.of(
                new BrinsonSegment("A", 0.5, 0.5, 0, 0), new BrinsonSegment("A", 0.5, 0.5, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("segment A is given twice");
        assertThatThrownBy(() -> Brinson.attribute(BrinsonMethod.BHB, List.of(
                new BrinsonSegment("A", 0.6, 1.0, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("portfolio weights sum to 0.6");
        assertThatThrownBy(() -> new BrinsonSegment("A", Double.NaN, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }
}
