package io.nautilus.strategy.marketmaker;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The market maker's configuration as its component checks it, before any strategy is built or replaced. */
class MarketMakerComponentTest {

    private final MarketMakerComponent component = new MarketMakerComponent();

    @Test
    void theShippedDemoConfigurationIsAccepted() {
        assertThat(component.registration.problem(demo())).isEmpty();
    }

    @Test
    void negativeNonNumericAndZeroParametersAreRefusedWithTheReason() {
        assertThat(component.registration.problem(demo("halfSpreadTicks", "-1")))
                .isEqualTo("market maker: halfSpreadTicks -1 must be at least 1");
        assertThat(component.registration.problem(demo("orderSize", "abc")))
                .isEqualTo("parameter orderSize 'abc' is not a whole number");
        assertThat(component.registration.problem(demo("orderSize", "0")))
                .isEqualTo("market maker: orderSize 0 must be at least 1");
        assertThat(component.registration.problem(demo("postOnly", "maybe")))
                .isEqualTo("parameter postOnly 'maybe' is not true or false");
    }

    @Test
    void theParameterNamesAreTheMetatypeAttributes() {
        assertThat(component.registration.parameterNames()).containsExactlyInAnyOrder("id", "account", "instrument",
                "orderSize", "halfSpreadTicks", "skewTicksPerSize", "maxSkewTicks", "requoteTicks", "maxPosition",
                "tickSize", "postOnly", "orderPolicy");
    }

    private static Map<String, Object> demo(String... changes) {
        Map<String, Object> properties = new HashMap<>(Map.of("id", "mm-demo", "account", "mm-1", "instrument",
                "SIM-BTC", "orderSize", "100", "halfSpreadTicks", "1", "skewTicksPerSize", "1", "maxSkewTicks", "3",
                "requoteTicks", "1", "maxPosition", "500", "postOnly", "true"));
        for (int i = 0; i < changes.length; i += 2) {
            properties.put(changes[i], changes[i + 1]);
        }
        return properties;
    }
}
