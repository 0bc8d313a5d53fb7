package io.nautilus.strategy.marketmaker;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The parameters of a market maker instance, one factory configuration each
 * ({@code etc/io.nautilus.strategy.marketmaker-<name>.cfg}).
 */
@ObjectClassDefinition(name = "Nautilus market maker",
        description = "Quotes a bid and an ask around the mid with inventory skew; one instance per configuration.")
public @interface MarketMakerConfig {

    /** @return the instance id; empty to use the configuration's name */
    @AttributeDefinition(description = "Strategy instance id; empty to use the configuration's name.", required = false)
    String id() default "";

    /** @return the account; empty for the engine's default account */
    @AttributeDefinition(description = "Account the orders are booked to; empty for the engine's default.",
            required = false)
    String account() default "";

    /** @return the instrument quoted */
    @AttributeDefinition(description = "Instrument id to quote, e.g. BTC-USD.SIM.")
    String instrument();

    /** @return the quote size in units of the quantity scale */
    @AttributeDefinition(description = "Quantity of each quote, in units of the instrument's quantity scale.",
            min = "1")
    long orderSize() default 1;

    /** @return the half spread in ticks */
    @AttributeDefinition(description = "Distance of each quote from the mid before skew, in ticks.", min = "1")
    int halfSpreadTicks() default 2;

    /** @return skew ticks per order size of inventory */
    @AttributeDefinition(description = "Ticks both quotes move against the inventory per orderSize of position.",
            min = "0")
    long skewTicksPerSize() default 1;

    /** @return the skew cap in ticks */
    @AttributeDefinition(description = "Largest skew in either direction, in ticks.", min = "0")
    int maxSkewTicks() default 5;

    /** @return the re-quote threshold in ticks */
    @AttributeDefinition(description = "Mid move from the quoted mid that triggers a re-quote, in ticks.", min = "1")
    int requoteTicks() default 1;

    /** @return the position limit in units of the quantity scale */
    @AttributeDefinition(description = "Largest absolute position a quote fill may lead to, in units of the"
            + " quantity scale; the side that would exceed it is canceled.", min = "0")
    long maxPosition() default 10;

    /** @return the tick size in units of the price scale, 0 for the instrument's */
    @AttributeDefinition(description = "Tick size in units of the price scale; 0 to take it from the instrument"
            + " definition.", min = "0")
    long tickSize() default 0;

    /** @return whether quotes are post-only */
    @AttributeDefinition(description = "Send quotes post-only.")
    boolean postOnly() default true;

    /** @return what the engine does with working orders when the instance stops */
    @AttributeDefinition(description = "Working orders when the instance stops: CANCEL_ALL or LEAVE.")
    String orderPolicy() default "CANCEL_ALL";
}
