package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.config.NotifyConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random streams of raises, resolves, acknowledgements, silences and time (a fixed seed each, named in every
 * failure): what goes out respects the token buckets, nothing held back is lost, acknowledged incidents are not
 * repeated or escalated, every raise is counted in an incident.
 */
class PipelineInvariantsTest {

    private static final int CAPACITY = 3;
    private static final Duration PERIOD = Duration.ofMinutes(1);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 1234, 987_654_321})
    void invariantsHoldOverARandomStream(long seed) {
        Random random = new Random(seed);
        FakeClock clock = new FakeClock();
        List<Outgoing> sent = new ArrayList<>();
        Map<String, String> cfg = new HashMap<>();
        cfg.put("receiver.email.channel", "email");
        cfg.put("receiver.email.url", "smtp://127.0.0.1:2525?to=ops@example.com");
        cfg.put("receiver.email.rate", CAPACITY + "/1m");
        cfg.put("receiver.hook.channel", "webhook");
        cfg.put("receiver.hook.url", "http://127.0.0.1:9/hook");
        cfg.put("receiver.sms.channel", "sms");
        cfg.put("receiver.sms.url", "http://127.0.0.1:9/sms");
        cfg.put("channel.webhook.rate", "5/1m");
        cfg.put("route.1.match", "severity=CRITICAL");
        cfg.put("route.1.receivers", "email, hook");
        cfg.put("route.1.group_by", "key");
        cfg.put("route.1.group_wait", "0");
        cfg.put("route.1.group_interval", "30s");
        cfg.put("route.1.repeat_interval", "10m");
        cfg.put("route.1.escalate.1.after", "2m");
        cfg.put("route.1.escalate.1.receivers", "sms");
        cfg.put("route.1.escalate.loop", "true");
        cfg.put("route.2.receivers", "email");
        cfg.put("route.2.group_by", "venue");
        cfg.put("route.2.group_wait", "20s");
        cfg.put("route.2.group_interval", "1m");
        cfg.put("route.2.repeat_interval", "15m");
        cfg.put("inhibit.1.source", "key=~down:.*");
        cfg.put("inhibit.1.target", "key=~reject:.*");
        cfg.put("inhibit.1.equal", "venue");
        AlertPipeline pipeline = new AlertPipeline(sent::add, Recorder.NONE, clock);
        pipeline.configure(NotifyConfig.parse(cfg));
        NotifyEngine engine = new NotifyEngine(pipeline, 1 << 14, Recorder.NONE, clock);
        Map<Long, Long> acknowledgedAt = new HashMap<>();
        String[] venues = {"CME", "ICE", "EUREX"};
        long raises = 0;

        for (int step = 0; step < 4_000; step++) {
            int op = random.nextInt(100);
            String venue = venues[random.nextInt(venues.length)];
            if (op < 55) {
                String kind = random.nextInt(5) == 0 ? "down" : "reject";
                String key = kind + ":" + venue + (kind.equals("reject") ? ":" + random.nextInt(6) : "");
                Severity severity = kind.equals("down") || random.nextInt(10) == 0 ? Severity.CRITICAL
                        : Severity.WARNING;
                engine.raise(new Alert(key, severity, "venues", "step " + step, clock.getAsLong(),
                        Map.of(Alert.VENUE, venue)));
                raises++;
            } else if (op < 70) {
                engine.resolve((random.nextBoolean() ? "down:" + venue : "reject:" + venue + ":" + random.nextInt(6)),
                        "cleared");
            } else if (op < 78) {
                engine.drain();
                List<AlertView> open = pipeline.alerts(false, 1_000);
                List<AlertView> firing = open.stream().filter(a -> a.state() == AlertState.FIRING).toList();
                if (!firing.isEmpty()) {
                    AlertView a = firing.get(random.nextInt(firing.size()));
                    pipeline.acknowledge(a.displayId(), "op", "");
                    acknowledgedAt.put(a.id(), clock.getAsLong());
                }
            } else if (op < 80) {
                engine.drain();
                pipeline.silence(List.of(LabelMatcher.parse("venue=" + venue)),
                        Duration.ofSeconds(1 + random.nextInt(600)), "op", "");
            } else {
                clock.advance(Duration.ofMillis(random.nextInt(20_000)));
                engine.drain();
            }
        }
        for (int i = 0; i < 120; i++) {
            clock.advance(Duration.ofMinutes(1));
            engine.drain();
        }
        String seedText = "seed " + seed;

        long counted = pipeline.alerts(true, 100_000).stream().mapToLong(AlertView::count).sum();
        assertThat(counted).as(seedText + ": every raise is in an incident's count").isEqualTo(raises);

        assertThat(maxInWindow(sent, "email", PERIOD)).as(seedText + ": e-mails in any minute")
                .isLessThanOrEqualTo(2 * CAPACITY);
        List<Outgoing> webhookChannel = sent.stream().filter(o -> o.receiver().equals("hook")).toList();
        assertThat(maxInWindow(webhookChannel, "hook", PERIOD)).as(seedText + ": webhook posts in any minute")
                .isLessThanOrEqualTo(2 * 5);

        for (String receiver : List.of("email", "hook", "sms")) {
            long summarised = sent.stream().filter(o -> o.receiver().equals(receiver)
                    && o.kind() == Notification.Kind.SUMMARY).mapToLong(Outgoing::rolledUp).sum();
            assertThat(summarised).as(seedText + ": what " + receiver + "'s limits held back went out in summaries")
                    .isEqualTo(pipeline.rolledUp(receiver));
        }

        for (Outgoing o : sent) {
            if (o.kind() == Notification.Kind.REPEAT || o.kind() == Notification.Kind.ESCALATION) {
                for (AlertView a : o.alerts()) {
                    Long ackedAt = acknowledgedAt.get(a.id());
                    assertThat(ackedAt == null || o.releasedNanos() <= ackedAt)
                            .as(seedText + ": " + o.kind() + " " + o.id() + " about acknowledged " + a.displayId())
                            .isTrue();
                }
            }
        }
        assertThat(pipeline.status(0, 0, 0, "").warnings()).as(seedText).noneMatch(w -> w.contains("held back"));
    }

    private static long maxInWindow(List<Outgoing> sent, String receiver, Duration window) {
        List<Long> times = sent.stream().filter(o -> o.receiver().equals(receiver)).map(Outgoing::releasedNanos)
                .sorted().toList();
        long max = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= window.toNanos()) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }
}
