package io.nautilus.analytics.api.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An account's equity at the end of one UTC day, from the history store.
 *
 * @param date   the UTC day
 * @param equity capital plus net P&amp;L (realised + unrealised - fees) of the day's last position snapshots
 */
public record EquityPoint(LocalDate date, BigDecimal equity) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public EquityPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(equity, "equity");
    }
}
