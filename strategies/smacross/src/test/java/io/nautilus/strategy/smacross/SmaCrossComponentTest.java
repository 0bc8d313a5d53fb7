package io.nautilus.strategy.smacross;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The smacross configuration as its component checks it: typed values and the strategy's own rules. */
class SmaCrossComponentTest {

    private final SmaCrossComponent component = new SmaCrossComponent();

    @Test
    void aValidConfigurationIsAcceptedWithItsDefaults() {
        assertThat(component.registration.problem(Map.of("instrument", "BTC-USD.SIM", "quantity", "0.01"))).isEmpty();
        assertThat(component.registration.parameterNames()).containsExactlyInAnyOrder("id", "account", "instrument", "fast",
                "slow", "quantity", "barSpec", "orderPolicy");
    }

    @Test
    void theStrategysOwnRulesAndTheTypesAreChecked() {
        assertThat(component.registration.problem(config("fast", "30")))
                .isEqualTo("smacross: needs 1 <= fast < slow <= 10000; got fast 30, slow 30");
        assertThat(component.registration.problem(config("slow", "2.5")))
                .isEqualTo("parameter slow '2.5' is not a whole number");
        assertThat(component.registration.problem(config("quantity", "-0.01")))
                .isEqualTo("smacross: parameter quantity '-0.01' is not a plain decimal number such as 0.01");
        assertThat(component.registration.problem(config("quantity", "0.00")))
                .isEqualTo("smacross: parameter quantity '0.00' must be greater than zero");
        assertThat(component.registration.problem(config("barSpec", "ticks:100")))
                .isEqualTo("smacross: parameter barSpec 'ticks:100' is not a time bar spec time:<n>ms|s|m|h with n > 0");
        Map<String, Object> noQuantity = config();
        noQuantity.remove("quantity");
        assertThat(component.registration.problem(noQuantity)).isEqualTo("smacross: parameter quantity is required");
        assertThat(component.registration.problem(Map.of("quantity", "1")))
                .isEqualTo("smacross: parameter instrument is required");
    }

    static Map<String, Object> config(String... changes) {
        Map<String, Object> properties = new HashMap<>(Map.of("id", "sma-1", "instrument", "BTC-USD.SIM",
                "quantity", "0.01"));
        for (int i = 0; i < changes.length; i += 2) {
            properties.put(changes[i], changes[i + 1]);
        }
        return properties;
    }
}
