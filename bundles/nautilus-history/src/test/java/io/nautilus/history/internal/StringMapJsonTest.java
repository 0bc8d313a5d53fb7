package io.nautilus.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StringMapJsonTest {

    @Test
    void writesSortedKeysAndReadsBackEveryCharacter() {
        Map<String, String> map = Map.of("slow", "20", "fast", "5", "note", "a \"quoted\" \\ line\nnext\t\u0001");

        String json = StringMapJson.write(map);

        assertThat(json).isEqualTo("{\"fast\":\"5\",\"note\":\"a \\\"quoted\\\" \\\\ line\\nnext\\t\\u0001\","
                + "\"slow\":\"20\"}");
        assertThat(StringMapJson.read(json)).isEqualTo(map);
        assertThat(StringMapJson.read(" { } ")).isEmpty();
        assertThat(StringMapJson.read("{\"a\" : \"\\u00e9\"}")).containsEntry("a", "\u00e9");
    }

    @Test
    void anythingButAFlatObjectOfTextIsRefusedNamingThePosition() {
        assertThatThrownBy(() -> StringMapJson.read("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a JSON object of text values: expected '\"' at position 5");
        assertThatThrownBy(() -> StringMapJson.read("{\"a\":\"b\"} x")).hasMessageContaining("expected the end");
        assertThatThrownBy(() -> StringMapJson.read("{\"a\":\"b\"")).hasMessageContaining("expected more text");
    }
}
