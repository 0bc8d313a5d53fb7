package io.nautilus.strategy.marketmaker;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyRegistration;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import java.util.Map;

/**
 * One market maker instance per factory configuration of {@value #PID}: builds the {@link MarketMaker} from
 * the typed configuration and registers it as a {@link Strategy} service with the properties the strategy
 * engine reads ({@code strategy.id}, {@code strategy.account}, {@code strategy.instruments},
 * {@code strategy.orderPolicy}) plus every configured property as a strategy parameter. A changed configuration
 * hands the instance over to a strategy built from it; an invalid one is refused and the running strategy keeps
 * the configuration in force ({@link StrategyRegistration}).
 */
@Component(configurationPid = MarketMakerComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = MarketMakerConfig.class, factory = true)
public final class MarketMakerComponent {

    /** The factory configuration PID. */
    public static final String PID = "io.nautilus.strategy.marketmaker";

    final StrategyRegistration<MarketMakerConfig> registration =
            new StrategyRegistration<>(PID, MarketMakerConfig.class, config -> new MarketMaker(settings(config)));

    /** Creates the component (DS). */
    public MarketMakerComponent() {
    }

    @Activate
    void activate(BundleContext bundleContext, Map<String, Object> properties) {
        registration.activate(bundleContext, properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        registration.modified(properties);
    }

    @Deactivate
    void deactivate() {
        registration.deactivate();
    }

    /**
     * Converts the configuration to settings.
     *
     * @param config the configuration
     * @return the validated settings
     * @throws IllegalArgumentException naming the first invalid parameter
     */
    static MarketMakerSettings settings(MarketMakerConfig config) {
        if (config.instrument() == null || config.instrument().isBlank()) {
            throw new IllegalArgumentException("market maker: parameter instrument is required");
        }
        return new MarketMakerSettings(InstrumentId.of(config.instrument().trim()), config.orderSize(),
                config.halfSpreadTicks(), config.skewTicksPerSize(), config.maxSkewTicks(), config.requoteTicks(),
                config.maxPosition(), config.tickSize(), config.postOnly());
    }
}
