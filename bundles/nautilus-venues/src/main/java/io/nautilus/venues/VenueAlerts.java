package io.nautilus.venues;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertSender;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the venue layer's alerts go (docs/alerts.md): the {@link AlertService} when one is bound, nowhere otherwise
 * (the layer logs its {@code ALERT} lines itself). Every alert carries the {@link Alert#VENUE} label; order rejects are
 * keyed {@code venue-reject:<venue>:<why>} so that a firing {@code venue-down:<venue>} inhibits them.
 *
 * <p>Raising never blocks and never throws: a failing service is logged (at powers of two) and ignored.
 */
public final class VenueAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(VenueAlerts.class);

    private final AlertSender sender = new AlertSender((key, n, e) ->
            LOG.warn("alert service failed on {} ({} failures so far; logged at powers of two)", key, n, e));

    /** Alerts that go nowhere until {@link #bind} is called. */
    public VenueAlerts() {
    }

    /**
     * Sends the alerts to a service from now on.
     *
     * @param alerts the notification engine's service
     */
    public void bind(AlertService alerts) {
        sender.bind(alerts);
    }

    /**
     * Stops sending to a service, if it is the one bound.
     *
     * @param alerts the service going away
     */
    public void unbind(AlertService alerts) {
        sender.unbind(alerts);
    }

    /** @return true when a service is bound (callers skip building an alert otherwise) */
    boolean active() {
        return sender.active();
    }

    /**
     * Raises an alert about a venue.
     *
     * @param key      stable key
     * @param severity how urgent
     * @param venue    the venue, the {@link Alert#VENUE} label
     * @param text     the message
     * @param labels   more labels as name, value pairs (account, instrument), values may be null (then left out)
     */
    void raise(String key, Severity severity, String venue, String text, String... labels) {
        sender.raise(key, () -> {
            Map<String, String> all = new HashMap<>(4);
            all.put(Alert.VENUE, venue);
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (labels[i + 1] != null) {
                    all.put(labels[i], labels[i + 1]);
                }
            }
            return new Alert(key, severity, AlertService.VENUES, text, AlertSender.nowNanos(), all);
        });
    }

    /**
     * Resolves an alert (nothing happens when it is not firing).
     *
     * @param key    the alert's key
     * @param reason why it cleared
     */
    void resolve(String key, String reason) {
        sender.resolve(key, reason);
    }
}
