package io.nautilus.core.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@code etc/io.nautilus.core.accounts.cfg} (PID {@code io.nautilus.core.accounts}) to the trading core, at start
 * and on every saved change. A broken file is logged with the reason and changes nothing: the core keeps what it had.
 */
@Component(configurationPid = "io.nautilus.core.accounts", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public final class AccountsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsConfiguration.class);

    @Reference
    private TradingCoreManager core;

    /** Creates the component (DS). */
    public AccountsConfiguration() {
    }

    @Activate
    @Modified
    void apply(Map<String, Object> properties) {
        try {
            core.applyAccounts(properties);
        } catch (RuntimeException e) {
            LOG.error("etc/io.nautilus.core.accounts.cfg not applied, the core keeps its previous accounts: {}",
                    e.getMessage());
        }
    }
}
