package io.nautilus.notify.delivery;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.config.RateLimit;
import io.nautilus.notify.config.ReceiverConfig;
import io.nautilus.notify.config.RetryConfig;
import io.nautilus.notify.engine.Outgoing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Incidents, messages and receivers for the delivery tests. */
final class TestAlerts {

    /** Retries quick enough for tests: 20 ms doubling to 200 ms, for up to 30 s, 5 s per attempt. */
    static final RetryConfig FAST_RETRY = new RetryConfig(1_000, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(30), Duration.ofSeconds(5));

    private TestAlerts() {
    }

    static AlertView incident(long id, String key, Severity severity, String text) {
        Alert alert = new Alert(key, severity, "risk", text, Deliveries.nowNanos(),
                Map.of(Alert.ACCOUNT, "acc-1", Alert.VENUE, "CME"));
        return new AlertView(id, alert, AlertState.FIRING, alert.timestampNanos(), 1, "route.1", List.of("ops"), 0,
                "", "", 0, "", 0, "");
    }

    static Outgoing firing(long id, String receiver, AlertView... alerts) {
        return new Outgoing(id, receiver, Notification.Kind.FIRING, "route.1/" + id, List.of(alerts), 0,
                Deliveries.nowNanos());
    }

    static ReceiverConfig receiver(String name, String channel, String url, Map<String, String> settings,
                                   Map<String, String> secrets, RetryConfig retry) {
        return new ReceiverConfig(name, channel, url, settings, secrets, RateLimit.UNLIMITED, retry);
    }
}
