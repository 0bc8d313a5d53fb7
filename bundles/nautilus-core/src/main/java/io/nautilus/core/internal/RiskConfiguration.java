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
 * Feeds {@code etc/io.nautilus.core.risk.cfg} (PID {@code io.nautilus.core.risk}) to the trading core, at start
 * and on every saved change. A broken file is logged with the reason and changes nothing: the core keeps what it had.
 */
@Component(configurationPid = "io.nautilus.core.risk", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public final class RiskConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RiskConfiguration.class);

    @Reference
    private TradingCoreManager core;

    /** Creates the component (DS). */
    public RiskConfiguration() {
    }

    @Activate
    @Modified
    void apply(Map<String, Object> properties) {
        try {
            core.applyRiskLimits(properties);
        } catch (RuntimeException e) {
            LOG.error("etc/io.nautilus.core.risk.cfg not applied, the core keeps its previous risk: {}",
                    e.getMessage());
        }
    }
}
