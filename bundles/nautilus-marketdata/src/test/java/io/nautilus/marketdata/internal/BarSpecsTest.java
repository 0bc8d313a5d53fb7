package io.nautilus.marketdata.internal;

import io.nautilus.marketdata.api.BarSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarSpecsTest {

    @Test
    void parsesEachBarType() {
        assertThat(BarSpecs.parse(new String[] {"time:250ms", " time:5s ", "time:1m", "time:1h", "", "ticks:100",
            "volume:5000"})).containsExactly(
                BarSpec.time(250_000_000L), BarSpec.time(5_000_000_000L), BarSpec.time(60_000_000_000L),
                BarSpec.time(3_600_000_000_000L), BarSpec.ticks(100), BarSpec.volume(5000));
    }

    @Test
    void badEntriesNameTheEntryAndTheExpectedForm() {
        assertThatThrownBy(() -> BarSpecs.parse("time:5")).hasMessageContaining("'time:5'")
                .hasMessageContaining("needs a unit").hasMessageContaining("expected time:<n>ms|s|m|h");
        assertThatThrownBy(() -> BarSpecs.parse("range:5")).hasMessageContaining("unknown bar type 'range'");
        assertThatThrownBy(() -> BarSpecs.parse("ticks:0")).hasMessageContaining("must be greater than zero");
        assertThatThrownBy(() -> BarSpecs.parse("ticks:x")).hasMessageContaining("'ticks:x'");
    }
}
