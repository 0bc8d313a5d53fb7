package io.nautilus.analytics.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One open position at its mark, as the risk calculations take it.
 *
 * @param account    the account id
 * @param instrument the instrument id
 * @param currency   the currency the instrument is quoted in
 * @param quantity   the signed quantity (long positive, short negative)
 * @param mark       the mark price, greater than zero
 * @param moneyScale the decimals money values of the instrument are kept at (its price scale)
 */
public record Holding(String account, String instrument, String currency, BigDecimal quantity, BigDecimal mark,
                      int moneyScale) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the mark is not positive or the scale is negative
     */
    public Holding {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(mark, "mark");
        if (mark.signum() <= 0) {
            throw new IllegalArgumentException(account + " " + instrument + ": mark " + mark + " must be positive");
        }
        if (moneyScale < 0) {
            throw new IllegalArgumentException(account + " " + instrument + ": scale " + moneyScale + " is negative");
        }
    }

    /** @return quantity x mark at the money scale (half-even): negative for a short position */
    public BigDecimal value() {
        return quantity.multiply(mark).setScale(moneyScale, RoundingMode.HALF_EVEN);
    }
}
