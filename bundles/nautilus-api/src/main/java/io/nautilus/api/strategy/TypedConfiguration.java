package io.nautilus.api.strategy;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict typed view of configuration properties through a component property type (the strategy's Metatype
 * {@code @ObjectClassDefinition} annotation), as Declarative Services gives a component, but refusing what DS
 * would silently turn into a default: a non-numeric or non-integral number, a boolean other than {@code true} or
 * {@code false}, an unknown enum constant.
 *
 * <p>Property names follow the DS rules for component property types: {@code __} is {@code _}, {@code _} is
 * {@code .}, {@code $_$} is {@code -}, {@code $$} is {@code $} and a single {@code $} is dropped.
 */
final class TypedConfiguration {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private TypedConfiguration() {
    }

    /**
     * The parameter names of a component property type, by method.
     *
     * @param type the annotation or interface
     * @return property name to method, in declaration order
     */
    static Map<String, Method> attributes(Class<?> type) {
        Map<String, Method> out = new LinkedHashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (method.getParameterCount() == 0 && !method.isDefault()
                    && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                out.put(propertyName(method.getName()), method);
            }
        }
        return out;
    }

    /**
     * Reads and checks every attribute of a component property type from properties.
     *
     * @param type       the annotation or interface
     * @param properties the configuration properties
     * @return the typed values by property name (an attribute without value and without default is absent)
     * @throws IllegalArgumentException naming the first attribute whose value does not convert or is required
     */
    static Map<String, Object> values(Class<?> type, Map<String, ?> properties) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Method> attribute : attributes(type).entrySet()) {
            Method method = attribute.getValue();
            Object raw = properties.get(attribute.getKey());
            Object value;
            if (raw == null) {
                value = method.getDefaultValue();
                if (value == null && method.getReturnType().isPrimitive()) {
                    throw new IllegalArgumentException("parameter " + attribute.getKey() + " is required");
                }
            } else {
                value = convert(attribute.getKey(), raw, method.getReturnType());
            }
            if (value != null) {
                values.put(attribute.getKey(), value);
            }
        }
        return values;
    }

    /**
     * A view of checked values through a component property type.
     *
     * @param type   the annotation or interface
     * @param values the values from {@link #values(Class, Map)}
     * @param <C>    the type
     * @return a view whose methods return the values
     */
    static <C> C view(Class<C> type, Map<String, Object> values) {
        Map<String, Object> byMethod = new LinkedHashMap<>();
        for (Map.Entry<String, Method> attribute : attributes(type).entrySet()) {
            byMethod.put(attribute.getValue().getName(), values.get(attribute.getKey()));
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> self == args[0];
                    case "annotationType" -> type;
                    default -> byMethod.get(method.getName());
                });
        return type.cast(proxy);
    }

    static String propertyName(String methodName) {
        StringBuilder out = new StringBuilder(methodName.length());
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (c == '$') {
                if (methodName.startsWith("$_$", i)) {
                    out.append('-');
                    i += 2;
                } else if (methodName.startsWith("$$", i)) {
                    out.append('$');
                    i++;
                }
            } else if (c == '_') {
                if (methodName.startsWith("__", i)) {
                    out.append('_');
                    i++;
                } else {
                    out.append('.');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object convert(String name, Object raw, Class<?> target) {
        if (target.isArray()) {
            Class<?> component = target.getComponentType();
            List<Object> elements = new ArrayList<>();
            if (raw instanceof Collection<?> collection) {
                elements.addAll(collection);
            } else if (raw.getClass().isArray()) {
                for (int i = 0; i < Array.getLength(raw); i++) {
                    elements.add(Array.get(raw, i));
                }
            } else if (component == String.class) {
                elements.add(raw);
            } else {
                for (String part : raw.toString().split(",")) {
                    if (!part.isBlank()) {
                        elements.add(part.trim());
                    }
                }
            }
            Object array = Array.newInstance(component, elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Array.set(array, i, convert(name, elements.get(i), component));
            }
            return array;
        }
        if (target == String.class) {
            return raw.toString();
        }
        String text = raw.toString().trim();
        if (target == boolean.class || target == Boolean.class) {
            if (raw instanceof Boolean) {
                return raw;
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("parameter " + name + " '" + raw
                        + "' is not true or false");
            };
        }
        if (target == long.class || target == Long.class || target == int.class || target == Integer.class
                || target == short.class || target == Short.class || target == byte.class || target == Byte.class) {
            if (!INTEGER.matcher(text).matches()) {
                throw new IllegalArgumentException("parameter " + name + " '" + raw + "' is not a whole number");
            }
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter " + name + " '" + raw + "' is too large");
            }
            return narrow(name, raw, value, target);
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("parameter " + name + " '" + raw
                        + "' is not a plain decimal number");
            }
            double value = new BigDecimal(text).doubleValue();
            return target == float.class || target == Float.class ? (Object) (float) value : (Object) value;
        }
        if (target == char.class || target == Character.class) {
            if (raw.toString().length() != 1) {
                throw new IllegalArgumentException("parameter " + name + " '" + raw + "' is not one character");
            }
            return raw.toString().charAt(0);
        }
        if (target.isEnum()) {
            for (Object constant : target.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("parameter " + name + " '" + raw + "' is not one of "
                    + List.of(target.getEnumConstants()));
        }
        throw new IllegalArgumentException("parameter " + name + ": type " + target.getName() + " is not supported");
    }

    private static Object narrow(String name, Object raw, long value, Class<?> target) {
        long min;
        long max;
        if (target == int.class || target == Integer.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (target == short.class || target == Short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else if (target == byte.class || target == Byte.class) {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        } else {
            return value;
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("parameter " + name + " '" + raw + "' is out of range " + min + ".."
                    + max);
        }
        if (target == int.class || target == Integer.class) {
            return (int) value;
        }
        return target == short.class || target == Short.class ? (Object) (short) value : (Object) (byte) value;
    }
}
