package io.nautilus.history.api;

import io.nautilus.api.alert.Alert;

import java.util.Objects;

/**
 * One alert as the store keeps it.
 *
 * @param id    the store's id of the alert, increasing in the order alerts were recorded
 * @param alert the alert (key, severity, source, text, time)
 */
public record AlertRecord(long id, Alert alert) {

    /**
     * Checks the alert.
     *
     * @throws NullPointerException if the alert is null
     */
    public AlertRecord {
        Objects.requireNonNull(alert, "alert");
    }
}
