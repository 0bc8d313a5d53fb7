package io.nautilus.notify.internal;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.api.alert.Severity;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.api.LabelMatcher;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.NotifyStatus;
import io.nautilus.notify.config.ReceiverConfig;
import io.nautilus.notify.delivery.ChannelTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** The DS component end to end with a recording channel transport and history store, driven on a fake clock. */
class NotifyManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Delivers everything, keeps what it was given. */
    static final class RecordingTransport implements ChannelTransport {
        final List<Notification> sent = new CopyOnWriteArrayList<>();

        @Override
        public DeliveryResult send(Notification notification, ReceiverConfig receiver, int attempt,
                                   Duration timeout) {
            sent.add(notification);
            return DeliveryResult.delivered("ref-" + notification.id());
        }

        @Override
        public boolean hasRoute(String channel) {
            return !channel.equals("sms");
        }
    }

    private final AtomicLong now = new AtomicLong(1_800_000_000_000_000_000L);
    private final RecordingTransport transport = new RecordingTransport();
    private final List<Alert> historyAlerts = new CopyOnWriteArrayList<>();
    private final List<NotificationRecord> historyRecords = new CopyOnWriteArrayList<>();
    private final NotifyManager manager = new NotifyManager(transport, now::get, false);

    private static Map<String, Object> config(String... lines) {
        Map<String, Object> map = new HashMap<>();
        map.put("service.pid", "io.nautilus.notify");
        for (String line : lines) {
            int eq = line.indexOf('=');
            map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return map;
    }

    private static final String[] RULES = {
        "receiver.email.channel = email", "receiver.email.url = smtp://127.0.0.1:2525?to=ops@example.com",
        "receiver.email.password = smtp-secret",
        "receiver.sms.channel = sms", "receiver.sms.url = http://127.0.0.1:9/sms",
        "route.1.match = severity=CRITICAL", "route.1.receivers = email", "route.1.group_by = key",
        "route.1.group_wait = 0s", "route.1.group_interval = 1m",
        "route.1.escalate.1.after = 5m", "route.1.escalate.1.receivers = sms"};

    private HistoryService history() {
        return (HistoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HistoryService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "recordAlert" -> historyAlerts.add((Alert) args[0]);
                    case "recordNotification" -> historyRecords.add((NotificationRecord) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
        manager.engine().drain();
    }

    @AfterEach
    void stop() {
        manager.deactivate();
    }

    @Test
    void aRaiseIsDeliveredRecordedAcknowledgedAndResolved() {
        manager.bindHistory(history());
        manager.activate(config(RULES));

        manager.raise(new Alert("risk-breach:A1", Severity.CRITICAL, "core", "exposure 120% of limit",
                now.get(), Map.of(Alert.ACCOUNT, "A1")));
        advance(Duration.ZERO);

        await().atMost(WAIT).until(() -> transport.sent.size() == 1);
        Notification mail = transport.sent.get(0);
        assertThat(mail.kind()).isEqualTo(Notification.Kind.FIRING);
        assertThat(mail.receiver()).isEqualTo("email");
        assertThat(mail.alerts()).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo("risk-breach:A1"));
        await().atMost(WAIT).until(() -> historyRecords.stream().anyMatch(r -> r.event().equals("DELIVERY")));
        assertThat(historyAlerts).hasSize(1);
        assertThat(historyRecords).filteredOn(r -> r.event().equals("DELIVERY")).singleElement().satisfies(r -> {
            assertThat(r.alertKey()).isEqualTo("risk-breach:A1");
            assertThat(r.receiver()).isEqualTo("email");
            assertThat(r.outcome()).isEqualTo("DELIVERED");
            assertThat(r.attempt()).isEqualTo(1);
        });
        List<DeliveryView> attempts = manager.deliveries("A1", 10);
        assertThat(attempts).singleElement().satisfies(a -> assertThat(a.detail()).isEqualTo("ref-" + mail.id()));

        assertThat(manager.acknowledge("A1", "alice", "on it").state()).isEqualTo(AlertState.ACKNOWLEDGED);
        advance(Duration.ofMinutes(10));
        assertThat(transport.sent).hasSize(1);

        assertThat(manager.resolve("risk-breach:A1", "alice", "limit raised").state()).isEqualTo(AlertState.RESOLVED);
        advance(Duration.ofMinutes(1));
        await().atMost(WAIT).until(() -> transport.sent.size() == 2);
        assertThat(transport.sent.get(1).kind()).isEqualTo(Notification.Kind.RESOLVED);
        assertThat(historyRecords).extracting(NotificationRecord::event)
                .contains("ACKNOWLEDGED", "RESOLVED");
    }

    @Test
    void aBadFileIsRefusedWholeAndTheRulesInForceStay() {
        manager.activate(config(RULES));

        manager.modified(config("receiver.email.channel = email", "receiver.email.url = smtp://x",
                "route.1.receivers = email", "route.1.group_wait = soon"));

        NotifyStatus status = manager.status();
        assertThat(status.configError()).isEqualTo("etc/io.nautilus.notify.cfg refused, the rules in force stay:"
                + " route.1.group_wait = soon: 'soon' is not a duration (write e.g. 0, 500ms, 10s, 5m, 1h)");
        manager.raise(new Alert("kill-switch", Severity.CRITICAL, "core", "engaged", now.get()));
        advance(Duration.ZERO);
        await().atMost(WAIT).until(() -> transport.sent.size() == 1);
        assertThat(manager.alert("kill-switch").orElseThrow().route()).isEqualTo("route.1");

        manager.modified(config(RULES));
        assertThat(manager.status().configError()).isEmpty();
    }

    @Test
    void escalationReachesTheNextLevelAndStatusWarnsOfAChannelWithoutRoute() {
        manager.activate(config(RULES));
        manager.raise(new Alert("journal", Severity.CRITICAL, "core", "journal write failed", now.get()));
        advance(Duration.ZERO);
        advance(Duration.ofMinutes(5));

        assertThat(manager.alert("journal").orElseThrow().receivers()).containsExactly("email", "sms");
        assertThat(manager.alert("journal").orElseThrow().escalationLevel()).isEqualTo(1);
        assertThat(manager.status().warnings()).anySatisfy(w -> assertThat(w).startsWith("receiver sms: no route"));
        assertThat(manager.receivers()).extracting(r -> r.name()).containsExactly("email", "sms");
        assertThat(manager.receivers().get(0).address()).doesNotContain("smtp-secret");
    }

    @Test
    void silencesAndBadInputFromTheShell() {
        manager.activate(config(RULES));
        var silence = manager.silence(List.of(LabelMatcher.parse("venue=CME")), Duration.ofHours(1), "bob", "");
        assertThat(manager.silences()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo(silence.id()));
        assertThat(manager.expireSilence(silence.id(), "bob").active()).isFalse();

        assertThatIllegalArgumentException().isThrownBy(() -> manager.acknowledge("A7", "bob", ""))
                .withMessage("no open incident has id or key 'A7' (nautilus:alerts list shows them)");
        assertThatIllegalArgumentException().isThrownBy(() -> manager.deliveries("A7", 10))
                .withMessage("no incident has id or key 'A7' (nautilus:alerts list shows them)");
        assertThatIllegalArgumentException().isThrownBy(() -> manager.test("pager", "bob", Duration.ofSeconds(1)));
    }

    @Test
    void aTestMessageGoesOutAtOnceThroughTheTransport() {
        manager.activate(config(RULES));

        DeliveryView attempt = manager.test("email", "bob", Duration.ofSeconds(5));

        assertThat(attempt.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        assertThat(transport.sent).singleElement().satisfies(n -> assertThat(n.kind())
                .isEqualTo(Notification.Kind.TEST));
    }
}
