package io.nautilus.core.api;

import io.nautilus.api.AccountId;

/**
 * An account known to the core.
 *
 * @param account the account
 * @param selfTradePrevention its self-trade prevention mode (none, cancel-resting, cancel-incoming, cancel-both)
 * @param state its own trading state (the effective one may be more restrictive)
 */
public record AccountView(AccountId account, String selfTradePrevention, CoreTradingState state) {
}
