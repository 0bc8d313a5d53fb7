package io.nautilus.camel.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to plain values with the Jackson this bundle embeds, for the platform's Camel components (market-data
 * feeds, venue reports): objects become {@code Map<String, Object>}, arrays {@code List}, every number a
 * {@link BigDecimal} of its exact decimal text (a price keeps its digits), plus {@code String}, {@code Boolean} and
 * {@code null}.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Json() {
    }

    /**
     * Parses one JSON value.
     *
     * @param text the JSON text
     * @return the value
     * @throws IllegalArgumentException with Jackson's description and location of the first syntax error
     */
    public static Object parse(String text) {
        try {
            return value(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr(), e);
        }
    }

    /**
     * Looks a value up by JSON pointer ({@code /data/0/p}) or, without a leading slash, by field name.
     *
     * @param root the parsed message
     * @param path a JSON pointer or a field name
     * @return the value, or {@code null} when absent
     */
    public static Object at(Object root, String path) {
        if (!path.startsWith("/")) {
            return root instanceof Map<?, ?> map ? map.get(path) : null;
        }
        Object node = root;
        for (String token : path.substring(1).split("/", -1)) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (node instanceof Map<?, ?> map) {
                node = map.get(key);
            } else if (node instanceof List<?> list) {
                int index;
                try {
                    index = Integer.parseInt(key);
                } catch (NumberFormatException e) {
                    return null;
                }
                node = index >= 0 && index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return node;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                map.put(field.getKey(), value(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(value(element));
            }
            return list;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }
}
