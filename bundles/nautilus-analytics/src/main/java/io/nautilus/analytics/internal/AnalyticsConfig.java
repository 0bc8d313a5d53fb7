package io.nautilus.analytics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of {@code etc/io.nautilus.analytics.cfg}. Stress scenarios are the {@code scenario.<name>} keys of
 * the same file (free-form, so not attributes here).
 */
@ObjectClassDefinition(name = "Nautilus portfolio risk", description = "Value at risk of the live book and stress"
        + " scenarios (scenario.<name> = INSTRUMENT:PERCENT%, ... keys of the same configuration).")
@interface AnalyticsConfig {

    @AttributeDefinition(name = "VaR lookback (days)", description = "The most daily returns per instrument a VaR"
            + " estimate uses (the most recent), 2 or more.", min = "2")
    int var_lookback_days() default 250;

    @AttributeDefinition(name = "VaR minimum observations", description = "The fewest daily returns common to a"
            + " group's instruments for a VaR estimate; below it the report says there is not enough history. 2 to"
            + " the lookback.", min = "2")
    int var_min_observations() default 20;
}
