package io.nautilus.analytics.api.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The P&amp;L a scenario's shocks would cause to current positions, for one account (or all) in one currency.
 *
 * @param scenario the scenario's name
 * @param account  the account, or {@code null} for all accounts together
 * @param currency the currency of the positions and of the P&amp;L
 * @param pnl      sum of quantity x mark x shock over the shocked positions, negative for a loss
 */
public record StressImpact(String scenario, String account, String currency, BigDecimal pnl) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException if a required component is null
     */
    public StressImpact {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(pnl, "pnl");
    }
}
