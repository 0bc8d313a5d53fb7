package io.nautilus.marketdata.internal;

import org.junit.jupiter.api.Test;

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
}
