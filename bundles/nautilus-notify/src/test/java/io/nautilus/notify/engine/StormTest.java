package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.config.NotifyConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10 000 raises in one (fake) second: 100 critical keys raised 50 times each, one per account, and 1 000 warning
 * keys raised 5 times each, all from the core. The critical route groups by key with group_wait 0; the warning
 * route groups by source. E-mail is limited to 20/1m per receiver and 30/1m for the channel, the webhook to 60/1m.
 */
class StormTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingDispatcher out = new RecordingDispatcher();
    private final RecordingRecorder recorder = new RecordingRecorder();

    @Test
    void aStormIsDeduplicatedGroupedRateLimitedAndFullyCounted() {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("receiver.email.channel", "email");
        cfg.put("receiver.email.url", "smtp://127.0.0.1:2525?to=ops@example.com");
        cfg.put("receiver.email.rate", "20/1m");
        cfg.put("channel.email.rate", "30/1m");
        cfg.put("receiver.hook.channel", "webhook");
        cfg.put("receiver.hook.url", "http://127.0.0.1:9/hook");
        cfg.put("receiver.hook.rate", "60/1m");
        cfg.put("route.1.match", "severity=CRITICAL");
        cfg.put("route.1.receivers", "email, hook");
        cfg.put("route.1.group_by", "key");
        cfg.put("route.1.group_wait", "0s");
        cfg.put("route.1.group_interval", "1m");
        cfg.put("route.1.repeat_interval", "1h");
        cfg.put("route.2.match", "severity=WARNING");
        cfg.put("route.2.receivers", "email");
        cfg.put("route.2.group_by", "source");
        cfg.put("route.2.group_wait", "10s");
        AlertPipeline pipeline = new AlertPipeline(out, recorder, clock);
        pipeline.configure(NotifyConfig.parse(cfg));
        NotifyEngine engine = new NotifyEngine(pipeline, 16384, recorder, clock);

        long start = clock.getAsLong();
        for (int i = 0; i < 10_000; i++) {
            Alert alert = i % 2 == 0
                    ? new Alert("risk-breach:A" + (i / 2) % 100, Severity.CRITICAL, "core", "limit breached #" + i,
                    clock.getAsLong(), Map.of(Alert.ACCOUNT, "A" + (i / 2) % 100))
                    : new Alert("risk-reject:" + (i / 2) % 1000, Severity.WARNING, "core", "rejected #" + i,
                    clock.getAsLong());
            engine.raise(alert);
            clock.advance(Duration.ofNanos(100_000));
            if (i % 500 == 499) {
                engine.runOnce();
            }
        }
        engine.drain();
        assertThat(clock.getAsLong() - start).isEqualTo(Duration.ofSeconds(1).toNanos());
        List<Outgoing> firstSecond = out.take();

        NotifyStatus status = pipeline.status(engine.raised(), engine.overflowed(), 0, "");
        assertThat(status.raised()).isEqualTo(10_000);
        assertThat(recorder.alerts).hasValue(10_000);
        assertThat(status.overflowed()).isZero();
        assertThat(status.open()).isEqualTo(1_100);
        assertThat(status.deduplicated()).isEqualTo(10_000 - 1_100);
        assertThat(count(firstSecond, "email", null)).isEqualTo(20);
        assertThat(count(firstSecond, "hook", null)).isEqualTo(60);
        assertThat(firstSecond).allSatisfy(o -> assertThat(o.kind()).isEqualTo(Notification.Kind.FIRING));

        List<Outgoing> later = new ArrayList<>();
        for (int s = 0; s < 600; s++) {
            clock.advance(Duration.ofSeconds(1));
            engine.drain();
            later.addAll(out.take());
            if (s == 59) {
                assertThat(count(firstSecond, "email", null) + count(later, "email", null))
                        .as("e-mails in the first minute: the bucket's 20 plus one refill")
                        .isLessThanOrEqualTo(40);
            }
        }

        // the 100 critical groups: 20 e-mails and 60 posts went out one by one; the rest went out in exactly one
        // summary per receiver as soon as a token came back, which says how many it stands for
        List<Outgoing> summaries = later.stream().filter(o -> o.kind() == Notification.Kind.SUMMARY).toList();
        assertThat(summaries).extracting(Outgoing::receiver).containsExactlyInAnyOrder("email", "hook");
        Outgoing emailSummary = summaries.stream().filter(o -> o.receiver().equals("email")).findFirst().orElseThrow();
        Outgoing hookSummary = summaries.stream().filter(o -> o.receiver().equals("hook")).findFirst().orElseThrow();
        assertThat(emailSummary.rolledUp()).isEqualTo(100 - 20);
        assertThat(hookSummary.rolledUp()).isEqualTo(100 - 60);
        assertThat(emailSummary.alerts()).hasSize(80).allSatisfy(a -> assertThat(a.count()).isEqualTo(50));
        assertThat(hookSummary.alerts()).hasSize(40);
        assertThat(emailSummary.releasedNanos() - start).isLessThan(Duration.ofSeconds(10).toNanos());
        // the warning group (1 000 keys from the core) is released after its group_wait, once, in one e-mail
        List<Outgoing> warning = later.stream().filter(o -> o.kind() == Notification.Kind.FIRING).toList();
        assertThat(warning).singleElement().satisfies(o -> {
            assertThat(o.receiver()).isEqualTo("email");
            assertThat(o.groupKey()).isEqualTo("route.2/{source=core}");
            assertThat(o.alerts()).hasSize(1_000);
        });
        assertThat(later).hasSize(3);
        NotifyStatus after = pipeline.status(engine.raised(), 0, 0, "");
        assertThat(after.rolledUp()).isEqualTo(80 + 40);
        assertThat(after.notifications()).isEqualTo(20 + 60 + 2 + 1);
        assertThat(after.warnings()).noneMatch(w -> w.contains("held back"));
    }

    private static long count(List<Outgoing> list, String receiver, Notification.Kind kind) {
        return list.stream().filter(o -> o.receiver().equals(receiver) && (kind == null || o.kind() == kind)).count();
    }
}
