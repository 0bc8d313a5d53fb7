package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.config.NotifyConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NotifyEngineTest {

    private static final LongSupplier SYSTEM = () -> {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };

    @Test
    void manyThreadsRaiseAtOnceAndTheEngineThreadSeesEveryRaise() throws InterruptedException {
        List<Outgoing> sent = new CopyOnWriteArrayList<>();
        AlertPipeline pipeline = new AlertPipeline(sent::add, Recorder.NONE, SYSTEM);
        pipeline.configure(NotifyConfig.parse(Map.of("receiver.ui.channel", "ui", "route.1.receivers", "ui",
                "route.1.group_by", "key", "route.1.group_wait", "0")));
        try (NotifyEngine engine = new NotifyEngine(pipeline, 1 << 16, Recorder.NONE, SYSTEM)) {
            engine.start("notify-test");
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int n = t;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        engine.raise(new Alert("k" + (i % 10), Severity.WARNING, "core", "from " + n,
                                SYSTEM.getAsLong()));
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join(10_000);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> engine.call(
                    p -> p.status(0, 0, 0, "").deduplicated(), Duration.ofSeconds(5)) == 8_000 - 10);
            assertThat(engine.raised()).isEqualTo(8_000);
            List<AlertView> open = engine.call(p -> p.alerts(false, 100), Duration.ofSeconds(5));
            assertThat(open).hasSize(10).allSatisfy(a -> assertThat(a.count()).isEqualTo(800));
            assertThat(sent).hasSize(10);
        }
    }

    @Test
    void aFunctionThatThrowsOnTheEngineThreadThrowsToTheCaller() {
        AlertPipeline pipeline = new AlertPipeline(o -> { }, Recorder.NONE, SYSTEM);
        try (NotifyEngine engine = new NotifyEngine(pipeline, 16, Recorder.NONE, SYSTEM)) {
            engine.start("notify-test");
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> engine.call(p -> p.acknowledge("A1", "u", ""), Duration.ofSeconds(5)))
                    .withMessageStartingWith("no open incident has id or key 'A1'");
        }
    }

    @Test
    void theHandOffTakesUpToItsCapacityAndKeepsOrder() {
        HandOff<Integer> q = new HandOff<>(5);
        assertThat(q.capacity()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            assertThat(q.offer(i)).isTrue();
        }
        assertThat(q.offer(8)).isFalse();
        assertThat(q.poll()).isEqualTo(0);
        assertThat(q.offer(8)).isTrue();
        List<Integer> rest = new ArrayList<>();
        Integer x;
        while ((x = q.poll()) != null) {
            rest.add(x);
        }
        assertThat(rest).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(q.isEmpty()).isTrue();
    }
}
