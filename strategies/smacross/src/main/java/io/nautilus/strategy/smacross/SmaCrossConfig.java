package io.nautilus.strategy.smacross;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The parameters of an smacross instance, one factory configuration each
 * ({@code etc/io.nautilus.strategy.smacross-<name>.cfg}), or the {@code --param}s of a backtest.
 */
@ObjectClassDefinition(name = "Nautilus SMA crossover",
        description = "Long-only simple-moving-average crossover on completed time bars, with market orders; one "
                + "instance per configuration.")
public @interface SmaCrossConfig {

    /** @return the instance id; empty to use the configuration's name */
    @AttributeDefinition(description = "Strategy instance id; empty to use the configuration's name.", required = false)
    String id() default "";

    /** @return the account; empty for the engine's default account */
    @AttributeDefinition(description = "Account the orders are booked to; empty for the engine's default.",
            required = false)
    String account() default "";

    /** @return the instrument traded */
    @AttributeDefinition(description = "Instrument id to trade, e.g. BTC-USD.SIM.")
    String instrument();

    /** @return the fast average's length */
    @AttributeDefinition(description = "Bar closes in the fast moving average; less than slow.", min = "1")
    int fast() default 10;

    /** @return the slow average's length */
    @AttributeDefinition(description = "Bar closes in the slow moving average.", min = "2", max = "10000")
    int slow() default 30;

    /** @return the quantity bought, as a decimal in the instrument's units */
    @AttributeDefinition(description = "Quantity bought at a cross above, as a decimal in the instrument's units "
            + "(e.g. 0.01), at most the instrument's quantity decimals.")
    String quantity();

    /** @return the bars the averages are taken over */
    @AttributeDefinition(description = "Time bars the averages use: time:<n>ms|s|m|h, e.g. time:1m (the market-data "
            + "engine must build them: etc/io.nautilus.marketdata.cfg bars). Other bars are ignored.")
    String barSpec() default "time:1m";

    /** @return what the engine does with working orders when the instance stops */
    @AttributeDefinition(description = "Working orders when the instance stops: CANCEL_ALL or LEAVE.")
    String orderPolicy() default "CANCEL_ALL";
}
