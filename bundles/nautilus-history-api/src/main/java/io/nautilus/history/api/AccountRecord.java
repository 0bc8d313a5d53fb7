package io.nautilus.history.api;

import io.nautilus.api.AccountId;

import java.time.Instant;
import java.util.Objects;

/**
 * An account as a journaled command defined or redefined it: the store keeps every version.
 *
 * @param coreSeq             the sequence number of the defining command
 * @param definedAt           the command's time, UTC
 * @param account             the account
 * @param selfTradePrevention its self-trade prevention mode, e.g. {@code cancel-resting}
 * @param capital             its capital in units of {@code 10^-capitalScale}
 * @param capitalScale        the decimals of {@code capital} (the core's money scale)
 */
public record AccountRecord(long coreSeq, Instant definedAt, AccountId account, String selfTradePrevention,
                            long capital, int capitalScale) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException if a required component is null
     */
    public AccountRecord {
        Objects.requireNonNull(definedAt, "definedAt");
        Objects.requireNonNull(account, "account");
    }
}
