package io.nautilus.strategy.momentum;

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

import java.util.Locale;
import java.util.Map;

/**
 * One momentum instance per factory configuration of {@value #PID}: builds the {@link Momentum} from
 * the typed configuration and registers it as a {@link Strategy} service with the properties the strategy
 * engine reads ({@code strategy.id}, {@code strategy.account}, {@code strategy.instruments},
 * {@code strategy.orderPolicy}) plus every configured property as a strategy parameter. A changed configuration
 * hands the instance over to a strategy built from it; an invalid one is refused and the running strategy keeps
 * the configuration in force ({@link StrategyRegistration}).
 */
@Component(configurationPid = MomentumComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = MomentumConfig.class, factory = true)
public final class MomentumComponent {

    /** The factory configuration PID. */
    public static final String PID = "io.nautilus.strategy.momentum";

    final StrategyRegistration<MomentumConfig> registration =
            new StrategyRegistration<>(PID, MomentumConfig.class, config -> new Momentum(settings(config)));

    /** Creates the component (DS). */
    public MomentumComponent() {
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
    static MomentumSettings settings(MomentumConfig config) {
        if (config.instrument() == null || config.instrument().isBlank()) {
            throw new IllegalArgumentException("momentum: parameter instrument is required");
        }
        return new MomentumSettings(InstrumentId.of(config.instrument().trim()), config.fastLength(),
                config.slowLength(), config.targetPosition(), source(config.priceSource()),
                market(config.orderType()), config.limitOffsetTicks(), config.tickSize());
    }

    private static boolean source(String priceSource) {
        return switch (priceSource.trim().toUpperCase(Locale.ROOT)) {
            case "BAR" -> false;
            case "TRADE" -> true;
            default -> throw new IllegalArgumentException("momentum: priceSource '" + priceSource
                    + "' is not BAR or TRADE");
        };
    }

    private static boolean market(String orderType) {
        return switch (orderType.trim().toUpperCase(Locale.ROOT)) {
            case "MARKET" -> true;
            case "LIMIT" -> false;
            default -> throw new IllegalArgumentException("momentum: orderType '" + orderType
                    + "' is not MARKET or LIMIT");
        };
    }
}
