package io.nautilus.core.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;

/**
 * What an admin operation applies to: one account, one instrument, one account in one instrument, or everything.
 *
 * @param account the account, or null for every account
 * @param instrument the instrument, or null for every instrument
 */
public record Scope(AccountId account, InstrumentId instrument) {

    /** Everything (global). */
    public static final Scope GLOBAL = new Scope(null, null);

    /**
     * @param account an account
     * @return the scope of that account
     */
    public static Scope of(AccountId account) {
        return new Scope(account, null);
    }

    /**
     * @param instrument an instrument
     * @return the scope of that instrument
     */
    public static Scope of(InstrumentId instrument) {
        return new Scope(null, instrument);
    }

    /** @return true if neither account nor instrument is set */
    public boolean global() {
        return account == null && instrument == null;
    }

    @Override
    public String toString() {
        if (global()) {
            return "global";
        }
        return (account == null ? "" : "account " + account.value())
                + (account != null && instrument != null ? ", " : "")
                + (instrument == null ? "" : "instrument " + instrument.value());
    }
}
