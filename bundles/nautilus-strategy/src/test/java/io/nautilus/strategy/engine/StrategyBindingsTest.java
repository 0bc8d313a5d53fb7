package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.StrategyId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class StrategyBindingsTest {

    private static final StrategyId ID = StrategyId.of("mm-eurusd");
    private static final Map<String, Object> PROPERTIES = Map.of(StrategyBindings.ID, "mm-eurusd",
            StrategyBindings.ACCOUNT, "ACC1", "spread.ticks", "5", "service.id", 17L);

    private final FakeTradingPort port = new FakeTradingPort();
    private final StrategyEngine engine = new StrategyEngine(port, StrategyAlertHook.NONE, System::nanoTime, 1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutdown() {
        timer.shutdownNow();
        assertThat(engine.shutdown(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void bundleUpdateUnregisteringFirstDetachesThenAttachesTheNewVersion() throws Exception {
        StrategyBindings bindings = bindings(TimeUnit.SECONDS.toNanos(30));
        Recorder recorder = new Recorder();
        RecordingStrategy v1 = new RecordingStrategy(recorder, 1);
        bindings.added(v1, PROPERTIES);
        engine.onQuote(Events.quote(1));
        StrategyInstance instance = engine.instance(ID).orElseThrow();
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 1);

        bindings.removed(v1);
        engine.onQuote(Events.quote(2));
        RecordingStrategy v2 = new RecordingStrategy(recorder, 2);
        SwapResult result = bindings.added(v2, PROPERTIES).get(10, TimeUnit.SECONDS);
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 2);

        assertThat(result.swapped()).isTrue();
        assertThat(v1.stopped).isTrue();
        assertThat(v2.importedCount).isEqualTo(1);
        assertThat(instance.version()).isEqualTo(2);
        assertThat(instance.context().parameters()).containsEntry("spread.ticks", "5").doesNotContainKey("service.id");
    }

    @Test
    void newVersionRegisteredFirstSwapsAndTheOldServiceGoingAwayChangesNothing() throws Exception {
        StrategyBindings bindings = bindings(TimeUnit.SECONDS.toNanos(30));
        Recorder recorder = new Recorder();
        RecordingStrategy v1 = new RecordingStrategy(recorder, 1);
        bindings.added(v1, PROPERTIES);
        RecordingStrategy v2 = new RecordingStrategy(recorder, 2);

        SwapResult result = bindings.added(v2, PROPERTIES).get(10, TimeUnit.SECONDS);
        bindings.removed(v1);
        engine.onQuote(Events.quote(1));
        StrategyInstance instance = engine.instance(ID).orElseThrow();
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 1);

        assertThat(result.swapped()).isTrue();
        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(recorder.versions[0]).isEqualTo(2);
    }

    @Test
    void detachedInstanceIsStoppedWhenNoNewVersionComesWithinTheGracePeriod() throws Exception {
        StrategyBindings bindings = bindings(TimeUnit.MILLISECONDS.toNanos(50));
        RecordingStrategy v1 = new RecordingStrategy(new Recorder(), 1);
        bindings.added(v1, PROPERTIES);
        StrategyInstance instance = engine.instance(ID).orElseThrow();

        bindings.removed(v1);

        assertThat(instance.terminated().get(10, TimeUnit.SECONDS)).isEqualTo(InstanceState.STOPPED);
        assertThat(log).anyMatch(line -> line.contains("grace period"));
    }

    @Test
    void configIsReadFromServiceProperties() {
        InstanceConfig config = StrategyBindings.configOf(Map.of(StrategyBindings.ID, "trend-1",
                StrategyBindings.INSTRUMENTS, new String[] {"EURUSD", "GBPUSD"}, StrategyBindings.ORDER_POLICY, "leave",
                StrategyBindings.QUEUE_CAPACITY, "1024", "lookback", 20, "component.name", "x"),
                AccountId.of("default"));

        assertThat(config.id()).isEqualTo(StrategyId.of("trend-1"));
        assertThat(config.account()).isEqualTo(AccountId.of("default"));
        assertThat(config.instruments()).containsExactlyInAnyOrder(InstrumentId.of("EURUSD"),
                InstrumentId.of("GBPUSD"));
        assertThat(config.orderPolicy()).isEqualTo(OrderPolicy.LEAVE);
        assertThat(config.queueCapacity()).isEqualTo(1024);
        assertThat(config.parameters()).isEqualTo(Map.of("lookback", "20"));
    }

    @Test
    void missingIdOrBadPolicyIsRefusedWithTheProperty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StrategyBindings.configOf(Map.of(), AccountId.of("a")))
                .withMessageContaining(StrategyBindings.ID);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StrategyBindings.configOf(Map.of(StrategyBindings.ID, "x",
                        StrategyBindings.ORDER_POLICY, "panic"), AccountId.of("a")))
                .withMessageContaining("panic");
    }

    @Test
    void anOperatorStopSticksAcrossNewVersionsUntilAnOperatorStart() throws Exception {
        StrategyBindings bindings = bindings(TimeUnit.SECONDS.toNanos(30));
        Recorder recorder = new Recorder();
        RecordingStrategy v1 = new RecordingStrategy(recorder, 1);
        bindings.added(v1, PROPERTIES);

        assertThat(bindings.operatorStop(ID).get(10, TimeUnit.SECONDS)).isEqualTo(InstanceState.STOPPED);
        assertThat(v1.stopped).isTrue();
        assertThat(bindings.isStoppedByOperator(ID)).isTrue();
        RecordingStrategy v2 = new RecordingStrategy(recorder, 2);
        bindings.removed(v1);
        bindings.added(v2, PROPERTIES).get(10, TimeUnit.SECONDS);
        assertThat(engine.instance(ID).orElseThrow().state()).isEqualTo(InstanceState.STOPPED);
        assertThat(v2.started).isFalse();

        bindings.operatorStart(ID);
        StrategyInstance restarted = engine.instance(ID).orElseThrow();
        await().atMost(10, TimeUnit.SECONDS).until(() -> v2.started);
        engine.onQuote(Events.quote(1));
        await().atMost(10, TimeUnit.SECONDS).until(() -> restarted.deliveredEvents() == 1);
        assertThat(bindings.isStoppedByOperator(ID)).isFalse();
        assertThat(bindings.strategy(ID)).isSameAs(v2);
        assertThat(bindings.properties(ID).get("spread.ticks")).isEqualTo("5");
    }

    @Test
    void operatorRequestsForUnknownOrWrongStateInstancesAreRefused() throws Exception {
        StrategyBindings bindings = bindings(TimeUnit.SECONDS.toNanos(30));
        assertThatIllegalArgumentException().isThrownBy(() -> bindings.operatorStop(ID))
                .withMessageContaining("no strategy instance mm-eurusd");
        assertThatIllegalArgumentException().isThrownBy(() -> bindings.operatorStart(ID))
                .withMessageContaining("no strategy instance mm-eurusd");
        RecordingStrategy v1 = new RecordingStrategy(new Recorder(), 1);
        bindings.added(v1, PROPERTIES);
        assertThatIllegalArgumentException().isThrownBy(() -> bindings.operatorStart(ID))
                .withMessageContaining("already running");
        bindings.operatorStop(ID).get(10, TimeUnit.SECONDS);
        assertThatIllegalArgumentException().isThrownBy(() -> bindings.operatorStop(ID))
                .withMessageContaining("not running");
        bindings.removed(v1);
        assertThatIllegalArgumentException().isThrownBy(() -> bindings.operatorStart(ID))
                .withMessageContaining("no strategy service now");
    }

    @Test
    void theFreshStartHookRunsForStartsButNotForHandOvers() throws Exception {
        StrategyBindings bindings = bindings(TimeUnit.SECONDS.toNanos(30));
        List<StrategyId> prepared = new CopyOnWriteArrayList<>();
        bindings.beforeFreshStart(config -> prepared.add(config.id()));
        Recorder recorder = new Recorder();
        RecordingStrategy v1 = new RecordingStrategy(recorder, 1);
        bindings.added(v1, PROPERTIES);
        bindings.added(new RecordingStrategy(recorder, 2), PROPERTIES).get(10, TimeUnit.SECONDS);
        assertThat(prepared).containsExactly(ID);

        bindings.operatorStop(ID).get(10, TimeUnit.SECONDS);
        bindings.operatorStart(ID);
        assertThat(prepared).containsExactly(ID, ID);

        bindings.beforeFreshStart(config -> {
            throw new IllegalStateException("core not answering");
        });
        bindings.operatorStop(ID).get(10, TimeUnit.SECONDS);
        bindings.operatorStart(ID);
        assertThat(engine.instance(ID).orElseThrow().state().isLive()).as("starts anyway").isTrue();
        assertThat(log).anyMatch(line -> line.contains("preparing the start failed: core not answering"));
    }

    private StrategyBindings bindings(long graceNanos) {
        return new StrategyBindings(engine, timer, graceNanos, AccountId.of("default"), log::add);
    }
}
