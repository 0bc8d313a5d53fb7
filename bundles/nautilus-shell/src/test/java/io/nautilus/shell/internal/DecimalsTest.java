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
                .hasMessage("price '12,5' is not a plain decimal number (digits with an optional '-' and '.', e.g."
                        + " 1000 or 0.25; no exponent, '+', hex or '_')");
        assertThatThrownBy(() -> Decimals.parse("quantity", "100000000000000000", 4))
                .hasMessage("quantity 100000000000000000 is too large for the instrument's scale of 4 decimals");
    }

    @Test
    void onlyPlainDecimalsAreNumbers() {
        for (String text : new String[] {"1e3", "1E3", "1.5e2", "+5", "0x10", "1_000", "NaN", "Infinity", "-Infinity",
            "--1", "1.2.3", "", "1 000", "\u0661"}) {
            assertThatThrownBy(() -> Decimals.parse("quantity", text, 4)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("quantity '" + text + "' is not a plain decimal number");
        }
        assertThat(Decimals.parse("quantity", " 1000 ", 0)).isEqualTo(1000);
        assertThat(Decimals.parse("price", "-0.5", 1)).isEqualTo(-5);
        assertThat(Decimals.parse("price", ".25", 2)).isEqualTo(25);
        assertThat(Decimals.parse("price", "3.", 0)).isEqualTo(3);
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
