package io.nautilus.strategy.engine;

import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyConfigurationCheck;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The part of the OSGi service registry a strategy component uses, wired to {@link StrategyBindings} as the strategy
 * engine's DS references are: registering a {@link Strategy} binds it ({@code added}), changing its properties
 * updates it, unregistering unbinds it. A binding that throws is logged and dropped, as the engine component does.
 * {@link StrategyConfigurationCheck} services are kept by {@code service.pid}.
 */
final class FakeServiceRegistry {

    final List<String> events = new CopyOnWriteArrayList<>();
    final Map<String, StrategyConfigurationCheck> checks = new HashMap<>();
    private final StrategyBindings bindings;

    FakeServiceRegistry(StrategyBindings bindings) {
        this.bindings = bindings;
    }

    /** @return a bundle context whose only working methods are {@code registerService(Class, S, Dictionary)} */
    BundleContext bundleContext() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (self, method, args) -> {
                    if (method.getName().equals("registerService") && args[0] instanceof Class<?> type) {
                        return register(type, args[1], map(args[2]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServiceRegistration<?> register(Class<?> type, Object service, Map<String, Object> properties) {
        events.add("register " + type.getSimpleName());
        if (service instanceof Strategy strategy) {
            try {
                bindings.added(strategy, properties);
            } catch (RuntimeException e) {
                events.add("not bound: " + e.getMessage());
            }
        } else if (service instanceof StrategyConfigurationCheck check) {
            checks.put(properties.get("service.pid").toString(), check);
        }
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (self, method, args) -> {
                    switch (method.getName()) {
                        case "unregister" -> {
                            events.add("unregister " + type.getSimpleName());
                            if (service instanceof Strategy strategy) {
                                bindings.removed(strategy);
                            } else {
                                checks.values().remove(service);
                            }
                        }
                        case "setProperties" -> {
                            events.add("setProperties " + type.getSimpleName());
                            if (service instanceof Strategy strategy) {
                                bindings.updated(strategy, map(args[0]));
                            }
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(self);
                        }
                        case "equals" -> {
                            return self == args[0];
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object dictionary) {
        Map<String, Object> out = new HashMap<>();
        Dictionary<String, Object> properties = (Dictionary<String, Object>) dictionary;
        for (String key : Collections.list(properties.keys())) {
            out.put(key, properties.get(key));
        }
        return out;
    }
}
