package io.nautilus.core.api;

/**
 * A trading state that is not {@link CoreTradingState#ACTIVE}, or the global state.
 *
 * @param scope where it applies
 * @param state the state
 */
public record TradingStateView(Scope scope, CoreTradingState state) {
}
