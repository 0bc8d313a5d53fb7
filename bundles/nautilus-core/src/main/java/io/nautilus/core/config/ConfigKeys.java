package io.nautilus.core.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * Splits {@code <name>.<attribute>} configuration keys (the attribute after the last dot, so names may contain
 * dots) and drops the properties Config Admin and File Install add.
 */
final class ConfigKeys {

    private ConfigKeys() {
    }

    /**
     * Groups properties by name.
     *
     * @param properties the configuration
     * @param what what the names are, for errors ("instrument", "account")
     * @return name to (attribute to value), sorted by name then attribute
     * @throws IllegalArgumentException on a key without a dot
     */
    static Map<String, Map<String, String>> group(Map<String, ?> properties, String what) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            if (isFrameworkKey(key)) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new IllegalArgumentException("key '" + key + "' is not <" + what + ">.<attribute>");
            }
            byName.computeIfAbsent(key.substring(0, dot), k -> new TreeMap<>())
                    .put(key.substring(dot + 1), String.valueOf(e.getValue()).trim());
        }
        return byName;
    }

    /**
     * @param key a configuration key
     * @return true for keys the framework adds (service.pid, felix.fileinstall.filename, component.*)
     */
    static boolean isFrameworkKey(String key) {
        return key.startsWith("service.") || key.startsWith("felix.") || key.startsWith("component.")
                || key.startsWith("osgi.");
    }
}
