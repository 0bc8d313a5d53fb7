package io.nautilus.notify.sources;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertSender;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.platform.RouteFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's own alerts (docs/alerts.md), from what the {@link PlatformWatcher} sees: a framework error of a
 * bundle ({@code bundle-error:<bundle>}, resolved when the bundle starts again), a DS component that failed to
 * activate ({@code component-failed:<component>}, resolved once it is no longer failed), a route file that failed to
 * load ({@code route-file-failed:<file>}, resolved once it loads or is removed). Each is logged as an {@code ALERT}
 * line once and raised through the {@link AlertService} when one is bound; never blocks or throws.
 *
 * <p>Thread-safe: framework events arrive on the framework's threads, checks on the watcher's.
 */
final class PlatformAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformAlerts.class);
    /** Label naming the bundle an alert is about (its symbolic name). */
    static final String BUNDLE = "bundle";
    /** Label naming the route file an alert is about. */
    static final String FILE = "file";

    /**
     * A DS component configuration that failed to activate.
     *
     * @param name    the component's name
     * @param bundle  its bundle's symbolic name
     * @param failure why, as Service Component Runtime reports it (may be null)
     */
    record FailedComponent(String name, String bundle, String failure) {
    }

    private final AlertSender sender = new AlertSender((key, n, e) ->
            LOG.warn("alert service failed on {} ({} failures so far; logged at powers of two)", key, n, e));
    /** Failed components raised, by name, with the failure raised. */
    private final Map<String, String> components = new HashMap<>();
    /** Failed route files raised, by file name, with the error raised. */
    private final Map<String, String> routeFiles = new HashMap<>();

    void bind(AlertService alerts) {
        sender.bind(alerts);
    }

    void unbind(AlertService alerts) {
        sender.unbind(alerts);
    }

    /**
     * A framework error event of a bundle (it failed to start, or one of its listeners threw).
     *
     * @param bundle  the bundle's symbolic name
     * @param message what went wrong, one line
     */
    void frameworkError(String bundle, String message) {
        raise("bundle-error:" + bundle, Severity.WARNING, "bundle " + bundle + ": " + message, BUNDLE, bundle);
    }

    /**
     * A bundle started: a framework error it had is over.
     *
     * @param bundle the bundle's symbolic name
     */
    void bundleStarted(String bundle) {
        resolve("bundle-error:" + bundle, "bundle " + bundle + " started");
    }

    /**
     * Compares the failed components now with those raised: new ones (or a new failure) are raised, gone ones
     * resolved.
     *
     * @param failed every component configuration failed now
     */
    synchronized void components(List<FailedComponent> failed) {
        Map<String, String> now = new HashMap<>();
        for (FailedComponent c : failed) {
            String failure = c.failure() == null || c.failure().isBlank() ? "no reason given" : oneLine(c.failure());
            now.put(c.name(), failure);
            if (!failure.equals(components.get(c.name()))) {
                raise("component-failed:" + c.name(), Severity.CRITICAL, "component " + c.name() + " of bundle "
                        + c.bundle() + " failed to activate: " + failure, BUNDLE, c.bundle());
            }
        }
        for (String name : components.keySet()) {
            if (!now.containsKey(name)) {
                resolve("component-failed:" + name, "component " + name + " is no longer failed");
            }
        }
        components.clear();
        components.putAll(now);
    }

    /**
     * Compares the route files now with the failed ones raised.
     *
     * @param files every route file with the outcome of its last load
     */
    synchronized void routeFiles(List<RouteFile> files) {
        Map<String, String> now = new HashMap<>();
        for (RouteFile f : files) {
            if (f.state() != RouteFile.State.FAILED) {
                continue;
            }
            String error = f.error() == null ? "no reason given" : oneLine(f.error());
            now.put(f.fileName(), error);
            if (!error.equals(routeFiles.get(f.fileName()))) {
                raise("route-file-failed:" + f.fileName(), Severity.WARNING, "route file " + f.fileName()
                        + " failed to load, none of its routes run: " + error, FILE, f.fileName());
            }
        }
        for (String name : routeFiles.keySet()) {
            if (!now.containsKey(name)) {
                resolve("route-file-failed:" + name, "route file " + name + " loaded or removed");
            }
        }
        routeFiles.clear();
        routeFiles.putAll(now);
    }

    private void raise(String key, Severity severity, String text, String label, String value) {
        if (severity == Severity.CRITICAL) {
            LOG.error("ALERT {}: {}", key, text);
        } else {
            LOG.warn("ALERT {}: {}", key, text);
        }
        sender.raise(key, () -> new Alert(key, severity, AlertService.PLATFORM, text, AlertSender.nowNanos(),
                Map.of(label, value)));
    }

    private void resolve(String key, String reason) {
        sender.resolve(key, reason);
    }

    private static String oneLine(String text) {
        String line = text.strip().replace('\r', ' ');
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }
}
