package io.nautilus.router.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The router's configuration, {@code etc/io.nautilus.router.cfg}.
 */
@ObjectClassDefinition(name = "Nautilus smart order router",
        description = "Venue scoring, cost model and child-order splitting of the smart order router.")
public @interface RouterConfig {

    /** @return the half-life of the venue score's exponential decay, seconds */
    @AttributeDefinition(description = "Half-life of the venue scores' exponential decay in seconds: a sample's"
            + " weight halves after this long.", min = "0.001")
    double decay_half_life_seconds() default 300.0;

    /** @return linear or sqrt */
    @AttributeDefinition(description = "Market impact model: linear (impact bps = coefficient x volatility bps x"
            + " qty/ADV) or sqrt (x sqrt(qty/ADV)).", options = {
            @org.osgi.service.metatype.annotations.Option(label = "linear", value = "linear"),
            @org.osgi.service.metatype.annotations.Option(label = "sqrt", value = "sqrt")})
    String impact_model() default "sqrt";

    /** @return the impact coefficient */
    @AttributeDefinition(description = "Coefficient of the impact model (dimensionless), 0 turns impact off.",
            min = "0")
    double impact_coefficient() default 1.0;

    /** @return the largest number of children per parent */
    @AttributeDefinition(description = "Largest number of child orders per parent (the passive remainder"
            + " included).", min = "1", max = "64")
    int max_child_orders() default 8;

    /** @return the minimum child quantity as decimal text */
    @AttributeDefinition(description = "Smallest child quantity, decimal in the instrument's units (the"
            + " instrument's minimum quantity applies when larger); 0 for the instrument's minimum.")
    String min_child_quantity() default "0";

    /** @return weight of the fill-rate component */
    @AttributeDefinition(description = "Weight of the fill-rate component of the combined venue score.", min = "0")
    double weight_fill_rate() default 1.0;

    /** @return weight of the slippage component */
    @AttributeDefinition(description = "Weight of the slippage component of the combined venue score.", min = "0")
    double weight_slippage() default 1.0;

    /** @return weight of the latency component */
    @AttributeDefinition(description = "Weight of the ack-latency component of the combined venue score.",
            min = "0")
    double weight_latency() default 1.0;

    /** @return the slippage that scores 0 (and its negative 1), bps */
    @AttributeDefinition(description = "Slippage scale in bps: slippage score = clamp(0.5 - slippage /"
            + " (2 x scale), 0, 1), so 0 bps scores 0.5 and +scale scores 0.", min = "0.0001")
    double slippage_scale_bps() default 10.0;

    /** @return the ack latency that scores 0.5, microseconds */
    @AttributeDefinition(description = "Reference ack latency in microseconds: latency score = reference /"
            + " (reference + latency), so the reference scores 0.5; also the neutral prior.", min = "0.001")
    double latency_reference_micros() default 1000.0;

    /** @return the prior's weight in samples */
    @AttributeDefinition(description = "Weight of the neutral prior, in samples: a venue with no history scores"
            + " the prior (fill rate prior, 0 bps slippage, the reference latency); history outweighs it as"
            + " samples accumulate.", min = "0")
    double prior_weight() default 1.0;

    /** @return the neutral fill rate */
    @AttributeDefinition(description = "Fill rate assumed for a venue with no history, 0 to 1.", min = "0",
            max = "1")
    double prior_fill_rate() default 0.5;

    /** @return how many parents to keep for tracking and explanations */
    @AttributeDefinition(description = "Parents kept for tracking and route-explain; the oldest finished (else"
            + " oldest) is evicted beyond this.", min = "1")
    int max_tracked_parents() default 100_000;

    /** @return the first child order id, 0 for epoch milliseconds x 1000 at start */
    @AttributeDefinition(description = "First client order id given to child orders; 0 takes the epoch"
            + " milliseconds x 1000 at start, so ids do not repeat across restarts.", min = "0")
    long child_id_start() default 0;
}
