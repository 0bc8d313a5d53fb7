package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.instrument.FixedPoint;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void parsesExactlyAtTheScaleWithTrailingZeros() {
        assertThat(Decimals.parse("price", "101.25", 2)).isEqualTo(10_125);
        assertThat(Decimals.parse("price", "101.2500", 2)).isEqualTo(10_125);
        assertThat(Decimals.parse("price", " 7 ", 0)).isEqualTo(7);
        assertThat(Decimals.parse("price", "-0.5", 1)).isEqualTo(-5);
    }

    @Test
    void tooManyDecimalsNamesTheValueAndTheScale() {
        assertThatThrownBy(() -> Decimals.parse("price", "1.005", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("price 1.005 is not on the instrument's scale of 2 decimals");
        assertThatThrownBy(() -> Decimals.parse("quantity", "0.5", 0))
                .hasMessage("quantity 0.5 is not on the instrument's scale of 0 decimals");
        assertThatThrownBy(() -> Decimals.parse("--stop", "0.55", 1))
                .hasMessage("--stop 0.55 is not on the instrument's scale of 1 decimal");
    }

    @Test
    void notANumberAndOverflowAreClear() {
        assertThatThrownBy(() -> Decimals.parse("price", "12,5", 2))
                .hasMessage("price '12,5' is not a decimal number");
        assertThatThrownBy(() -> Decimals.parse("quantity", "1e20", 4))
                .hasMessage("quantity 1e20 is too large for the instrument's scale of 4 decimals");
    }

    @Test
    void positiveRefusesZeroAndNegative() {
        assertThat(Decimals.parsePositive("quantity", "0.0001", 4)).isEqualTo(1);
        assertThatThrownBy(() -> Decimals.parsePositive("quantity", "0", 4))
                .hasMessage("quantity 0 must be greater than zero");
        assertThatThrownBy(() -> Decimals.parsePositive("--display", "-1", 4))
                .hasMessage("--display -1 must be greater than zero");
    }

    @Test
    void formatsBackWithTheScaleAndDashesForNone() {
        assertThat(Decimals.format(10_125, 2)).isEqualTo("101.25");
        assertThat(Decimals.format(-5, 4)).isEqualTo("-0.0005");
        assertThat(Decimals.format(FixedPoint.NULL, 2)).isEqualTo("-");
        assertThat(Decimals.formatOrDash(0, 2)).isEqualTo("-");
        assertThat(Decimals.formatOrDash(1, 2)).isEqualTo("0.01");
    }
}
