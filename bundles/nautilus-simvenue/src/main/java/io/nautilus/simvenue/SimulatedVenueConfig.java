package io.nautilus.simvenue;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The simulated venue's configuration, {@code etc/io.nautilus.simvenue.cfg}.
 */
@ObjectClassDefinition(name = "Nautilus simulated venue",
        description = "Mirrors the market's liquidity into the trading core's books so the platform's own orders"
                + " trade against it (paper trading with no outside connection).")
public @interface SimulatedVenueConfig {

    /** @return whether the venue runs */
    @AttributeDefinition(description = "Run the simulated venue.")
    boolean enabled() default true;

    /** @return the account that carries the mirrored liquidity */
    @AttributeDefinition(description = "Account of the mirrored liquidity; it must exist in"
            + " io.nautilus.core.accounts.cfg, with stp = cancel-resting and loose risk limits.")
    String account() default "sim-market";

    /** @return instruments to make a market in, empty for every instrument with quotes */
    @AttributeDefinition(description = "Comma-separated instruments; empty for every instrument the market-data"
            + " engine has quotes for.", required = false)
    String instruments() default "";

    /** @return price levels per side */
    @AttributeDefinition(description = "Price levels per side: the quote's best price and levels-1 more behind"
            + " it.", min = "1", max = "20")
    int levels() default 1;

    /** @return ticks between levels */
    @AttributeDefinition(description = "Ticks between two levels.", min = "1")
    int level_spacing_ticks() default 1;

    /** @return size factor */
    @AttributeDefinition(description = "Size of each level as a multiple of the quoted size (rounded down to the"
            + " lot, at least the minimum quantity).", min = "0.000001")
    double size_factor() default 1.0;

    /** @return minimum milliseconds between two updates of an instrument's liquidity */
    @AttributeDefinition(description = "Milliseconds between two liquidity updates of an instrument (the latest"
            + " quote wins); liquidity taken by fills is restored at least this often.", min = "10")
    long refresh_ms() default 200;

    /** @return whether the market's trades take liquidity */
    @AttributeDefinition(description = "Replay the market's trades as immediate-or-cancel orders at their price"
            + " and size, so that platform orders resting at that price or better fill as if the print had hit"
            + " them.")
    boolean trades() default true;
}
