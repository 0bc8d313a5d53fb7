package io.nautilus.camel.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonTest {

    @Test
    void numbersKeepTheirExactDecimalText() {
        Object value = Json.parse("{\"p\":30000.10,\"q\":0.0010,\"n\":12345678901234567890,\"x\":1e-3}");

        assertThat(value).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) value;
        assertThat(((BigDecimal) map.get("p")).toPlainString()).isEqualTo("30000.10");
        assertThat(((BigDecimal) map.get("q")).toPlainString()).isEqualTo("0.0010");
        assertThat(((BigDecimal) map.get("n")).toPlainString()).isEqualTo("12345678901234567890");
        assertThat(((BigDecimal) map.get("x")).toPlainString()).isEqualTo("0.001");
    }

    @Test
    void valuesAndPointers() {
        Object root = Json.parse("{\"data\":[{\"s\":\"BTC\",\"ok\":true,\"none\":null}],\"a/b\":\"slash\"}");

        assertThat(Json.at(root, "/data/0/s")).isEqualTo("BTC");
        assertThat(Json.at(root, "/data/0/ok")).isEqualTo(Boolean.TRUE);
        assertThat(Json.at(root, "/data/0/none")).isNull();
        assertThat(Json.at(root, "/data/1/s")).isNull();
        assertThat(Json.at(root, "/data/x")).isNull();
        assertThat(Json.at(root, "/a~1b")).isEqualTo("slash");
        assertThat(Json.at(root, "data")).isInstanceOf(List.class);
        assertThat(Json.at("text", "/data")).isNull();
    }

    @Test
    void brokenTextIsAClearError() {
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parse("{\"p\":1,"))
                .withMessageStartingWith("invalid JSON: ").withMessageContaining("line 1");
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parse("{nope}"))
                .withMessageContaining("invalid JSON");
    }
}
