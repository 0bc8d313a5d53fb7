package io.nautilus.venues;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The venue layer's configuration, {@code etc/io.nautilus.venues.cfg}.
 */
@ObjectClassDefinition(name = "Nautilus venues",
        description = "Routes the orders of external instruments to their venue gateways and reconciles them.")
public @interface VenuesConfig {

    /** @return how long a reconciliation waits for the venue's answers, ms */
    @AttributeDefinition(description = "How long a reconciliation waits for the venue's order status answers (ms)"
            + " before it fails closed.", min = "100")
    long reconcile_timeout_ms() default 10_000;

    /** @return whether a venue that cannot be reconciled halts trading in its instruments */
    @AttributeDefinition(description = "Halt trading in a venue's instruments when its state cannot be reconciled"
            + " (fail closed). Turn off only for tests.")
    boolean fail_closed() default true;
}
