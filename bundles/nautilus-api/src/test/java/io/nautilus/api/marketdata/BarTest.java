package io.nautilus.api.marketdata;

import io.nautilus.api.InstrumentId;
import org.junit.jupiter.api.Test;

import static io.nautilus.api.instrument.FixedPoint.NULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BarTest {

    private static final InstrumentId ES = InstrumentId.of("ESZ4.CME");
    private static final long MINUTE = 60_000_000_000L;

    private static Bar bar(long open, long high, long low, long close, long volume, long trades) {
        return new Bar(ES, 10 * MINUTE, 11 * MINUTE, open, high, low, close, volume, trades);
    }

    @Test
    void acceptsAConsistentBar() {
        Bar bar = bar(100, 125, 75, 100, 40, 7);
        assertThat(bar.intervalNanos()).isEqualTo(MINUTE);
        assertThat(bar.range()).isEqualTo(50);
    }

    @Test
    void acceptsAFlatBarWithoutTrades() {
        assertThat(bar(100, 100, 100, 100, 0, 0).tradeCount()).isZero();
    }

    @Test
    void rejectsLowAboveOpen() {
        assertThatIllegalArgumentException().isThrownBy(() -> bar(100, 125, 101, 110, 40, 7))
                .withMessage("bar ESZ4.CME [600000000000, 660000000000): needs low <= open, close <= high;"
                        + " got open 100, high 125, low 101, close 110");
    }

    @Test
    void rejectsCloseAboveHigh() {
        assertThatIllegalArgumentException().isThrownBy(() -> bar(100, 125, 75, 150, 40, 7))
                .withMessageContaining("close 150");
    }

    @Test
    void rejectsHighBelowLow() {
        assertThatIllegalArgumentException().isThrownBy(() -> bar(100, 50, 150, 100, 40, 7))
                .withMessageContaining("needs low <= open, close <= high");
    }

    @Test
    void rejectsAnEmptyOrBackwardInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Bar(ES, MINUTE, MINUTE, 100, 100, 100, 100, 0, 0))
                .withMessageContaining("needs 0 <= start < end");
    }

    @Test
    void rejectsVolumeWithoutTradesAndTradesWithoutVolume() {
        assertThatIllegalArgumentException().isThrownBy(() -> bar(100, 100, 100, 100, 5, 0))
                .withMessageContaining("volume 5 and trade count 0 must both be 0 or both be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> bar(100, 100, 100, 100, 0, 3));
    }

    @Test
    void rejectsMissingPrices() {
        assertThatIllegalArgumentException().isThrownBy(() -> bar(NULL, 100, 100, 100, 1, 1))
                .withMessageContaining("open, high, low and close are all required");
    }
}
