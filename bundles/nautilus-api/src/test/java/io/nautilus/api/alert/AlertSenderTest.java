package io.nautilus.api.alert;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AlertSenderTest {

    private final List<String> logged = new ArrayList<>();
    private final AlertSender sender = new AlertSender((key, n, e) -> logged.add(key + " " + n + " " + e.getMessage()));

    @Test
    void nothingIsBuiltOrSentWithoutAService() {
        AtomicInteger built = new AtomicInteger();
        sender.raise("k", () -> {
            built.incrementAndGet();
            return new Alert("k", Severity.INFO, "test", "text", 1);
        });
        sender.resolve("k", "gone");

        assertThat(built).hasValue(0);
        assertThat(sender.active()).isFalse();
    }

    @Test
    void raisesAndResolvesThroughTheBoundServiceUntilItIsUnbound() {
        RecordingAlertService service = new RecordingAlertService();
        sender.bind(service);
        sender.raise("k", () -> new Alert("k", Severity.WARNING, "test", "text", 1));
        sender.resolve("k", "gone");
        sender.unbind(new RecordingAlertService());
        assertThat(sender.active()).isTrue();
        sender.unbind(service);
        sender.raise("k2", () -> new Alert("k2", Severity.WARNING, "test", "text", 1));

        assertThat(service.raised()).extracting(Alert::key).containsExactly("k");
        assertThat(service.resolved()).containsExactly("k | gone");
    }

    @Test
    void aFailingServiceNeverThrowsAndIsLoggedAtPowersOfTwo() {
        sender.bind(new AlertService() {
            @Override
            public void raise(Alert alert) {
                throw new IllegalStateException("down");
            }

            @Override
            public void resolve(String key, String reason) {
                throw new IllegalStateException("down");
            }
        });
        for (int i = 1; i <= 5; i++) {
            sender.raise("k" + i, () -> new Alert("k", Severity.CRITICAL, "test", "text", 1));
        }
        sender.resolve("r", "gone");

        assertThat(logged).containsExactly("k1 1 down", "k2 2 down", "k4 4 down");
    }

    @Test
    void nowIsNanosecondsSinceTheEpoch() {
        long before = System.currentTimeMillis();
        long now = AlertSender.nowNanos();
        assertThat(now / 1_000_000).isBetween(before - 1, System.currentTimeMillis() + 1);
    }
}
