package io.nautilus.api.strategy;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

/**
 * The service properties a strategy component registers its {@link Strategy} with, which the strategy engine reads:
 * one configured instance per Config Admin factory configuration. Every public configuration property is passed on
 * (the engine hands the non-reserved ones to the strategy as parameters).
 */
public final class StrategyServiceProperties {

    /** Service property: the instance id. */
    public static final String ID = "strategy.id";
    /** Service property: the account its orders are booked to; absent for the engine's default. */
    public static final String ACCOUNT = "strategy.account";
    /** Service property: instruments of interest, comma-separated; absent for all. */
    public static final String INSTRUMENTS = "strategy.instruments";
    /** Service property: {@code CANCEL_ALL} or {@code LEAVE}, the working orders when the instance stops. */
    public static final String ORDER_POLICY = "strategy.orderPolicy";
    /**
     * Service property: why the instance's latest configuration was refused (the configuration before it stays in
     * force); absent when the configuration in force is the latest.
     */
    public static final String CONFIG_ERROR = "strategy.configError";

    private StrategyServiceProperties() {
    }

    /**
     * The service properties of a strategy instance: every public configuration property, and the engine's.
     *
     * @param configuration the component properties
     * @param factoryPid    the component's factory configuration PID
     * @param id            the configured id, or empty for the configuration's name
     * @param account       the account, or empty for the engine's default
     * @param instruments   the instruments of interest
     * @param orderPolicy   {@code CANCEL_ALL} or {@code LEAVE}
     * @return the properties to register with
     */
    public static Dictionary<String, Object> of(Map<String, Object> configuration, String factoryPid, String id,
                                                String account, String instruments, String orderPolicy) {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (Map.Entry<String, Object> entry : configuration.entrySet()) {
            if (!entry.getKey().startsWith(".") && !entry.getKey().startsWith("component.")
                    && !entry.getKey().equals(CONFIG_ERROR) && entry.getValue() != null) {
                properties.put(entry.getKey(), entry.getValue());
            }
        }
        properties.put(ID, id.isBlank() ? instanceName(configuration, factoryPid) : id.trim());
        if (!account.isBlank()) {
            properties.put(ACCOUNT, account.trim());
        }
        properties.put(INSTRUMENTS, instruments.trim());
        properties.put(ORDER_POLICY, orderPolicy.trim());
        return properties;
    }

    /**
     * The name of a factory configuration: {@code mm1} for {@code service.pid = <factoryPid>~mm1} or for the file
     * {@code etc/<factoryPid>-mm1.cfg}; else the configuration's PID.
     *
     * @param configuration the component properties
     * @param factoryPid    the component's factory configuration PID
     * @return the name
     */
    public static String instanceName(Map<String, Object> configuration, String factoryPid) {
        String pid = String.valueOf(configuration.get("service.pid"));
        int tilde = pid.lastIndexOf('~');
        if (tilde >= 0) {
            return pid.substring(tilde + 1);
        }
        Object file = configuration.get("felix.fileinstall.filename");
        if (file != null) {
            String name = file.toString();
            name = name.substring(name.lastIndexOf('/') + 1);
            String prefix = factoryPid + "-";
            int dot = name.lastIndexOf('.');
            if (name.startsWith(prefix) && dot > prefix.length()) {
                return name.substring(prefix.length(), dot);
            }
        }
        return pid;
    }
}
