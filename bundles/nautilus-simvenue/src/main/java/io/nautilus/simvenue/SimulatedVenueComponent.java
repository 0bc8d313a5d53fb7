package io.nautilus.simvenue;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.Subscription;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link SimulatedMarket} in OSGi: subscribes it to market data and refreshes it on its own thread every
 * {@code refresh.ms}. Configuration {@code io.nautilus.simvenue}; a change restarts it, an invalid one leaves it
 * stopped with the reason in the log.
 */
@Component(configurationPid = "io.nautilus.simvenue", immediate = true, service = SimulatedVenueComponent.class)
@Designate(ocd = SimulatedVenueConfig.class)
public final class SimulatedVenueComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVenueComponent.class);

    @Reference
    private TradingCoreService core;

    @Reference
    private MarketDataService marketData;

    private ScheduledExecutorService scheduler;
    private Subscription subscription;
    private SimulatedMarket market;

    /** Creates the component (DS). */
    public SimulatedVenueComponent() {
    }

    @Activate
    void activate(SimulatedVenueConfig config) {
        if (!config.enabled()) {
            LOG.info("simulated venue disabled (io.nautilus.simvenue enabled = false)");
            return;
        }
        Set<InstrumentId> instruments = new HashSet<>();
        for (String symbol : config.instruments().split(",")) {
            if (!symbol.isBlank()) {
                instruments.add(InstrumentId.of(symbol.trim()));
            }
        }
        if (config.refresh_ms() < 10) {
            throw new IllegalArgumentException("io.nautilus.simvenue: refresh.ms must be 10 or more, was "
                    + config.refresh_ms());
        }
        SimulatedMarket.Settings settings = new SimulatedMarket.Settings(AccountId.of(config.account().trim()),
                instruments, config.levels(), config.level_spacing_ticks(), config.size_factor(), config.trades());
        if (core.accounts().stream().noneMatch(account -> account.account().equals(settings.account()))) {
            LOG.warn("simulated venue: account {} is not defined in io.nautilus.core.accounts.cfg yet; its mirror"
                    + " orders are rejected until it is", settings.account());
        }
        market = new SimulatedMarket(core, settings);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "nautilus-simvenue");
            thread.setDaemon(true);
            return thread;
        });
        subscription = marketData.subscribe("simulated-venue", market);
        SimulatedMarket running = market;
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                running.refresh();
            } catch (RuntimeException e) {
                LOG.warn("simulated venue: refresh failed: {}", e.toString());
            }
        }, config.refresh_ms(), config.refresh_ms(), TimeUnit.MILLISECONDS);
        LOG.info("simulated venue started: account {}, instruments {}, {} level(s) per side, refresh {} ms,"
                        + " trades {}", settings.account(), instruments.isEmpty() ? "all quoted" : instruments,
                settings.levels(), config.refresh_ms(), settings.trades() ? "replayed" : "ignored");
    }

    @Deactivate
    void deactivate() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        if (market != null) {
            LOG.info("simulated venue stopped: {}", market.counters());
            market = null;
        }
    }

    /** @return the market, or {@code null} when disabled or stopped */
    public SimulatedMarket market() {
        return market;
    }
}
