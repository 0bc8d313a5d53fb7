package io.nautilus.strategy.smacross;

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
 * One smacross instance per factory configuration of {@value #PID}: builds the {@link SmaCross} from the typed
 * configuration and registers it as a {@link Strategy} service with the properties the strategy engine reads
 * ({@code strategy.id}, {@code strategy.account}, {@code strategy.instruments}, {@code strategy.orderPolicy}) plus
 * every configured property as a strategy parameter. A changed configuration hands the instance over to a strategy
 * built from it; an invalid one is refused and the running strategy keeps the configuration in force
 * ({@link StrategyRegistration}).
 */
@Component(configurationPid = SmaCrossComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = SmaCrossConfig.class, factory = true)
public final class SmaCrossComponent {

    /** The factory configuration PID. */
    public static final String PID = "io.nautilus.strategy.smacross";

    final StrategyRegistration<SmaCrossConfig> registration =
            new StrategyRegistration<>(PID, SmaCrossConfig.class, config -> new SmaCross(SmaCrossSettings.of(config)));

    /** Creates the component (DS). */
    public SmaCrossComponent() {
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
}
