package io.nautilus.marketdata.internal;

import io.nautilus.api.instrument.FixedPoint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static io.nautilus.marketdata.internal.Fixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TickNormaliserTest {

    @Test
    void decimalTextConvertsExactlyAtTheInstrumentScales() {
        assertThat(TickNormaliser.price(BTC, "price", "101.25")).isEqualTo(10125);
        assertThat(TickNormaliser.price(BTC, "price", " 101.2500 ")).isEqualTo(10125);
        assertThat(TickNormaliser.quantity(BTC, "size", "0.0015")).isEqualTo(15);
        assertThat(TickNormaliser.price(BTC, "price", "1E+3")).isEqualTo(100_000);
    }

    @Test
    void doublesConvertThroughTheirShortestDecimal() {
        assertThat(TickNormaliser.price(BTC, "price", 0.1)).isEqualTo(10);
        assertThat(TickNormaliser.quantity(BTC, "size", 1.0001)).isEqualTo(10_001);
    }

    @Test
    void moreDecimalsThanTheScaleIsAnErrorNamingValueAndScale() {
        assertThatThrownBy(() -> TickNormaliser.price(BTC, "bid", "101.255"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BTC-USD bid")
                .hasMessageContaining("101.255")
                .hasMessageContaining("scale 2");
        assertThatThrownBy(() -> TickNormaliser.quantity(BTC, "size", 0.00001))
                .hasMessageContaining("scale 4");
    }

    @Test
    void overflowIsAnError() {
        assertThatThrownBy(() -> TickNormaliser.price(BTC, "price", "1e30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit a long at scale 2");
    }

    @Test
    void notANumberMissingOrInfiniteIsAnError() {
        assertThatThrownBy(() -> TickNormaliser.price(BTC, "ask", "abc")).hasMessageContaining("'abc' is not a decimal");
        assertThatThrownBy(() -> TickNormaliser.price(BTC, "ask", (String) null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> TickNormaliser.price(BTC, "ask", Double.NaN)).hasMessageContaining("not a finite");
        assertThatThrownBy(() -> TickNormaliser.price(BTC, "ask", Double.POSITIVE_INFINITY))
                .hasMessageContaining("not a finite");
    }

    @Test
    void theAllocationFreePathAgreesWithTheExactPathOnPlainAndOddText() {
        String[] odd = {"0", "-0", "0.0", "007.50", "1.", ".5", "-", "", " 1", "1 ", "+1", "1e3", "1.2.3", "12a",
            "999999999999999999", "9999999999999999999", "92233720368547758.07", "92233720368547758.08",
            "-92233720368547758.07", "0.000000000000000001", "1.230000000000000000000", "1.2345", "1.23450"};
        for (String text : odd) {
            for (int scale = 0; scale <= FixedPoint.MAX_SCALE; scale++) {
                assertSameAsExact(text, scale);
            }
        }
        long seed = 20261125L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(0, 12);
            long unscaled = random.nextLong() >> random.nextInt(0, 63);
            String text = BigDecimal.valueOf(unscaled, decimals).toPlainString();
            assertSameAsExact(text, random.nextInt(0, FixedPoint.MAX_SCALE + 1));
        }
    }

    private static void assertSameAsExact(String text, int scale) {
        long fast = TickNormaliser.parsePlain(text, scale);
        if (fast == TickNormaliser.NOT_PLAIN) {
            return; // the exact path decides
        }
        assertThat(fast).as("'%s' at scale %d", text, scale)
                .isEqualTo(FixedPoint.fromBigDecimal(new BigDecimal(text.strip()), scale));
    }
}
