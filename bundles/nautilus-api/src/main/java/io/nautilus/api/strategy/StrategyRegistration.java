package io.nautilus.api.strategy;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps one configured strategy instance registered as a {@link Strategy} service across configuration changes,
 * for a strategy's DS component (one per factory configuration): {@code @Activate}, {@code @Modified} and
 * {@code @Deactivate} each call the method of the same name.
 *
 * <p>The configuration is read strictly through the strategy's configuration type {@code C} (its Metatype
 * {@code @ObjectClassDefinition}: a number that is not a whole number, a boolean that is not {@code true} or
 * {@code false} is an error, not a default) and the strategy is built from it by the factory, which validates the
 * values (throwing {@link IllegalArgumentException} naming the parameter). The configuration type's attributes
 * {@code id}, {@code account}, {@code instrument} or {@code instruments} and {@code orderPolicy}, when it has them,
 * are the engine's ({@link StrategyServiceProperties}).
 *
 * <p>On a valid change the new strategy is registered before the old one goes, so the engine hands the running
 * instance over with its state and loses no event. On an invalid change the running strategy stays registered with
 * the configuration in force, and its service properties gain {@value StrategyServiceProperties#CONFIG_ERROR} with
 * the reason, which the engine logs and shows; the next valid change clears it. A first configuration that is
 * invalid starts nothing: {@link #activate} throws. A {@link StrategyConfigurationCheck} service is registered next
 * to the strategy so operators' changes are checked before they are saved.
 *
 * @param <C> the strategy's configuration type
 */
public final class StrategyRegistration<C> {

    private final String factoryPid;
    private final Class<C> configType;
    private final Function<? super C, ? extends Strategy> factory;
    private final Set<String> parameterNames;
    private BundleContext context;
    private ServiceRegistration<Strategy> strategy;
    private ServiceRegistration<StrategyConfigurationCheck> check;
    private Dictionary<String, Object> inForce;

    /**
     * Creates the registration of one component.
     *
     * @param factoryPid the component's factory configuration PID
     * @param configType the configuration type: the strategy's {@code @ObjectClassDefinition} annotation
     * @param factory    builds a strategy from a configuration; throws {@link IllegalArgumentException} naming the
     *                   first invalid parameter. It must have no side effect: checks call it and drop the result
     */
    public StrategyRegistration(String factoryPid, Class<C> configType, Function<? super C, ? extends Strategy> factory) {
        this.factoryPid = Objects.requireNonNull(factoryPid, "factoryPid");
        this.configType = Objects.requireNonNull(configType, "configType");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.parameterNames = Collections.unmodifiableSet(TypedConfiguration.attributes(configType).keySet());
    }

    /**
     * Builds the strategy from the component's first configuration and registers it.
     *
     * @param bundleContext the component's bundle context
     * @param properties    the component properties
     * @throws IllegalArgumentException naming the first invalid parameter; nothing is registered
     */
    public synchronized void activate(BundleContext bundleContext, Map<String, Object> properties) {
        Objects.requireNonNull(bundleContext, "bundleContext");
        Map<String, Object> values = values(properties);
        Strategy built = build(values);
        Dictionary<String, Object> serviceProperties = serviceProperties(properties, values);
        context = bundleContext;
        strategy = bundleContext.registerService(Strategy.class, built, serviceProperties);
        inForce = serviceProperties;
        check = bundleContext.registerService(StrategyConfigurationCheck.class, new Check(), serviceProperties);
    }

    /**
     * Applies a changed configuration: a valid one replaces the strategy (the engine hands the instance over with
     * its state); an invalid one leaves the running strategy and its configuration in force and publishes the
     * reason as {@value StrategyServiceProperties#CONFIG_ERROR}.
     *
     * @param properties the new component properties
     * @return the reason the change was refused, or empty if it was applied
     */
    public synchronized String modified(Map<String, Object> properties) {
        if (context == null) {
            throw new IllegalStateException("strategy registration of " + factoryPid + " is not active");
        }
        String problem = problem(properties);
        if (!problem.isEmpty()) {
            Hashtable<String, Object> refused = new Hashtable<>();
            for (String key : Collections.list(inForce.keys())) {
                refused.put(key, inForce.get(key));
            }
            refused.put(StrategyServiceProperties.CONFIG_ERROR, problem);
            strategy.setProperties(refused);
            return problem;
        }
        Map<String, Object> values = values(properties);
        Strategy built = build(values);
        Dictionary<String, Object> serviceProperties = serviceProperties(properties, values);
        ServiceRegistration<Strategy> previous = strategy;
        strategy = context.registerService(Strategy.class, built, serviceProperties);
        inForce = serviceProperties;
        previous.unregister();
        check.setProperties(serviceProperties);
        return "";
    }

    /** Unregisters the strategy and the check. */
    public synchronized void deactivate() {
        if (strategy != null) {
            strategy.unregister();
            strategy = null;
        }
        if (check != null) {
            check.unregister();
            check = null;
        }
        context = null;
        inForce = null;
    }

    /**
     * Checks a configuration without applying it.
     *
     * @param properties configuration properties
     * @return why the strategy refuses them, one line; empty if it accepts them
     */
    public String problem(Map<String, ?> properties) {
        try {
            build(values(properties));
            return "";
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    /** @return the names of the parameters the configuration type defines */
    public Set<String> parameterNames() {
        return parameterNames;
    }

    private Map<String, Object> values(Map<String, ?> properties) {
        return TypedConfiguration.values(configType, properties);
    }

    private Strategy build(Map<String, Object> values) {
        Strategy built = factory.apply(TypedConfiguration.view(configType, values));
        if (built == null) {
            throw new IllegalArgumentException(factoryPid + ": the factory built no strategy");
        }
        return built;
    }

    private Dictionary<String, Object> serviceProperties(Map<String, Object> properties, Map<String, Object> values) {
        String instruments = text(values, "instruments");
        String orderPolicy = text(values, "orderPolicy");
        return StrategyServiceProperties.of(properties, factoryPid, text(values, "id"), text(values, "account"),
                instruments.isEmpty() ? text(values, "instrument") : instruments,
                orderPolicy.isEmpty() ? "CANCEL_ALL" : orderPolicy);
    }

    private static String text(Map<String, Object> values, String attribute) {
        Object value = values.get(attribute);
        if (value instanceof String[] many) {
            return String.join(",", many);
        }
        return value == null ? "" : value.toString();
    }

    private final class Check implements StrategyConfigurationCheck {

        @Override
        public Set<String> parameterNames() {
            return parameterNames;
        }

        @Override
        public String problem(Map<String, ?> configuration) {
            return StrategyRegistration.this.problem(configuration);
        }
    }
}
