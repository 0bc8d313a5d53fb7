package io.nautilus.api.strategy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TypedConfigurationTest {

    enum Source { BAR, TRADE }

    @interface Config {
        String name() default "";

        long size() default 1;

        int ticks();

        double ratio() default 0.5;

        boolean postOnly() default true;

        Source source() default Source.BAR;

        String[] venues() default {};

        int venue_latency_us() default 0;
    }

    @Test
    void readsTypedValuesAndDefaults() {
        Config config = TypedConfiguration.view(Config.class, TypedConfiguration.values(Config.class,
                Map.of("ticks", " 3 ", "size", 100L, "postOnly", "false", "source", "TRADE", "venues", "A,B",
                        "venue.latency.us", "250", "ratio", "0.25")));

        assertThat(config.ticks()).isEqualTo(3);
        assertThat(config.size()).isEqualTo(100);
        assertThat(config.postOnly()).isFalse();
        assertThat(config.source()).isEqualTo(Source.TRADE);
        assertThat(config.venues()).containsExactly("A,B");
        assertThat(config.venue_latency_us()).isEqualTo(250);
        assertThat(config.ratio()).isEqualTo(0.25);
        assertThat(config.name()).isEmpty();
    }

    @Test
    void namesFollowTheDeclarativeServicesRules() {
        assertThat(TypedConfiguration.propertyName("venue_latency_us")).isEqualTo("venue.latency.us");
        assertThat(TypedConfiguration.propertyName("max__size")).isEqualTo("max_size");
        assertThat(TypedConfiguration.propertyName("a$_$b")).isEqualTo("a-b");
        assertThat(TypedConfiguration.propertyName("a$$b$")).isEqualTo("a$b");
        assertThat(TypedConfiguration.attributes(Config.class)).containsKeys("size", "ticks", "venue.latency.us");
    }

    @Test
    void refusesWhatDeclarativeServicesWouldTurnIntoADefault() {
        assertThatIllegalArgumentException().isThrownBy(() -> values("size", "abc"))
                .withMessage("parameter size 'abc' is not a whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> values("size", "1e3"))
                .withMessage("parameter size '1e3' is not a whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> values("size", "+5"))
                .withMessage("parameter size '+5' is not a whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> values("size", "0x10"))
                .withMessage("parameter size '0x10' is not a whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> values("ticks", "3000000000"))
                .withMessage("parameter ticks '3000000000' is out of range -2147483648..2147483647");
        assertThatIllegalArgumentException().isThrownBy(() -> values("ratio", "NaN"))
                .withMessage("parameter ratio 'NaN' is not a plain decimal number");
        assertThatIllegalArgumentException().isThrownBy(() -> values("postOnly", "yes"))
                .withMessage("parameter postOnly 'yes' is not true or false");
        assertThatIllegalArgumentException().isThrownBy(() -> values("source", "TICK"))
                .withMessage("parameter source 'TICK' is not one of [BAR, TRADE]");
    }

    @Test
    void aRequiredPrimitiveWithoutValueIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TypedConfiguration.values(Config.class, Map.of()))
                .withMessage("parameter ticks is required");
    }

    private static Map<String, Object> values(String name, Object value) {
        java.util.Map<String, Object> properties = new java.util.HashMap<>(Map.of("ticks", "1"));
        properties.put(name, value);
        return TypedConfiguration.values(Config.class, properties);
    }
}
