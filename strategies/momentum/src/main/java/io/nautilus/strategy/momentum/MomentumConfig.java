package io.nautilus.strategy.momentum;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The parameters of a momentum instance, one factory configuration each
 * ({@code etc/io.nautilus.strategy.momentum-<name>.cfg}).
 */
@ObjectClassDefinition(name = "Nautilus momentum",
        description = "Moving-average crossover trend follower; one instance per configuration.")
public @interface MomentumConfig {

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
    @AttributeDefinition(description = "Closes in the fast moving average; less than slowLength.", min = "1")
    int fastLength() default 10;

    /** @return the slow average's length */
    @AttributeDefinition(description = "Closes in the slow moving average.", min = "2", max = "10000")
    int slowLength() default 30;

    /** @return the position held in a trend */
    @AttributeDefinition(description = "Absolute position held in a trend, in units of the quantity scale.",
            min = "1")
    long targetPosition() default 1;

    /** @return where closes come from */
    @AttributeDefinition(description = "Closes from BAR closes or from TRADE prices.",
            options = {@Option(value = "BAR"),
                @Option(value = "TRADE")})
    String priceSource() default "BAR";

    /** @return the order type */
    @AttributeDefinition(description = "MARKET orders, or marketable LIMIT orders (IOC) priced limitOffsetTicks"
            + " through the last close.",
            options = {@Option(value = "MARKET"),
                @Option(value = "LIMIT")})
    String orderType() default "LIMIT";

    /** @return the marketable limit's offset in ticks */
    @AttributeDefinition(description = "Ticks through the last close a marketable limit is priced.", min = "0")
    int limitOffsetTicks() default 2;

    /** @return the tick size in units of the price scale, 0 for the instrument's */
    @AttributeDefinition(description = "Tick size in units of the price scale; 0 to take it from the instrument"
            + " definition.", min = "0")
    long tickSize() default 0;

    /** @return what the engine does with working orders when the instance stops */
    @AttributeDefinition(description = "Working orders when the instance stops: CANCEL_ALL or LEAVE.")
    String orderPolicy() default "CANCEL_ALL";
}
