package io.nautilus.core.risk;

import io.nautilus.core.TradingState;

/**
 * The trading state set for one scope, for the shell.
 *
 * @param account    dense account id, or {@link io.nautilus.core.Command#ANY} (every account)
 * @param instrument dense instrument id, or {@link io.nautilus.core.Command#ANY} (every instrument)
 * @param state      the state set for exactly this scope
 * @param killed     true if a kill switch set it
 */
public record ScopeState(int account, int instrument, TradingState state, boolean killed) {
}
