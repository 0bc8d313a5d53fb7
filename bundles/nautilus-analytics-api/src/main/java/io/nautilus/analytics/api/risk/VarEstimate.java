package io.nautilus.analytics.api.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One-day value at risk of a group of current positions (one account, or all accounts) in one currency.
 *
 * @param account      the account, or {@code null} for all accounts together
 * @param currency     the currency of the positions and of the values
 * @param method       how it was estimated
 * @param confidence   the confidence level, e.g. 0.95
 * @param var          the P&amp;L at the (1 - confidence) quantile, negative for a loss; {@code null} when
 *                     {@code unavailable} says why
 * @param cvar         the mean P&amp;L at or below {@code var} (expected shortfall), negative for a loss; {@code null}
 *                     when unavailable
 * @param observations how many daily returns (common to all the group's instruments) it used
 * @param instruments  the instruments of the group, by id
 * @param unavailable  why there is no estimate (e.g. not enough history), or {@code null}
 */
public record VarEstimate(String account, String currency, VarMethod method, double confidence, BigDecimal var,
                          BigDecimal cvar, int observations, List<String> instruments, String unavailable) {

    /**
     * Checks the required components and copies the list.
     *
     * @throws NullPointerException if a required component is null
     */
    public VarEstimate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(method, "method");
        instruments = List.copyOf(instruments);
    }

    /** @return whether there is an estimate */
    public boolean available() {
        return unavailable == null;
    }
}
