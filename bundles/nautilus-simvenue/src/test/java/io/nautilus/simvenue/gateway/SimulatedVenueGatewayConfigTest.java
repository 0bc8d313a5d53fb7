package io.nautilus.simvenue.gateway;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped example configuration is valid and reads as documented (DS's key mapping: {@code a_b} is {@code a.b}). */
class SimulatedVenueGatewayConfigTest {

    private static SimulatedVenueGatewayConfig config(Map<?, ?> values) {
        return (SimulatedVenueGatewayConfig) Proxy.newProxyInstance(SimulatedVenueGatewayConfig.class.getClassLoader(),
                new Class<?>[] {SimulatedVenueGatewayConfig.class}, (proxy, method, args) -> {
                    Object value = values.get(method.getName().replace('_', '.'));
                    return value == null ? method.getDefaultValue() : convert(method, value.toString().trim());
                });
    }

    private static Object convert(Method method, String text) {
        Class<?> type = method.getReturnType();
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == double.class) {
            return Double.parseDouble(text);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }

    @Test
    void theExampleConfigurationIsValid() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/example/io.nautilus.simvenue.gateway-SIMX.cfg")) {
            assertThat(in).isNotNull();
            properties.load(in);
        }
        SimulatedVenueSettings settings = SimulatedVenueGatewayComponent.settings(config(properties));

        assertThat(settings.venue()).isEqualTo(VenueId.of("SIMX"));
        assertThat(settings.instruments()).containsExactlyInAnyOrder(InstrumentId.of("SIM-BTC"),
                InstrumentId.of("SIM-ETH"));
        assertThat(settings.latencyMs()).isEqualTo(5);
        assertThat(settings.jitterMs()).isEqualTo(2);
        assertThat(settings.partialFillRatio()).isEqualTo(1.0);
        assertThat(settings.refreshMs()).isEqualTo(200);
    }

    @Test
    void invalidValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> SimulatedVenueGatewayComponent.settings(config(Map.of())))
                .hasMessageContaining("venue.id");
        assertThatThrownBy(() -> SimulatedVenueGatewayComponent.settings(
                config(Map.of("venue.id", "X", "reject.probability", "1.5"))))
                .hasMessageContaining("reject.probability");
        assertThatThrownBy(() -> SimulatedVenueGatewayComponent.settings(
                config(Map.of("venue.id", "X", "partial.fill.ratio", "0"))))
                .hasMessageContaining("partial.fill.ratio");
    }
}
