package io.nautilus.strategy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The strategy engine's configuration, {@code etc/io.nautilus.strategy.cfg}.
 */
@ObjectClassDefinition(name = "Nautilus strategy engine",
        description = "Runs strategy services as instances on engine-owned threads and hot-swaps them on update.")
public @interface StrategyEngineConfig {

    /**
     * @return how long an instance whose strategy service went away buffers events for its next version, in
     *         milliseconds
     */
    @AttributeDefinition(name = "Detach grace (ms)", min = "0",
            description = "How long an instance whose strategy service went away (bundle update) buffers its events"
                    + " waiting for the next version before it is stopped.")
    long detach_grace_ms() default 30_000;

    /** @return the account of strategy services that name none */
    @AttributeDefinition(name = "Default account",
            description = "Account of strategy services without a strategy.account property.")
    String default_account() default "default";

    /** @return the simulated venue latency in microseconds, 0 for none */
    @AttributeDefinition(name = "Simulated venue latency (us)", min = "0",
            description = "One-way latency added to every strategy order command (submit, cancel, replace) before it"
                    + " reaches the trading core's matching engine, which acts as the simulated venue; 0 sends at"
                    + " once.")
    long venue_latency_us() default 0;
}
