package io.nautilus.core.config;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.core.SelfTradePrevention;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the accounts configuration ({@code etc/io.nautilus.core.accounts.cfg}): per account,
 * {@code <account>.stp = none|cancel-resting|cancel-incoming|cancel-both} (the self-trade prevention mode, default
 * none) and {@code <account>.capital = <decimal>} (money in the account currency, default 0); an account exists
 * when it has at least one of the keys.
 *
 * <p>Fail-safe: a configuration without any account (an empty or truncated file) is an error, so the accounts in
 * force stay as they are. Accounts are journaled and never undefined by a file, so there is no key to remove them.
 */
public final class AccountsConfig {

    private AccountsConfig() {
    }

    /**
     * Parses every account of a configuration.
     *
     * @param properties the configuration dictionary
     * @param moneyScale the core's money scale ({@code money.scale}), the most decimals a capital may have
     * @return account name to its settings, sorted by name
     * @throws IllegalArgumentException naming the account, key and value of the first problem, or if the
     *                                  configuration holds no account
     */
    public static Map<String, AccountSpec> parse(Map<String, ?> properties, int moneyScale) {
        Map<String, AccountSpec> accounts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : ConfigKeys.group(properties, "account").entrySet()) {
            String name = e.getKey();
            SelfTradePrevention stp = SelfTradePrevention.NONE;
            long capital = 0;
            for (Map.Entry<String, String> attribute : e.getValue().entrySet()) {
                String value = attribute.getValue();
                switch (attribute.getKey()) {
                    case "stp" -> {
                        try {
                            stp = SelfTradePrevention.parse(value);
                        } catch (IllegalArgumentException ex) {
                            throw new IllegalArgumentException("account " + name + ": " + ex.getMessage(), ex);
                        }
                    }
                    case "capital" -> capital = capital(name, value, moneyScale);
                    default -> throw new IllegalArgumentException("account " + name + ": unknown attribute '"
                            + attribute.getKey() + "' (known: capital, stp)");
                }
            }
            accounts.put(name, new AccountSpec(stp, capital));
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("the accounts configuration has no account (empty or truncated file?):"
                    + " the accounts in force stay as they are");
        }
        return accounts;
    }

    private static long capital(String name, String value, int moneyScale) {
        if (value.indexOf('e') >= 0 || value.indexOf('E') >= 0) {
            throw new IllegalArgumentException("account " + name + ": capital '" + value
                    + "': write the amount in plain digits, not in scientific notation");
        }
        long capital;
        try {
            capital = FixedPoint.parse(value, moneyScale);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("account " + name + ": capital '" + value + "' is not a decimal with at"
                    + " most " + moneyScale + " decimals (money.scale): " + ex.getMessage(), ex);
        }
        if (capital < 0) {
            throw new IllegalArgumentException("account " + name + ": capital '" + value + "' must not be negative");
        }
        return capital;
    }
}
