package io.nautilus.strategy.engine;

import io.nautilus.api.StrategyId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DetachAttachTest {

    private static final StrategyId ID = StrategyId.of("trend");

    private final StrategyEngine engine = new StrategyEngine(new FakeTradingPort(), StrategyAlertHook.NONE,
            System::nanoTime, 1);

    @AfterEach
    void shutdown() {
        assertThat(engine.shutdown(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aNewVersionArrivingBeforeTheDetachIsProcessedIsAttachedNotLost() throws Exception {
        // DS reconfiguring a strategy component unregisters and registers its service back to back: the swap call can
        // come while the detach still waits in the instance's queue behind events
        Recorder recorder = new Recorder();
        RecordingStrategy v1 = new RecordingStrategy(recorder, 1);
        StrategyInstance instance = engine.start(InstanceConfig.of(ID, Events.ACCOUNT), v1);
        for (int round = 0; round < 50; round++) {
            for (int i = 1; i <= 20; i++) {
                engine.onQuote(Events.quote(round * 20 + i));
            }
            int version = instance.version();
            CompletableFuture<Map<String, String>> detached = instance.detach();
            SwapResult result = instance.swap(new RecordingStrategy(recorder, version + 1)).get(10, TimeUnit.SECONDS);
            detached.get(10, TimeUnit.SECONDS);

            assertThat(result.swapped()).as("round %d: %s", round, result).isTrue();
            assertThat(instance.version()).isEqualTo(version + 1);
            assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 1_000);
        for (int k = 0; k < 1_000; k++) {
            assertThat(recorder.payloads[k]).isEqualTo(k + 1);
        }
    }

    @Test
    void detachedInstanceBuffersEventsAndReplaysThemToTheAttachedVersion() throws Exception {
        Recorder recorder = new Recorder();
        RecordingStrategy v1 = new RecordingStrategy(recorder, 1);
        StrategyInstance instance = engine.start(InstanceConfig.of(ID, Events.ACCOUNT), v1);
        for (int i = 1; i <= 3; i++) {
            engine.onQuote(Events.quote(i));
        }

        Map<String, String> state = instance.detach().get(10, TimeUnit.SECONDS);
        for (int i = 4; i <= 8; i++) {
            engine.onQuote(Events.quote(i));
        }
        assertThat(instance.state()).isEqualTo(InstanceState.DETACHED);
        assertThat(instance.queuedEvents()).as("held, not delivered").isEqualTo(5);
        RecordingStrategy v2 = new RecordingStrategy(recorder, 2);
        SwapResult result = instance.attach(v2).get(10, TimeUnit.SECONDS);
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 8);
        engine.stop(ID).get(10, TimeUnit.SECONDS);

        assertThat(state).containsEntry("count", "3");
        assertThat(v1.stopped).isTrue();
        assertThat(v2.importedCount).isEqualTo(3);
        assertThat(v2.count).isEqualTo(8);
        assertThat(result.swapped()).isTrue();
        assertThat(result.bufferedEvents()).isEqualTo(5);
        assertThat(result.lastOldSequence()).isEqualTo(3);
        assertThat(recorder.count).isEqualTo(8);
        for (int k = 0; k < 8; k++) {
            assertThat(recorder.sequences[k]).isEqualTo(k + 1);
            assertThat(recorder.payloads[k]).isEqualTo(k + 1);
            assertThat(recorder.versions[k]).isEqualTo(k < 3 ? 1 : 2);
        }
    }

    @Test
    void attachRequestedBeforeTheDetachHappensWaitsForIt() throws Exception {
        Recorder recorder = new Recorder();
        StrategyInstance instance = engine.start(InstanceConfig.of(ID, Events.ACCOUNT),
                new RecordingStrategy(recorder, 1));
        engine.onQuote(Events.quote(1));

        var detached = instance.detach();
        var attached = instance.attach(new RecordingStrategy(recorder, 2));
        engine.onQuote(Events.quote(2));

        assertThat(detached.get(10, TimeUnit.SECONDS)).containsEntry("count", "1");
        assertThat(attached.get(10, TimeUnit.SECONDS).swapped()).isTrue();
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 2);
        assertThat(instance.version()).isEqualTo(2);
        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
    }

    @Test
    void refusedStateKeepsTheInstanceDetachedForAnotherVersion() throws Exception {
        Recorder recorder = new Recorder();
        StrategyInstance instance = engine.start(InstanceConfig.of(ID, Events.ACCOUNT),
                new RecordingStrategy(recorder, 1));
        instance.detach().get(10, TimeUnit.SECONDS);
        RecordingStrategy picky = new RecordingStrategy(recorder, 2) {
            @Override
            public void importState(Map<String, String> state) {
                throw new IllegalArgumentException("needs key 'inventory'");
            }
        };

        SwapResult refused = instance.attach(picky).get(10, TimeUnit.SECONDS);
        SwapResult accepted = instance.attach(new RecordingStrategy(recorder, 3)).get(10, TimeUnit.SECONDS);

        assertThat(refused.swapped()).isFalse();
        assertThat(refused.problem()).contains("needs key 'inventory'");
        assertThat(picky.started).isFalse();
        assertThat(accepted.swapped()).isTrue();
        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
    }

    @Test
    void stopWhileDetachedEndsTheInstance() throws Exception {
        StrategyInstance instance = engine.start(InstanceConfig.of(ID, Events.ACCOUNT),
                new RecordingStrategy(new Recorder(), 1));
        instance.detach().get(10, TimeUnit.SECONDS);
        engine.onQuote(Events.quote(1));

        assertThat(engine.stop(ID).get(10, TimeUnit.SECONDS)).isEqualTo(InstanceState.STOPPED);
        assertThat(instance.deliveredEvents()).isZero();
        assertThat(instance.attach(new RecordingStrategy(new Recorder(), 2)).get(10, TimeUnit.SECONDS).swapped())
                .isFalse();
    }
}
