package io.nautilus.simvenue.gateway;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One simulated venue, {@code etc/io.nautilus.simvenue.gateway-<venue>.cfg} (factory PID
 * {@code io.nautilus.simvenue.gateway}).
 */
@ObjectClassDefinition(name = "Nautilus simulated venue gateway",
        description = "A venue gateway whose exchange is a private instance of the platform's matching engine, with"
                + " the market's quotes mirrored as its liquidity; for paper trading with routing = external"
                + " instruments and for tests.")
public @interface SimulatedVenueGatewayConfig {

    /** @return whether the venue runs */
    @AttributeDefinition(description = "Run this simulated venue.")
    boolean enabled() default true;

    /** @return the venue id */
    @AttributeDefinition(name = "venue.id", description = "The venue id; the gateway service carries it as"
            + " property venue.id.")
    String venue_id();

    /** @return the venue's market */
    @AttributeDefinition(description = "Comma-separated instruments traded at this venue; empty for every"
            + " instrument the trading core defines.", required = false)
    String instruments() default "";

    /** @return one-way latency */
    @AttributeDefinition(description = "Milliseconds between sending an order message and the venue acting on"
            + " it.", min = "0")
    long latency_ms() default 0;

    /** @return jitter */
    @AttributeDefinition(description = "Extra latency per message, drawn from 0 to this many milliseconds (seeded);"
            + " messages never overtake each other.", min = "0")
    long latency_jitter_ms() default 0;

    /** @return reject probability */
    @AttributeDefinition(description = "Probability (0 to 1) that the venue rejects a valid new order.", min = "0",
            max = "1")
    double reject_probability() default 0;

    /** @return partial fill ratio */
    @AttributeDefinition(description = "Most of an aggressive order's quantity filled per match, as a fraction of"
            + " its quantity (at least one lot); the rest of an IOC order is canceled, the rest of a limit order"
            + " waits for the next match. 1 = no cap.", min = "0.000001", max = "1")
    double partial_fill_ratio() default 1.0;

    /** @return seed */
    @AttributeDefinition(description = "Seed of the latency jitter and the reject draws.")
    long seed() default 1;

    /** @return levels */
    @AttributeDefinition(description = "Mirrored price levels per side.", min = "1", max = "20")
    int levels() default 1;

    /** @return level spacing */
    @AttributeDefinition(description = "Ticks between two mirrored levels.", min = "1")
    int level_spacing_ticks() default 1;

    /** @return size factor */
    @AttributeDefinition(description = "Size of a mirrored level as a multiple of the quoted size.",
            min = "0.000001")
    double size_factor() default 1.0;

    /** @return whether trades are replayed */
    @AttributeDefinition(description = "Replay the market's trades as immediate-or-cancel prints against the"
            + " venue's book.")
    boolean trades() default true;

    /** @return refresh period */
    @AttributeDefinition(description = "Milliseconds between refreshes of the mirrored liquidity without new"
            + " quotes (restores liquidity taken by fills, gives capped orders their next match); 0 = only when"
            + " market data arrives.", min = "0")
    long refresh_ms() default 200;
}
