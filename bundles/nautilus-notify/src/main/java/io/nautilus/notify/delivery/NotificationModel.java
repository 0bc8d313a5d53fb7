package io.nautilus.notify.delivery;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.engine.Outgoing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data a template sees, built from plain maps, lists, strings and numbers (nothing of the engine's objects):
 *
 * <ul>
 *   <li>{@code id}, {@code kind} ({@code FIRING}, {@code REPEAT}, {@code ESCALATION}, {@code RESOLVED},
 *       {@code SUMMARY}, {@code TEST}), {@code receiver}, {@code channel}, {@code groupKey}, {@code rolledUp},
 *       {@code time} (ISO-8601 UTC, when released), {@code user} (who asked for a test, else empty);</li>
 *   <li>{@code alerts}: the incidents, each with {@code id}, {@code displayId} ({@code A12}), {@code key},
 *       {@code severity}, {@code source}, {@code text}, {@code labels} (a map), {@code state}, {@code count},
 *       {@code firstTime}, {@code time}, {@code route}, {@code escalationLevel}, {@code acknowledgedBy},
 *       {@code resolvedBy}, {@code comment};</li>
 *   <li>{@code alert}: the first of them (absent when there is none: use {@code alert??});
 *       {@code severity}: the highest severity among them (or {@code INFO}).</li>
 * </ul>
 */
final class NotificationModel {

    private NotificationModel() {
    }

    static Map<String, Object> of(Outgoing outgoing, String channel, String user) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", outgoing.id());
        model.put("kind", outgoing.kind().name());
        model.put("receiver", outgoing.receiver());
        model.put("channel", channel);
        model.put("groupKey", outgoing.groupKey());
        model.put("rolledUp", outgoing.rolledUp());
        model.put("time", iso(outgoing.releasedNanos()));
        model.put("user", user);
        List<Map<String, Object>> alerts = new ArrayList<>();
        Severity highest = null;
        for (AlertView view : outgoing.alerts()) {
            alerts.add(alert(view));
            Severity severity = view.alert().severity();
            if (highest == null || severity.ordinal() > highest.ordinal()) {
                highest = severity;
            }
        }
        model.put("alerts", alerts);
        if (!alerts.isEmpty()) {
            model.put("alert", alerts.get(0));
        }
        model.put("severity", highest == null ? "INFO" : highest.name());
        return model;
    }

    private static Map<String, Object> alert(AlertView view) {
        Alert alert = view.alert();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", view.id());
        map.put("displayId", view.displayId());
        map.put("key", alert.key());
        map.put("severity", alert.severity().name());
        map.put("source", alert.source());
        map.put("text", alert.text());
        map.put("labels", new LinkedHashMap<>(alert.labels()));
        map.put("state", view.state().name());
        map.put("count", view.count());
        map.put("firstTime", iso(view.firstNanos()));
        map.put("time", iso(alert.timestampNanos()));
        map.put("route", view.route());
        map.put("escalationLevel", view.escalationLevel());
        map.put("acknowledgedBy", view.acknowledgedBy());
        map.put("resolvedBy", view.resolvedBy());
        map.put("comment", view.comment());
        return map;
    }

    static String iso(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos).toString();
    }
}
