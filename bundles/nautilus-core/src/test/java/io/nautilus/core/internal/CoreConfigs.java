package io.nautilus.core.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * The trading core's typed configuration from configuration properties outside OSGi, as Declarative Services builds
 * it: a key is an attribute name with {@code _} read as {@code .}, an absent key is the Metatype default, and a value
 * that does not convert to the attribute's type throws when the attribute is read.
 */
public final class CoreConfigs {

    private CoreConfigs() {
    }

    /**
     * The configuration of properties, e.g. {@code ring.size = 1024}.
     *
     * @param properties the properties (strings as in a .cfg file, or typed values)
     * @return the typed configuration
     */
    static TradingCoreConfig of(Map<String, ?> properties) {
        return (TradingCoreConfig) Proxy.newProxyInstance(TradingCoreConfig.class.getClassLoader(),
                new Class<?>[] {TradingCoreConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(properties, args);
                    }
                    Object value = properties.get(method.getName().replace('_', '.'));
                    return value == null ? method.getDefaultValue() : convert(method, value);
                });
    }

    /**
     * Starts a core outside OSGi as Declarative Services would, with these properties.
     *
     * @param core the component
     * @param properties its configuration properties
     * @throws Exception if it does not start
     */
    public static void activate(TradingCoreManager core, Map<String, ?> properties) throws Exception {
        core.activate(of(properties));
    }

    private static Object convert(Method method, Object value) {
        Class<?> type = method.getReturnType();
        if (type == String.class) {
            return value.toString();
        }
        if (type == boolean.class) {
            return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
        }
        if (value instanceof Number n) {
            return type == long.class ? (Object) n.longValue() : (Object) n.intValue();
        }
        return type == long.class ? (Object) Long.parseLong(value.toString())
                : (Object) Integer.parseInt(value.toString());
    }
}
