package io.nautilus.api.instrument;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The static definition of a tradable instrument: where it trades and the grid its prices and quantities
 * must lie on.
 *
 * <p>Prices are fixed-point longs at {@code priceScale} and quantities at {@code quantityScale}; for
 * {@code priceScale = 2} and {@code tickSize = 25} valid prices are multiples of {@code 0.25}. Notionals are in
 * {@code currency} at {@code priceScale}.
 *
 * @param id            the platform-wide id
 * @param symbol        the venue's own symbol, e.g. {@code BTC-USD} or {@code ESZ4}
 * @param venue         the venue the instrument trades on
 * @param tickSize      the smallest price increment, in units of the price scale; greater than zero
 * @param lotSize       the smallest quantity increment, in units of the quantity scale; greater than zero
 * @param minQuantity   the smallest order quantity, in units of the quantity scale; a positive multiple of
 *                      {@code lotSize}
 * @param priceScale    decimals of a price, 0 to 18
 * @param quantityScale decimals of a quantity, 0 to 18
 * @param currency      the currency prices are quoted in: 3 to 8 upper-case letters or digits, e.g. {@code USD}
 *                      or {@code USDT}
 */
public record Instrument(InstrumentId id, String symbol, VenueId venue, long tickSize, long lotSize,
                         long minQuantity, int priceScale, int quantityScale, String currency) {

    /**
     * Validates the definition.
     *
     * @throws NullPointerException     if an object component is null
     * @throws IllegalArgumentException if a value is out of range; the message names the instrument and the value
     */
    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(currency, "currency");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("instrument " + id + ": symbol must not be blank");
        }
        if (priceScale < 0 || priceScale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("instrument " + id + ": price scale " + priceScale
                    + " is outside 0.." + FixedPoint.MAX_SCALE);
        }
        if (quantityScale < 0 || quantityScale > FixedPoint.MAX_SCALE) {
            throw new IllegalArgumentException("instrument " + id + ": quantity scale " + quantityScale
                    + " is outside 0.." + FixedPoint.MAX_SCALE);
        }
        if (tickSize <= 0) {
            throw new IllegalArgumentException("instrument " + id + ": tick size " + tickSize
                    + " must be greater than zero");
        }
        if (lotSize <= 0) {
            throw new IllegalArgumentException("instrument " + id + ": lot size " + lotSize
                    + " must be greater than zero");
        }
        if (minQuantity <= 0 || minQuantity % lotSize != 0) {
            throw new IllegalArgumentException("instrument " + id + ": minimum quantity " + minQuantity
                    + " must be a positive multiple of lot size " + lotSize);
        }
        if (!isCurrencyCode(currency)) {
            throw new IllegalArgumentException("instrument " + id + ": currency '" + currency
                    + "' must be 3 to 8 upper-case letters or digits");
        }
    }

    private static boolean isCurrencyCode(String currency) {
        if (currency.length() < 3 || currency.length() > 8) {
            return false;
        }
        for (int i = 0; i < currency.length(); i++) {
            char c = currency.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a price lies on the tick grid.
     *
     * @param price in units of the price scale
     * @return true if the price is a whole number of ticks
     */
    public boolean isOnTick(long price) {
        return price % tickSize == 0;
    }

    /**
     * Whether a quantity is a whole number of lots.
     *
     * @param quantity in units of the quantity scale
     * @return true if the quantity is a multiple of the lot size
     */
    public boolean isLotMultiple(long quantity) {
        return quantity % lotSize == 0;
    }

    /**
     * The number of whole ticks in a price, for tick-indexed books.
     *
     * @param price in units of the price scale
     * @return {@code price / tickSize}, rounded toward negative infinity when the price is off the grid
     */
    public long ticks(long price) {
        return Math.floorDiv(price, tickSize);
    }

    /**
     * The price of a number of ticks; the inverse of {@link #ticks(long)} for prices on the grid.
     *
     * @param ticks a whole number of ticks
     * @return the price in units of the price scale
     * @throws ArithmeticException if the price overflows a long
     */
    public long priceOfTicks(long ticks) {
        return Math.multiplyExact(ticks, tickSize);
    }

    /**
     * Rounds a price to the tick grid.
     *
     * @param price in units of the price scale
     * @param mode  e.g. {@link RoundingMode#FLOOR} for a passive buy, {@link RoundingMode#CEILING} for a passive
     *              sell
     * @return a price on the grid, in units of the price scale
     * @throws ArithmeticException if the mode is {@link RoundingMode#UNNECESSARY} and the price is off the grid
     */
    public long roundToTick(long price, RoundingMode mode) {
        return FixedPoint.roundToMultiple(price, tickSize, mode);
    }

    /**
     * Rounds a quantity to a whole number of lots.
     *
     * @param quantity in units of the quantity scale
     * @param mode     usually {@link RoundingMode#DOWN}, so a sized order never exceeds its budget
     * @return a lot multiple, in units of the quantity scale
     * @throws ArithmeticException if the mode is {@link RoundingMode#UNNECESSARY} and the quantity is not a
     *                             lot multiple
     */
    public long roundToLot(long quantity, RoundingMode mode) {
        return FixedPoint.roundToMultiple(quantity, lotSize, mode);
    }

    /**
     * The notional value of a quantity at a price: {@code price * quantity} in the instrument's currency.
     *
     * @param price    in units of the price scale
     * @param quantity in units of the quantity scale
     * @param mode     how to round the quantity scale's decimals away
     * @return the notional in units of the price scale
     * @throws ArithmeticException if the product overflows a long
     */
    public long notional(long price, long quantity, RoundingMode mode) {
        return FixedPoint.multiply(price, priceScale, quantity, quantityScale, priceScale, mode);
    }

    /**
     * Parses a decimal price exactly.
     *
     * @param text e.g. {@code "101.25"}
     * @return the price in units of the price scale; not checked against the tick grid
     * @throws IllegalArgumentException if the text is not a number
     * @throws ArithmeticException      if it has more decimals than the price scale or overflows
     */
    public long parsePrice(String text) {
        return FixedPoint.parse(text, priceScale);
    }

    /**
     * Parses a decimal quantity exactly.
     *
     * @param text e.g. {@code "0.015"}
     * @return the quantity in units of the quantity scale; not checked against the lot size
     * @throws IllegalArgumentException if the text is not a number
     * @throws ArithmeticException      if it has more decimals than the quantity scale or overflows
     */
    public long parseQuantity(String text) {
        return FixedPoint.parse(text, quantityScale);
    }

    /**
     * The decimal value of a price.
     *
     * @param price in units of the price scale, not {@link FixedPoint#NULL}
     * @return the price with {@code priceScale} decimals
     */
    public BigDecimal priceToBigDecimal(long price) {
        return FixedPoint.toBigDecimal(price, priceScale);
    }

    /**
     * The decimal value of a quantity.
     *
     * @param quantity in units of the quantity scale, not {@link FixedPoint#NULL}
     * @return the quantity with {@code quantityScale} decimals
     */
    public BigDecimal quantityToBigDecimal(long quantity) {
        return FixedPoint.toBigDecimal(quantity, quantityScale);
    }

    /**
     * Formats a price for display and venue messages.
     *
     * @param price in units of the price scale, not {@link FixedPoint#NULL}
     * @return plain decimal text with {@code priceScale} decimals
     */
    public String formatPrice(long price) {
        return FixedPoint.format(price, priceScale);
    }

    /**
     * Formats a quantity for display and venue messages.
     *
     * @param quantity in units of the quantity scale, not {@link FixedPoint#NULL}
     * @return plain decimal text with {@code quantityScale} decimals
     */
    public String formatQuantity(long quantity) {
        return FixedPoint.format(quantity, quantityScale);
    }
}
