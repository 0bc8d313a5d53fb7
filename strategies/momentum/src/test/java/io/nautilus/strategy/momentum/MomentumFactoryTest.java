package io.nautilus.strategy.momentum;

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
class MomentumFactoryTest {

    private static StrategyFactory factory() {
        List<StrategyFactory> found = new ArrayList<>();
        ServiceLoader.load(StrategyFactory.class, MomentumFactoryTest.class.getClassLoader()).forEach(found::add);
        return found.stream().filter(f -> f.name().equals("momentum")).findFirst().orElseThrow();
    }

    @Test
    void serviceLoaderFindsTheFactoryWithTheConfigurationsParameters() {
        StrategyFactory factory = factory();

        assertThat(factory).isInstanceOf(MomentumFactory.class);
        assertThat(factory.parameters()).containsKeys("instrument").containsEntry("fastLength", 10).containsEntry("slowLength", 30);
    }

    @Test
    void createBuildsWhatTheComponentAcceptsAndRefusesWithTheComponentsReason() {
        StrategyFactory factory = factory();
        MomentumComponent component = new MomentumComponent();

        assertThat(factory.create(Map.of("instrument", "SIM-BTC", "fastLength", "3", "slowLength", "5"))).isInstanceOf(Momentum.class);
        for (Map<String, ?> bad : List.<Map<String, ?>>of(Map.of("instrument", "SIM-BTC", "fastLength", "40"),
                Map.of("instrument", "SIM-BTC", "orderType", "STOP"),
                Map.of("instrument", "SIM-BTC", "targetPosition", "1.5"))) {
            assertThatThrownBy(() -> factory.create(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(component.registration.problem(bad));
        }
        assertThatThrownBy(() -> factory.create(Map.of("instrument", "SIM-BTC", "fast", "3")))
                .hasMessageStartingWith("momentum: unknown parameter 'fast'");
    }

    @Test
    void theFactoryLoadsAndBuildsWithoutAnyOsgiClass() throws Exception {
        URL strategyClasses = MomentumFactory.class.getProtectionDomain().getCodeSource().getLocation();
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
                    Map.of("instrument", "SIM-BTC"));
            assertThat(built.getClass().getName()).isEqualTo(Momentum.class.getName());
            assertThat(plain.loadClass(Strategy.class.getName()).isInstance(built)).isTrue();
            assertThatThrownBy(() -> api.getMethod("create", Map.class).invoke(found.get(0), Map.of("fastLength", "1")))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause().hasMessage("momentum: parameter instrument is required");
        }
    }
}
