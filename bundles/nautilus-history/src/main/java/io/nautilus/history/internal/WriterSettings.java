package io.nautilus.history.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link HistoryWriter} hands off and writes.
 *
 * @param queueCapacity items (results, definitions, bars, snapshots, alerts, notification records) the hand-off
 *                      holds before it drops, 1 or more
 * @param batchSize     items written per transaction at most, 1 or more
 * @param retryMin      the first wait after a database error, greater than zero
 * @param retryMax      the longest wait between retries, at least {@code retryMin}
 * @param stopTimeout   how long stopping waits for the queue to be written before giving up
 */
public record WriterSettings(int queueCapacity, int batchSize, Duration retryMin, Duration retryMax,
                             Duration stopTimeout) {

    /** The settings used unless configured otherwise: 65,536 items, batches of 1,024, 50 ms to 5 s back-off. */
    public static final WriterSettings DEFAULTS = new WriterSettings(65_536, 1_024, Duration.ofMillis(50),
            Duration.ofSeconds(5), Duration.ofSeconds(5));

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a value is out of range; the message names it
     */
    public WriterSettings {
        Objects.requireNonNull(retryMin, "retryMin");
        Objects.requireNonNull(retryMax, "retryMax");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("queue capacity " + queueCapacity + " and batch size " + batchSize
                    + " must be 1 or more");
        }
        if (retryMin.isNegative() || retryMin.isZero() || retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("retry back-off " + retryMin + " to " + retryMax
                    + " must be positive and increasing");
        }
    }
}
