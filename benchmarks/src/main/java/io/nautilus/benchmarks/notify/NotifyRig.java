package io.nautilus.benchmarks.notify;

import io.nautilus.notify.api.DeliveryView;
import io.nautilus.notify.internal.NotifyManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The platform's notification engine outside OSGi, as the benchmarks run it: the real {@link NotifyManager} (its
 * pipeline thread, the per-receiver delivery threads, the {@code nautilus-notify} Camel component) in a plain
 * {@link DefaultCamelContext} that loads the shipped channel route files {@code camel-routes/notify-*.yaml} (e-mail,
 * webhook, Slack, SMS, the in-platform topic), its receivers pointed at the {@link Peers} on 127.0.0.1. The component's activation and
 * bind methods are package-private (Declarative Services calls them); they are reached by reflection, at set-up only.
 */
final class NotifyRig implements AutoCloseable {

    /** The receivers' signing key. */
    static final String SECRET = "bench-webhook-secret";

    final Peers peers;
    final NotifyManager manager;
    private final CamelContext camel;

    /**
     * Starts the peers, the context with the channel routes, and the engine with {@code rules} (keys of
     * {@code etc/io.nautilus.notify.cfg}) plus three receivers: {@code email}, {@code webhook} and {@code dead} (a
     * webhook to an endpoint that never answers; unused unless a route names it).
     *
     * @param routes the folder holding the notify-*.yaml route files (notify-email.yaml and notify-webhook.yaml at least)
     * @param rules  routes, rates, retries
     */
    NotifyRig(Path routes, Map<String, String> rules) throws Exception {
        peers = new Peers();
        camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(5);
        camel.start();
        manager = new NotifyManager();
        call("bindCamelContext", new Class<?>[] {CamelContext.class}, camel);
        for (String file : List.of("notify-email.yaml", "notify-webhook.yaml")) {
            if (!Files.isRegularFile(routes.resolve(file))) {
                throw new IllegalArgumentException("--routes " + routes + ": no " + file);
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(routes, "notify-*.yaml")) {
            for (Path path : files) {
                PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel,
                        "file:" + path.toAbsolutePath()));
            }
        }
        Map<String, Object> properties = new HashMap<>(receivers());
        properties.putAll(rules);
        call("activate", new Class<?>[] {Map.class}, properties);
        String error = manager.status().configError();
        if (!error.isEmpty()) {
            throw new IllegalStateException(error);
        }
    }

    private Map<String, String> receivers() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("receiver.email.channel", "email");
        r.put("receiver.email.url", "smtp://127.0.0.1:" + peers.smtpPort + "?to=bench@nautilus.test&from=nautilus"
                + "@nautilus.test");
        r.put("receiver.webhook.channel", "webhook");
        r.put("receiver.webhook.url", "http://127.0.0.1:" + peers.httpPort + "/hook");
        r.put("receiver.webhook.secret", SECRET);
        r.put("receiver.dead.channel", "webhook");
        r.put("receiver.dead.url", "http://127.0.0.1:" + peers.deadPort + "/hook");
        r.put("receiver.dead.secret", SECRET);
        return r;
    }

    /**
     * @param limit at most this many
     * @return the engine's recent delivery attempts, newest first
     */
    List<DeliveryView> deliveries(int limit) {
        return manager.deliveries(null, limit);
    }

    private Object call(String name, Class<?>[] types, Object... args) throws Exception {
        Method m = NotifyManager.class.getDeclaredMethod(name, types);
        m.setAccessible(true);
        try {
            return m.invoke(manager, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            call("deactivate", new Class<?>[0]);
        } finally {
            camel.close();
            peers.close();
        }
    }
}
