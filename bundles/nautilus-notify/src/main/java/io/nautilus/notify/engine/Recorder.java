package io.nautilus.notify.engine;

import io.nautilus.api.alert.Alert;
import io.nautilus.history.api.NotificationRecord;

/**
 * Where the engine records what it sees and does (the history store when there is one). Both methods must return
 * at once and may be called from any thread.
 */
public interface Recorder {

    /** Records nothing. */
    Recorder NONE = new Recorder() {
        @Override
        public void alert(Alert alert) {
        }

        @Override
        public void event(NotificationRecord record) {
        }
    };

    /**
     * Records one raise (every call of {@code AlertService.raise}, repeats and refused ones included).
     *
     * @param alert the alert as raised
     */
    void alert(Alert alert);

    /**
     * Records something done with an incident: suppressed, acknowledged, resolved, escalated, a silence, a summary,
     * a delivery attempt.
     *
     * @param record the record
     */
    void event(NotificationRecord record);
}
