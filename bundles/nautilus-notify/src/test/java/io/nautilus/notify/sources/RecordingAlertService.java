package io.nautilus.notify.sources;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;

import java.util.ArrayList;
import java.util.List;

/** An {@link AlertService} that keeps what it was told, for tests; thread-safe. */
final class RecordingAlertService implements AlertService {

    private final List<Alert> raised = new ArrayList<>();
    private final List<String> resolved = new ArrayList<>();

    @Override
    public synchronized void raise(Alert alert) {
        raised.add(alert);
    }

    @Override
    public synchronized void resolve(String key, String reason) {
        resolved.add(key + " | " + reason);
    }

    synchronized List<Alert> raised() {
        return List.copyOf(raised);
    }

    synchronized List<Alert> raised(String keyPrefix) {
        return raised.stream().filter(a -> a.key().startsWith(keyPrefix)).toList();
    }

    synchronized List<String> resolved() {
        return List.copyOf(resolved);
    }
}
