package io.nautilus.api.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How an engine raises its alerts through an optional {@link AlertService}: nothing is sent (or built) while no
 * service is bound, and a service that throws never reaches the engine — its failures are counted and handed to the
 * engine's log at powers of two (1st, 2nd, 4th, ...), so a broken notification engine cannot flood the log either.
 * Safe from any thread.
 */
public final class AlertSender {

    /** Where the engine logs a failing service, e.g. {@code (key, n, e) -> LOG.warn(...)}. */
    @FunctionalInterface
    public interface FailureLog {

        /**
         * The service failed; called on the 1st, 2nd, 4th, 8th, ... failure only.
         *
         * @param key      the alert's key
         * @param failures failures so far
         * @param error    what the service threw
         */
        void failed(String key, long failures, RuntimeException error);
    }

    private final FailureLog log;
    private final AtomicLong failures = new AtomicLong();
    private volatile AlertService service;

    /**
     * A sender with no service bound.
     *
     * @param log where failures of the service are logged
     */
    public AlertSender(FailureLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Sends to a service from now on.
     *
     * @param alerts the notification engine's service
     */
    public void bind(AlertService alerts) {
        service = alerts;
    }

    /**
     * Stops sending to a service, if it is the one bound.
     *
     * @param alerts the service going away
     */
    public void unbind(AlertService alerts) {
        if (service == alerts) {
            service = null;
        }
    }

    /** @return true when a service is bound (callers may skip work that only builds alerts) */
    public boolean active() {
        return service != null;
    }

    /**
     * Raises an alert, built only when a service is bound.
     *
     * @param key   the alert's key (for the failure log)
     * @param alert builds the alert
     */
    public void raise(String key, Supplier<Alert> alert) {
        AlertService s = service;
        if (s == null) {
            return;
        }
        try {
            s.raise(alert.get());
        } catch (RuntimeException e) {
            failed(key, e);
        }
    }

    /**
     * Resolves an alert (nothing happens when it is not firing or no service is bound).
     *
     * @param key    the alert's key
     * @param reason why it cleared
     */
    public void resolve(String key, String reason) {
        AlertService s = service;
        if (s == null) {
            return;
        }
        try {
            s.resolve(key, reason);
        } catch (RuntimeException e) {
            failed(key, e);
        }
    }

    /** @return the wall-clock time in nanoseconds since the epoch, for {@link Alert#timestampNanos()} */
    public static long nowNanos() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private void failed(String key, RuntimeException e) {
        long n = failures.incrementAndGet();
        if (Long.bitCount(n) == 1) {
            log.failed(key, n, e);
        }
    }
}
