package io.nautilus.strategy.momentum;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.strategy.Strategy;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;

/**
 * One momentum instance per factory configuration of {@value #PID}: builds the {@link Momentum} from
 * the typed configuration and registers it as a {@link Strategy} service with the properties the strategy
 * engine reads ({@code strategy.id}, {@code strategy.account}, {@code strategy.instruments},
 * {@code strategy.orderPolicy}) plus every configured property as a strategy parameter.
 */
@Component(configurationPid = MomentumComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = MomentumConfig.class, factory = true)
public final class MomentumComponent {

    /** The factory configuration PID. */
    public static final String PID = "io.nautilus.strategy.momentum";

    private ServiceRegistration<Strategy> registration;

    /** Creates the component (DS). */
    public MomentumComponent() {
    }

    @Activate
    void activate(BundleContext bundleContext, MomentumConfig config, Map<String, Object> properties) {
        Momentum strategy = new Momentum(settings(config));
        registration = bundleContext.registerService(Strategy.class, strategy,
                serviceProperties(properties, config.id(), config.account(), config.instrument(),
                        config.orderPolicy()));
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
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

    /**
     * The service properties of a strategy instance: every public configuration property, and the engine's.
     *
     * @param configuration the component properties
     * @param id            the configured id, or empty for the configuration's name
     * @param account       the account, or empty for the engine's default
     * @param instrument    the instrument of interest
     * @param orderPolicy   {@code CANCEL_ALL} or {@code LEAVE}
     * @return the properties to register with
     */
    static Dictionary<String, Object> serviceProperties(Map<String, Object> configuration, String id,
                                                        String account, String instrument, String orderPolicy) {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (Map.Entry<String, Object> entry : configuration.entrySet()) {
            if (!entry.getKey().startsWith(".") && !entry.getKey().startsWith("component.")
                    && entry.getValue() != null) {
                properties.put(entry.getKey(), entry.getValue());
            }
        }
        properties.put("strategy.id", id.isBlank() ? instanceName(configuration) : id.trim());
        if (!account.isBlank()) {
            properties.put("strategy.account", account.trim());
        }
        properties.put("strategy.instruments", instrument.trim());
        properties.put("strategy.orderPolicy", orderPolicy.trim());
        return properties;
    }

    /**
     * The name of a factory configuration: {@code mm1} for {@code service.pid = <pid>~mm1} or for the file
     * {@code etc/<pid>-mm1.cfg}; else the configuration's PID.
     *
     * @param configuration the component properties
     * @return the name
     */
    static String instanceName(Map<String, Object> configuration) {
        String pid = String.valueOf(configuration.get("service.pid"));
        int tilde = pid.lastIndexOf('~');
        if (tilde >= 0) {
            return pid.substring(tilde + 1);
        }
        Object file = configuration.get("felix.fileinstall.filename");
        if (file != null) {
            String name = file.toString();
            name = name.substring(name.lastIndexOf('/') + 1);
            String prefix = PID + "-";
            int dot = name.lastIndexOf('.');
            if (name.startsWith(prefix) && dot > prefix.length()) {
                return name.substring(prefix.length(), dot);
            }
        }
        return pid;
    }
}
