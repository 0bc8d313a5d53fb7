package io.nautilus.api.instrument;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FixedPointTest {

    @ParameterizedTest
    @CsvSource({
            "101.25, 2, 10125",
            "101.2, 2, 10120",
            "101.2500, 2, 10125",
            "-0.5, 2, -50",
            "0, 8, 0",
            "-0.00000001, 8, -1",
            "1E+3, 2, 100000",
            "42, 0, 42",
            "0.000000000000000001, 18, 1",
            "92233720368547758.07, 2, 9223372036854775807",
            "-92233720368547758.07, 2, -9223372036854775807"
    })
    void parsesExactly(String text, int scale, long expected) {
        assertThat(FixedPoint.parse(text, scale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10125, 2, 101.25", "-50, 2, -0.50", "1, 8, 0.00000001", "7, 0, 7", "-1, 18, -0.000000000000000001"})
    void formatsWithExactlyScaleDecimals(long value, int scale, String expected) {
        assertThat(FixedPoint.format(value, scale)).isEqualTo(expected);
    }

    @Test
    void roundTripsRandomValuesThroughTextAndBigDecimal() {
        long seed = 20240601L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong(-Long.MAX_VALUE, Long.MAX_VALUE);
            int scale = random.nextInt(FixedPoint.MAX_SCALE + 1);
            String text = FixedPoint.format(value, scale);
            assertThat(FixedPoint.parse(text, scale)).as("seed %d, value %d, scale %d", seed, value, scale)
                    .isEqualTo(value);
            assertThat(FixedPoint.fromBigDecimal(FixedPoint.toBigDecimal(value, scale), scale))
                    .as("seed %d, value %d, scale %d", seed, value, scale).isEqualTo(value);
        }
    }

    @Test
    void rejectsMoreDecimalsThanTheScaleNamingValueAndScale() {
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> FixedPoint.parse("101.255", 2))
                .withMessage("101.255 has more decimals than scale 2");
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> FixedPoint.fromBigDecimal(new BigDecimal("-0.5"), 0))
                .withMessage("-0.5 has more decimals than scale 0");
    }

    @Test
    void rejectsValuesThatOverflowALongNamingValueAndScale() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> FixedPoint.parse("92233720368547758.08", 2))
                .withMessageStartingWith("92233720368547758.08 does not fit a long at scale 2");
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> FixedPoint.parse("-100000000000", 8))
                .withMessageStartingWith("-100000000000 does not fit a long at scale 8");
    }

    @Test
    void neverProducesTheNullValue() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> FixedPoint.parse("-92233720368547758.08", 2))
                .withMessageContaining("does not fit");
    }

    @Test
    void rejectsHugeExponentsWithoutExpandingThem() {
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> FixedPoint.parse("1E+999999999", 2))
                .withMessageContaining("does not fit a long at scale 2");
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> FixedPoint.parse("1E-999999999", 18))
                .withMessageContaining("more decimals than scale 18");
    }

    @Test
    void rejectsTextThatIsNotANumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.parse("12,5", 2))
                .withMessage("'12,5' is not a decimal number");
    }

    @Test
    void rejectsScalesOutsideTheSupportedRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.parse("1", 19))
                .withMessage("scale 19 is outside 0..18");
        assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.pow10(-1))
                .withMessage("scale -1 is outside 0..18");
        assertThat(FixedPoint.pow10(18)).isEqualTo(1_000_000_000_000_000_000L);
    }

    @Test
    void nullHasNoDecimalValue() {
        assertThat(FixedPoint.isNull(FixedPoint.NULL)).isTrue();
        assertThat(FixedPoint.isNull(0)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.toBigDecimal(FixedPoint.NULL, 2));
    }

    @ParameterizedTest(name = "{0} / {1} with {2} is {3}")
    @CsvSource({
            "7, 3, UP, 3", "-7, 3, UP, -3",
            "7, 3, DOWN, 2", "-7, 3, DOWN, -2",
            "7, 3, CEILING, 3", "-7, 3, CEILING, -2",
            "7, 3, FLOOR, 2", "-7, 3, FLOOR, -3",
            "5, 2, HALF_UP, 3", "-5, 2, HALF_UP, -3",
            "5, 2, HALF_DOWN, 2", "-5, 2, HALF_DOWN, -2",
            "5, 2, HALF_EVEN, 2", "-5, 2, HALF_EVEN, -2",
            "7, 2, HALF_EVEN, 4", "-7, 2, HALF_EVEN, -4",
            "8, 3, HALF_DOWN, 3", "-8, 3, HALF_DOWN, -3",
            "7, 3, HALF_UP, 2", "-7, 3, HALF_UP, -2"
    })
    void dividesWithEachRoundingMode(long dividend, long divisor, RoundingMode mode, long expected) {
        assertThat(FixedPoint.divide(dividend, divisor, mode)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = RoundingMode.class, names = "UNNECESSARY", mode = EnumSource.Mode.EXCLUDE)
    void divideAgreesWithBigDecimalForRandomOperands(RoundingMode mode) {
        long seed = 7L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            long dividend = i % 2 == 0 ? random.nextLong() : random.nextLong(-1000, 1000);
            long divisor = i % 3 == 0 ? random.nextLong(1, Long.MAX_VALUE) : random.nextLong(1, 100);
            if (dividend == Long.MIN_VALUE) {
                continue;
            }
            long expected = BigDecimal.valueOf(dividend).divide(BigDecimal.valueOf(divisor), 0, mode).longValueExact();
            assertThat(FixedPoint.divide(dividend, divisor, mode))
                    .as("seed %d: %d / %d %s", seed, dividend, divisor, mode).isEqualTo(expected);
        }
    }

    @Test
    void inexactDivisionIsRefusedWhenRoundingIsUnnecessary() {
        assertThat(FixedPoint.divide(10, 5, RoundingMode.UNNECESSARY)).isEqualTo(2);
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> FixedPoint.divide(7, 5, RoundingMode.UNNECESSARY))
                .withMessageContaining("7 / 5 is inexact");
        assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.divide(7, 0, RoundingMode.DOWN))
                .withMessage("divisor 0 must be greater than zero");
    }

    @Test
    void rescalesUpExactlyAndDownWithRounding() {
        assertThat(FixedPoint.rescale(10125, 2, 4, RoundingMode.UNNECESSARY)).isEqualTo(1_012_500);
        assertThat(FixedPoint.rescale(10125, 2, 1, RoundingMode.HALF_EVEN)).isEqualTo(1012);
        assertThat(FixedPoint.rescale(10135, 2, 1, RoundingMode.HALF_EVEN)).isEqualTo(1014);
        assertThat(FixedPoint.rescale(-10125, 2, 0, RoundingMode.FLOOR)).isEqualTo(-102);
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> FixedPoint.rescale(Long.MAX_VALUE / 10, 0, 2, RoundingMode.UNNECESSARY))
                .withMessageContaining("overflows a long at scale 2");
    }

    @Test
    void multipliesPriceByQuantityToANotionalAtPriceScale() {
        long price = 5_012_345;
        long quantity = 150_000_000;
        assertThat(FixedPoint.multiply(price, 2, quantity, 8, 2, RoundingMode.HALF_EVEN)).isEqualTo(7_518_518);
        assertThat(FixedPoint.multiply(-price, 2, quantity, 8, 2, RoundingMode.HALF_EVEN)).isEqualTo(-7_518_518);
        assertThat(FixedPoint.multiply(price, 2, quantity, 8, 2, RoundingMode.HALF_DOWN)).isEqualTo(7_518_517);
        assertThat(FixedPoint.multiply(price, 2, quantity, 8, 2, RoundingMode.FLOOR)).isEqualTo(7_518_517);
        assertThat(FixedPoint.multiply(price, 2, 1, 8, 2, RoundingMode.CEILING)).isEqualTo(1);
        assertThat(FixedPoint.multiply(price, 2, 1, 8, 2, RoundingMode.FLOOR)).isZero();
    }

    @Test
    void multiplyRejectsAnOverflowingProduct() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> FixedPoint.multiply(10_000_000_000L, 2, 10_000_000_000L, 8, 2, RoundingMode.DOWN))
                .withMessage("10000000000 (scale 2) * 10000000000 (scale 8) overflows a long");
    }

    @Test
    void multiplyHandlesCombinedScalesBeyondEighteen() {
        long oneAtEighteen = FixedPoint.pow10(18);
        assertThat(FixedPoint.multiply(3, 18, oneAtEighteen, 18, 18, RoundingMode.UNNECESSARY)).isEqualTo(3);
        assertThat(FixedPoint.multiply(5, 18, 1, 18, 0, RoundingMode.UP)).isEqualTo(1);
        assertThat(FixedPoint.multiply(5, 18, 1, 18, 0, RoundingMode.HALF_UP)).isZero();
    }

    @Test
    void roundsToMultiplesOfAStep() {
        assertThat(FixedPoint.roundToMultiple(10_137, 25, RoundingMode.FLOOR)).isEqualTo(10_125);
        assertThat(FixedPoint.roundToMultiple(10_137, 25, RoundingMode.CEILING)).isEqualTo(10_150);
        assertThat(FixedPoint.roundToMultiple(10_137, 25, RoundingMode.HALF_UP)).isEqualTo(10_125);
        assertThat(FixedPoint.roundToMultiple(-10_137, 25, RoundingMode.FLOOR)).isEqualTo(-10_150);
        assertThat(FixedPoint.isMultiple(-10_150, 25)).isTrue();
        assertThat(FixedPoint.isMultiple(10_137, 25)).isFalse();
    }

    @Test
    void typedDecimalsArePlainOnTheScaleAndNameTheField() {
        assertThat(FixedPoint.parseTyped("price", " 101.250 ", 2)).isEqualTo(10_125);
        assertThat(FixedPoint.parseTyped("price", "-.5", 1)).isEqualTo(-5);
        assertThat(FixedPoint.parseTypedPositive("quantity", "3", 0)).isEqualTo(3);
        for (String text : new String[]{"1e3", "+1", "0x10", "1_000", "NaN", "Infinity", "12,5", ""}) {
            assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.parseTyped("price", text, 2))
                    .withMessageStartingWith("price '" + text + "' is not a plain decimal number");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.parseTyped("price", "1.005", 2))
                .withMessage("price 1.005 is not on the instrument's scale of 2 decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.parseTyped("quantity", "0.5", 0))
                .withMessage("quantity 0.5 is not on the instrument's scale of 0 decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.parseTyped("price", "99999999999999999", 4))
                .withMessage("price 99999999999999999 is too large for the instrument's scale of 4 decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> FixedPoint.parseTypedPositive("quantity", "0.0", 1))
                .withMessage("quantity 0.0 must be greater than zero");
    }
}
