package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.StrategyId;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of one strategy instance.
 *
 * @param id            the instance's id, also stamped on its orders
 * @param account       the account its orders are booked to
 * @param parameters    the strategy's parameters, copied
 * @param instruments   the instruments whose market data it receives; empty for all
 * @param orderPolicy   what happens to its working orders when it stops or fails
 * @param queueCapacity capacity of its event queue (rounded up to a power of two), at least 16
 */
public record InstanceConfig(StrategyId id, AccountId account, Map<String, String> parameters,
                             Set<InstrumentId> instruments, OrderPolicy orderPolicy, int queueCapacity) {

    /** The default event queue capacity. */
    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

    /**
     * Validates and copies the configuration.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the queue capacity is below 16
     */
    public InstanceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(orderPolicy, "orderPolicy");
        parameters = Map.copyOf(parameters);
        instruments = Set.copyOf(instruments);
        if (queueCapacity < 16) {
            throw new IllegalArgumentException("strategy " + id + ": queue capacity " + queueCapacity
                    + " must be at least 16");
        }
    }

    /**
     * A configuration with no parameters, all instruments, {@link OrderPolicy#CANCEL_ALL} and the default queue.
     *
     * @param id      the instance's id
     * @param account the account
     * @return the configuration
     */
    public static InstanceConfig of(StrategyId id, AccountId account) {
        return new InstanceConfig(id, account, Map.of(), Set.of(), OrderPolicy.CANCEL_ALL, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * This configuration with another order policy.
     *
     * @param policy the policy
     * @return a copy
     */
    public InstanceConfig withOrderPolicy(OrderPolicy policy) {
        return new InstanceConfig(id, account, parameters, instruments, policy, queueCapacity);
    }

    /**
     * This configuration with other parameters.
     *
     * @param newParameters the parameters
     * @return a copy
     */
    public InstanceConfig withParameters(Map<String, String> newParameters) {
        return new InstanceConfig(id, account, newParameters, instruments, orderPolicy, queueCapacity);
    }

    /**
     * Whether the instance receives market data of an instrument.
     *
     * @param instrument the instrument
     * @return true if subscribed
     */
    public boolean wants(InstrumentId instrument) {
        return instruments.isEmpty() || instruments.contains(instrument);
    }
}
