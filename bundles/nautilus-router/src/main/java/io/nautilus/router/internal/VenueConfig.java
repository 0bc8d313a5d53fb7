package io.nautilus.router.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One venue of the router's registry: a factory configuration of {@code io.nautilus.router.venue}, e.g.
 * {@code etc/io.nautilus.router.venue-XNAS.cfg}.
 */
@ObjectClassDefinition(name = "Nautilus router venue",
        description = "A venue the smart order router may route to, with its maker and taker fees.")
public @interface VenueConfig {

    /** @return the venue id */
    @AttributeDefinition(description = "Venue id, as in the venue gateways and market state.")
    String venue();

    /** @return per-unit or bps */
    @AttributeDefinition(description = "Fee model: per-unit (currency per unit of quantity, e.g. per share) or bps"
            + " (basis points of the notional).", options = {
            @Option(label = "per-unit", value = "per-unit"), @Option(label = "bps", value = "bps")})
    String fee_model() default "bps";

    /** @return the maker rate as decimal text */
    @AttributeDefinition(description = "Maker fee rate (passive executions), decimal; negative is a rebate.")
    String maker() default "0";

    /** @return the taker rate as decimal text */
    @AttributeDefinition(description = "Taker fee rate (marketable executions), decimal; negative is a rebate.")
    String taker() default "0";

    /** @return whether the venue may be routed to */
    @AttributeDefinition(description = "Route to this venue.")
    boolean enabled() default true;
}
