package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.history.api.NotificationRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the raises recorded and keeps the events. */
final class RecordingRecorder implements Recorder {

    final AtomicLong alerts = new AtomicLong();
    final List<NotificationRecord> events = new CopyOnWriteArrayList<>();

    @Override
    public void alert(Alert alert) {
        alerts.incrementAndGet();
    }

    @Override
    public void event(NotificationRecord record) {
        events.add(record);
    }

    List<String> events(String event) {
        return events.stream().filter(r -> r.event().equals(event))
                .map(r -> r.alertKey() + "|" + r.receiver() + "|" + r.detail() + "|" + r.user()).toList();
    }
}
