package io.nautilus.core.config;

import io.nautilus.core.SelfTradePrevention;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the accounts configuration ({@code etc/io.nautilus.core.accounts.cfg}): one
 * {@code <account>.stp = none|cancel-resting|cancel-incoming|cancel-both} key per account (the self-trade
 * prevention mode; every account needs this key to exist).
 */
public final class AccountsConfig {

    private AccountsConfig() {
    }

    /**
     * Parses every account of a configuration.
     *
     * @param properties the configuration dictionary
     * @return account name to self-trade prevention mode, sorted by name
     * @throws IllegalArgumentException naming the account, key and value of the first problem
     */
    public static Map<String, SelfTradePrevention> parse(Map<String, ?> properties) {
        Map<String, SelfTradePrevention> accounts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : ConfigKeys.group(properties, "account").entrySet()) {
            String name = e.getKey();
            for (Map.Entry<String, String> attribute : e.getValue().entrySet()) {
                if (!attribute.getKey().equals("stp")) {
                    throw new IllegalArgumentException("account " + name + ": unknown attribute '" + attribute.getKey()
                            + "' (known: stp)");
                }
                try {
                    accounts.put(name, SelfTradePrevention.parse(attribute.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("account " + name + ": " + ex.getMessage(), ex);
                }
            }
        }
        return accounts;
    }
}
