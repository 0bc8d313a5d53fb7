package io.nautilus.strategy.momentum;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The momentum configuration as its component checks it: typed values and the strategy's own rules. */
class MomentumComponentTest {

    private final MomentumComponent component = new MomentumComponent();

    @Test
    void aValidConfigurationIsAccepted() {
        assertThat(component.registration.problem(config())).isEmpty();
    }

    @Test
    void theStrategysOwnRulesAndTheTypesAreChecked() {
        assertThat(component.registration.problem(config("fastLength", "40")))
                .isEqualTo("momentum: needs 1 <= fastLength < slowLength <= 10000; got fastLength 40, slowLength 30");
        assertThat(component.registration.problem(config("targetPosition", "1.5")))
                .isEqualTo("parameter targetPosition '1.5' is not a whole number");
        assertThat(component.registration.problem(config("orderType", "STOP")))
                .isEqualTo("momentum: orderType 'STOP' is not MARKET or LIMIT");
    }

    private static Map<String, Object> config(String... changes) {
        Map<String, Object> properties = new HashMap<>(Map.of("id", "mo-1", "instrument", "SIM-BTC",
                "fastLength", "10", "slowLength", "30"));
        for (int i = 0; i < changes.length; i += 2) {
            properties.put(changes[i], changes[i + 1]);
        }
        return properties;
    }
}
