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
 * Feeds {@code etc/io.nautilus.core.instruments.cfg} (PID {@code io.nautilus.core.instruments}) to the trading core, at start
 * and on every saved change. A broken file is logged with the reason and changes nothing: the core keeps what it had.
 */
@Component(configurationPid = "io.nautilus.core.instruments", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public final class InstrumentsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(InstrumentsConfiguration.class);

    @Reference
    private TradingCoreManager core;

    /** Creates the component (DS). */
    public InstrumentsConfiguration() {
    }

    @Activate
    @Modified
    void apply(Map<String, Object> properties) {
        try {
            core.applyInstruments(properties);
        } catch (RuntimeException e) {
            LOG.error("etc/io.nautilus.core.instruments.cfg not applied, the core keeps its previous instruments: {}",
                    e.getMessage());
        }
    }
}
