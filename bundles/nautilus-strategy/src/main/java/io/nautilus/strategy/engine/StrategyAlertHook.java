package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.alert.Severity;

/**
 * Told when the engine stops a strategy instance because it failed, when an instance starts or stops, and when a
 * strategy raises an alert through its context; the DS layer turns these into {@link io.nautilus.api.alert.Alert}s.
 *
 * <p>Called on the instance's thread (start: the caller's); must not block. An exception thrown here is swallowed.
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

    /**
     * Reports a failed strategy instance with its account; by default {@link #strategyFailed(StrategyId, String,
     * Throwable)}.
     *
     * @param strategy the instance's id
     * @param account  the account it trades
     * @param reason   one line naming the callback and the exception
     * @param cause    what the strategy threw
     */
    default void strategyFailed(StrategyId strategy, AccountId account, String reason, Throwable cause) {
        strategyFailed(strategy, reason, cause);
    }

    /**
     * Reports an instance that started running (first start or a restart after a stop or failure).
     *
     * @param strategy the instance's id
     * @param account  the account it trades
     */
    default void strategyStarted(StrategyId strategy, AccountId account) {
    }

    /**
     * Reports an instance that stopped normally (operator request, its bundle gone, engine shut down).
     *
     * @param strategy the instance's id
     * @param account  the account it trades
     * @param policy   what happened to its working orders
     */
    default void strategyStopped(StrategyId strategy, AccountId account, OrderPolicy policy) {
    }

    /**
     * Reports an alert a strategy raised through {@link io.nautilus.api.strategy.StrategyContext#alert}.
     *
     * @param strategy the instance's id
     * @param account  the account it trades
     * @param severity how urgent
     * @param key      the strategy's key, not blank (the hook prefixes it)
     * @param text     the message, not blank
     */
    default void strategyAlert(StrategyId strategy, AccountId account, Severity severity, String key, String text) {
    }
}
