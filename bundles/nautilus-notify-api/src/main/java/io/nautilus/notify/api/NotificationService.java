package io.nautilus.notify.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The notification engine's incidents, silences and receivers, for the shell ({@code nautilus:alerts}) and the web
 * tier. Alerts come in through {@link io.nautilus.api.alert.AlertService}, registered by the same engine.
 *
 * <p>An incident is named by its id ({@code A12} or {@code 12}) or by its alert key (the open incident with that
 * key, else the latest one). Methods that change something record it (history store) with the user.
 */
public interface NotificationService {

    /**
     * Incidents, newest first.
     *
     * @param includeResolved whether resolved incidents are listed too (the engine keeps the recent ones; older ones
     *                        are in the history store)
     * @param limit           at most this many
     * @return the incidents
     */
    List<AlertView> alerts(boolean includeResolved, int limit);

    /**
     * One incident.
     *
     * @param idOrKey {@code A12}, {@code 12} or an alert key
     * @return it, or empty when none has that id or key
     */
    Optional<AlertView> alert(String idOrKey);

    /**
     * Acknowledges an incident: escalation stops, its receivers stop getting repeats; it stays open.
     *
     * @param idOrKey {@code A12}, {@code 12} or an alert key
     * @param user    who acknowledges
     * @param comment why or what is being done; may be empty
     * @return the incident after
     * @throws IllegalArgumentException when no open incident has that id or key
     */
    AlertView acknowledge(String idOrKey, String user, String comment);

    /**
     * Resolves an incident by hand (its receivers are told it is resolved).
     *
     * @param idOrKey {@code A12}, {@code 12} or an alert key
     * @param user    who resolves
     * @param comment why; may be empty
     * @return the incident after
     * @throws IllegalArgumentException when no open incident has that id or key
     */
    AlertView resolve(String idOrKey, String user, String comment);

    /**
     * Silences alerts matching all the matchers for a while: they are recorded, nobody is told.
     *
     * @param matchers all must match; not empty
     * @param duration how long, from now; positive
     * @param user     who silences
     * @param comment  why; may be empty
     * @return the silence
     * @throws IllegalArgumentException when there is no matcher or the duration is not positive
     */
    SilenceView silence(List<LabelMatcher> matchers, Duration duration, String user, String comment);

    /**
     * Silences, active and recently ended, newest first.
     *
     * @return them
     */
    List<SilenceView> silences();

    /**
     * Ends a silence now.
     *
     * @param id   the silence's id, e.g. {@code S3}
     * @param user who ends it
     * @return the silence after
     * @throws IllegalArgumentException when no active silence has that id
     */
    SilenceView expireSilence(String id, String user);

    /**
     * Sends a test message to a receiver through its channel's route now (no grouping, no rate limit) and waits for
     * the outcome of the first attempt.
     *
     * @param receiver the receiver's name
     * @param user     who asks
     * @param timeout  how long to wait for the attempt
     * @return the attempt
     * @throws IllegalArgumentException when there is no such receiver
     */
    DeliveryView test(String receiver, String user, Duration timeout);

    /**
     * The configured receivers with their counts.
     *
     * @return them, by name
     */
    List<ReceiverView> receivers();

    /**
     * Delivery attempts, newest first.
     *
     * @param idOrKey only those about this incident ({@code A12}, {@code 12} or a key); null for all
     * @param limit   at most this many
     * @return the attempts the engine keeps in memory (the history store has all)
     */
    List<DeliveryView> deliveries(String idOrKey, int limit);

    /**
     * Notifications given up after their last retry, newest first.
     *
     * @return the last attempt of each
     */
    List<DeliveryView> deadLetters();

    /**
     * How the engine is doing.
     *
     * @return the counts
     */
    NotifyStatus status();
}
