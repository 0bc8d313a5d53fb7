package io.nautilus.analytics.api.risk;

import java.time.Instant;
import java.util.List;

/**
 * Exposures and value at risk of the live book at one moment.
 *
 * @param time          when the positions were read, UTC
 * @param exposures     the exposures
 * @param var           the VaR estimates: per account and currency, then for all accounts per currency; each
 *                      method at each confidence level
 * @param lookbackDays  the most daily returns each estimate uses ({@code var.lookback.days})
 * @param source        where the daily closes came from, e.g. {@code history store (1-minute bars)}
 */
public record RiskReport(Instant time, ExposureReport exposures, List<VarEstimate> var, int lookbackDays,
                         String source) {

    /** Copies the list. */
    public RiskReport {
        var = List.copyOf(var);
    }
}
