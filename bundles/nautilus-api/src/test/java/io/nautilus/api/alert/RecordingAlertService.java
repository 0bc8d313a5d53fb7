package io.nautilus.api.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AlertService} that keeps what it was told, for the engines' tests of the alerts they raise (shipped in
 * the {@code nautilus-api} test jar); thread-safe.
 */
public final class RecordingAlertService implements AlertService {

    /** Creates an empty recorder. */
    public RecordingAlertService() {
    }

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

    public synchronized List<Alert> raised() {
        return List.copyOf(raised);
    }

    public synchronized List<Alert> raised(String keyPrefix) {
        return raised.stream().filter(a -> a.key().startsWith(keyPrefix)).toList();
    }

    public synchronized List<String> resolved() {
        return List.copyOf(resolved);
    }
}
