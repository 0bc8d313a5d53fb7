package io.nautilus.strategy.engine;

import io.nautilus.api.StrategyId;

/**
 * Told when the engine stops a strategy instance because it failed; the DS layer turns this into an
 * {@link io.nautilus.api.alert.Alert}.
 *
 * <p>Called on the failed instance's thread, after its orders were handled by its {@link OrderPolicy}; must not
 * block. An exception thrown here is swallowed.
 */
@FunctionalInterface
public interface StrategyAlertHook {

    /** A hook that does nothing. */
    StrategyAlertHook NONE = (strategy, reason, cause) -> {
    };

    /**
     * Reports a failed strategy instance.
     *
     * @param strategy the instance's id
     * @param reason   one line naming the callback and the exception
     * @param cause    what the strategy threw
     */
    void strategyFailed(StrategyId strategy, String reason, Throwable cause);
}
