package io.nautilus.analytics.api.risk;

import java.util.List;

/**
 * The impacts of stress scenarios on the live book.
 *
 * @param impacts per scenario (in configuration order): per account and currency, then all accounts per currency
 * @param errors  one line per scenario that could not be applied or parsed (the others are applied)
 */
public record StressReport(List<StressImpact> impacts, List<String> errors) {

    /** Copies the lists. */
    public StressReport {
        impacts = List.copyOf(impacts);
        errors = List.copyOf(errors);
    }
}
