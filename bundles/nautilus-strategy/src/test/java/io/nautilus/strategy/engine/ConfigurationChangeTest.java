package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.strategy.StrategyRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A strategy component's configuration changing, as Config Admin and DS drive it ({@code @Activate},
 * {@code @Modified}, {@code @Deactivate} through {@link StrategyRegistration}), against the real bindings and
 * engine: a bad value keeps the running instance and its configuration, a second configuration reusing an id is
 * refused.
 */
class ConfigurationChangeTest {

    /** The configuration type of the test strategy, like a strategy's Metatype {@code @ObjectClassDefinition}. */
    @interface QuoterConfig {
        String id() default "";

        String account() default "";

        String instrument() default "";

        long orderSize() default 1;

        int halfSpreadTicks() default 2;

        String orderPolicy() default "CANCEL_ALL";
    }

    private static final String FACTORY_PID = "io.nautilus.strategy.quoter";
    private static final StrategyId ID = StrategyId.of("q-demo");

    private final FakeTradingPort port = new FakeTradingPort();
    private final StrategyEngine engine = new StrategyEngine(port, StrategyAlertHook.NONE, System::nanoTime, 1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final StrategyBindings bindings = new StrategyBindings(engine, timer, TimeUnit.MILLISECONDS.toNanos(50),
            AccountId.of("ACC1"), log::add);
    private final FakeServiceRegistry registry = new FakeServiceRegistry(bindings);
    private final Recorder recorder = new Recorder();
    private final AtomicInteger versions = new AtomicInteger();

    @AfterEach
    void shutdown() {
        timer.shutdownNow();
        assertThat(engine.shutdown(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aNegativeParameterIsRefusedAndTheRunningInstanceKeepsItsConfiguration() {
        StrategyRegistration<QuoterConfig> component = activated("q-demo", "demo");
        StrategyInstance instance = engine.instance(ID).orElseThrow();

        String problem = component.modified(configuration("q-demo", "demo", "halfSpreadTicks", "-1"));

        assertThat(problem).isEqualTo("quoter: halfSpreadTicks -1 must be at least 1");
        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(instance.version()).isEqualTo(1);
        assertThat(bindings.configError(ID)).isEqualTo("new configuration refused, the previous one stays in force:"
                + " quoter: halfSpreadTicks -1 must be at least 1");
        assertThat(bindings.properties(ID).get("halfSpreadTicks")).isEqualTo("2");
        assertThat(log).contains("strategy q-demo: new configuration refused, the previous one stays in force:"
                + " quoter: halfSpreadTicks -1 must be at least 1");
        engine.onQuote(Events.quote(1));
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 1);
    }

    @Test
    void aNonNumericOrZeroQuantityIsRefusedAndTheInstanceKeepsRunning() {
        StrategyRegistration<QuoterConfig> component = activated("q-demo", "demo");
        StrategyInstance instance = engine.instance(ID).orElseThrow();

        assertThat(component.modified(configuration("q-demo", "demo", "orderSize", "abc")))
                .isEqualTo("parameter orderSize 'abc' is not a whole number");
        assertThat(component.modified(configuration("q-demo", "demo", "orderSize", "0")))
                .isEqualTo("quoter: orderSize 0 must be at least 1");
        assertThat(component.modified(configuration("q-demo", "demo", "orderSize", "1e3")))
                .isEqualTo("parameter orderSize '1e3' is not a whole number");

        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(instance.version()).isEqualTo(1);
        assertThat(bindings.configError(ID)).endsWith("parameter orderSize '1e3' is not a whole number");
        assertThat(registry.events).doesNotContain("unregister Strategy");
    }

    @Test
    void aValidChangeAfterARefusedOneHandsTheInstanceOverAndClearsTheError() throws Exception {
        StrategyRegistration<QuoterConfig> component = activated("q-demo", "demo");
        StrategyInstance instance = engine.instance(ID).orElseThrow();
        component.modified(configuration("q-demo", "demo", "halfSpreadTicks", "-1"));

        assertThat(component.modified(configuration("q-demo", "demo", "halfSpreadTicks", "3"))).isEmpty();

        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.version() == 2);
        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(bindings.configError(ID)).isEmpty();
        assertThat(bindings.properties(ID).get("halfSpreadTicks")).isEqualTo("3");
        assertThat(registry.events).containsSubsequence("register Strategy", "register Strategy",
                "unregister Strategy");
    }

    @Test
    void aSecondConfigurationWithTheSameIdIsRefusedAndDeletingItLeavesTheOriginalRunning() {
        activated("q-demo", "demo");
        StrategyInstance instance = engine.instance(ID).orElseThrow();

        StrategyRegistration<QuoterConfig> duplicate = activated("q-demo", "copy");

        String reason = "configuration " + FACTORY_PID + "~copy also names strategy id q-demo, which configuration "
                + FACTORY_PID + "~demo runs: refused (give it another id)";
        assertThat(registry.events).contains("not bound: " + reason);
        assertThat(bindings.configError(ID)).isEqualTo(reason);
        assertThat(log).contains("strategy q-demo: " + reason);
        assertThat(instance.version()).isEqualTo(1);
        assertThat(bindings.properties(ID).get("service.pid")).isEqualTo(FACTORY_PID + "~demo");

        duplicate.deactivate();

        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(engine.instance(ID)).containsSame(instance);
        assertThat(bindings.configError(ID)).isEmpty();
        engine.onQuote(Events.quote(1));
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 1);
    }

    @Test
    void theCheckRefusesAChangeBeforeItIsSavedAndNamesUnknownParameters() {
        activated("q-demo", "demo");
        ParameterChange change = new ParameterChange(ID, registry.checks.get(FACTORY_PID + "~demo"),
                bindings.properties(ID));
        Map<String, Object> saved = new HashMap<>(configuration("q-demo", "demo"));

        assertThat(change.apply(saved, Map.of("halfSpreadTicks", "4"))).containsEntry("halfSpreadTicks", "4");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> change.apply(saved, Map.of("halfSpreadTicks", "-1")))
                .withMessage("strategy q-demo refuses the change: quoter: halfSpreadTicks -1 must be at least 1;"
                        + " nothing changed");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> change.apply(saved, Map.of("spreadTicks", "4")))
                .withMessage("strategy q-demo has no parameter 'spreadTicks' (its parameters: account,"
                        + " halfSpreadTicks, id, instrument, orderPolicy, orderSize); nothing changed");
    }

    private StrategyRegistration<QuoterConfig> activated(String id, String name) {
        StrategyRegistration<QuoterConfig> component = new StrategyRegistration<>(FACTORY_PID, QuoterConfig.class,
                config -> {
                    check("orderSize", config.orderSize());
                    check("halfSpreadTicks", config.halfSpreadTicks());
                    return new RecordingStrategy(recorder, versions.incrementAndGet());
                });
        component.activate(registry.bundleContext(), configuration(id, name));
        return component;
    }

    private static void check(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("quoter: " + name + " " + value + " must be at least 1");
        }
    }

    private static Map<String, Object> configuration(String id, String name, String... changes) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.pid", FACTORY_PID + "~" + name);
        properties.put("service.factoryPid", FACTORY_PID);
        properties.put("id", id);
        properties.put("account", "ACC1");
        properties.put("instrument", "EURUSD");
        properties.put("orderSize", "1");
        properties.put("halfSpreadTicks", "2");
        for (int i = 0; i < changes.length; i += 2) {
            properties.put(changes[i], changes[i + 1]);
        }
        return properties;
    }
}
