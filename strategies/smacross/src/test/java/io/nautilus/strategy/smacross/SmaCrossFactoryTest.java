package io.nautilus.strategy.smacross;

import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The factory a backtest finds in this bundle builds and refuses exactly as the DS component does. */
class SmaCrossFactoryTest {

    private static StrategyFactory factory() {
        List<StrategyFactory> found = new ArrayList<>();
        ServiceLoader.load(StrategyFactory.class, SmaCrossFactoryTest.class.getClassLoader()).forEach(found::add);
        return found.stream().filter(f -> f.name().equals("smacross")).findFirst().orElseThrow();
    }

    @Test
    void serviceLoaderFindsTheFactoryWithTheConfigurationsParameters() {
        StrategyFactory factory = factory();

        assertThat(factory).isInstanceOf(SmaCrossFactory.class);
        assertThat(factory.parameters()).containsKeys("instrument", "quantity").containsEntry("fast", 10)
                .containsEntry("slow", 30).containsEntry("barSpec", "time:1m");
    }

    @Test
    void createBuildsWhatTheComponentAcceptsAndRefusesWithTheComponentsReason() {
        StrategyFactory factory = factory();
        SmaCrossComponent component = new SmaCrossComponent();

        assertThat(factory.create(SmaCrossComponentTest.config("fast", "3", "slow", "5"))).isInstanceOf(SmaCross.class);
        for (Map<String, ?> bad : List.<Map<String, ?>>of(SmaCrossComponentTest.config("fast", "30"),
                SmaCrossComponentTest.config("quantity", "abc"), SmaCrossComponentTest.config("slow", "x"))) {
            assertThatThrownBy(() -> factory.create(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(component.registration.problem(bad));
        }
        assertThatThrownBy(() -> factory.create(SmaCrossComponentTest.config("fastLength", "3")))
                .hasMessageStartingWith("smacross: unknown parameter 'fastLength'");
    }

    @Test
    void theFactoryLoadsAndBuildsWithoutAnyOsgiClass() throws Exception {
        URL strategyClasses = SmaCrossFactory.class.getProtectionDomain().getCodeSource().getLocation();
        URL apiClasses = StrategyFactory.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader plain = new URLClassLoader(new URL[] {strategyClasses, apiClasses},
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> plain.loadClass("org.osgi.framework.BundleContext"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> api = plain.loadClass(StrategyFactory.class.getName());
            List<Object> found = new ArrayList<>();
            ServiceLoader.load(api, plain).forEach(found::add);
            assertThat(found).hasSize(1);
            Object built = api.getMethod("create", Map.class).invoke(found.get(0),
                    Map.of("instrument", "BTC-USD.SIM", "quantity", "0.01"));
            assertThat(built.getClass().getName()).isEqualTo(SmaCross.class.getName());
            assertThat(plain.loadClass(Strategy.class.getName()).isInstance(built)).isTrue();
            assertThatThrownBy(() -> api.getMethod("create", Map.class).invoke(found.get(0), Map.of("fast", "1")))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause().hasMessage("smacross: parameter instrument is required");
        }
    }
}
