package io.nautilus.marketdata.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;

import java.math.BigDecimal;

/**
 * Converts feed prices and sizes (decimal text or doubles) to fixed-point at an instrument's scales, exactly:
 * a value with more decimals than the scale, or one that overflows, is an error rather than rounded.
 *
 * <p>Runs on feed threads, at the edge; errors are {@link IllegalArgumentException}s naming the instrument,
 * the field, the value and the scale.
 */
final class TickNormaliser {

    private TickNormaliser() {
    }

    /**
     * Converts a price.
     *
     * @param instrument the instrument
     * @param field      the field name for the message, e.g. {@code "bid"}
     * @param text       decimal text
     * @return the price in units of the price scale
     * @throws IllegalArgumentException if the text is missing, not a number or does not fit the price scale
     */
    static long price(Instrument instrument, String field, String text) {
        return convert(instrument, field, text, instrument.priceScale());
    }

    /**
     * Converts a quantity.
     *
     * @param instrument the instrument
     * @param field      the field name for the message, e.g. {@code "size"}
     * @param text       decimal text
     * @return the quantity in units of the quantity scale
     * @throws IllegalArgumentException if the text is missing, not a number or does not fit the quantity scale
     */
    static long quantity(Instrument instrument, String field, String text) {
        return convert(instrument, field, text, instrument.quantityScale());
    }

    /**
     * Converts a price given as a double through its shortest decimal representation.
     *
     * @param instrument the instrument
     * @param field      the field name for the message
     * @param value      the price; finite
     * @return the price in units of the price scale
     * @throws IllegalArgumentException if the value is not finite or does not fit the price scale
     */
    static long price(Instrument instrument, String field, double value) {
        return convert(instrument, field, value, instrument.priceScale());
    }

    /**
     * Converts a quantity given as a double through its shortest decimal representation.
     *
     * @param instrument the instrument
     * @param field      the field name for the message
     * @param value      the quantity; finite
     * @return the quantity in units of the quantity scale
     * @throws IllegalArgumentException if the value is not finite or does not fit the quantity scale
     */
    static long quantity(Instrument instrument, String field, double value) {
        return convert(instrument, field, value, instrument.quantityScale());
    }

    private static long convert(Instrument instrument, String field, String text, int scale) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(instrument.id() + " " + field + ": value is missing");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(instrument.id() + " " + field + ": '" + text
                    + "' is not a decimal number");
        }
        return convert(instrument, field, value, scale);
    }

    private static long convert(Instrument instrument, String field, double value, int scale) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(instrument.id() + " " + field + ": " + value + " is not a finite number");
        }
        return convert(instrument, field, BigDecimal.valueOf(value), scale);
    }

    private static long convert(Instrument instrument, String field, BigDecimal value, int scale) {
        try {
            return FixedPoint.fromBigDecimal(value, scale);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(instrument.id() + " " + field + ": " + e.getMessage(), e);
        }
    }
}
