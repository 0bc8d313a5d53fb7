package io.nautilus.web.server;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web server in the platform (PID {@code io.nautilus.web}): starts the {@link WebServer} with the configured
 * settings, logins against Karaf's JAAS realm and the platform's OSGi services, and mounts every {@link WebModule}
 * service as it comes and goes. A configuration change restarts the server (sessions and tokens end).
 */
@Component(service = {}, configurationPid = "io.nautilus.web", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
@Designate(ocd = WebServerConfig.class)
public final class WebServerComponent {

    private final List<WebModule> modules = new ArrayList<>();
    private final Map<Class<?>, ServiceTracker<?, ?>> trackers = new ConcurrentHashMap<>();
    private BundleContext bundleContext;
    private WebServer server;

    /**
     * Starts the server.
     *
     * @param context the bundle's context, for services
     * @param config  the configuration
     */
    @Activate
    public void activate(BundleContext context, WebServerConfig config) {
        this.bundleContext = context;
        Path base = Path.of(System.getProperty("karaf.base", "."));
        WebSettings settings = WebSettings.of(config, base);
        WebServer started = new WebServer(settings, new JaasAuthenticator(settings.realm()), this::find,
                new StaticFiles(WebServerComponent.class.getClassLoader(), "web"));
        try {
            started.start(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            started.close();
            closeTrackers();
            throw e;
        }
        synchronized (this) {
            server = started;
            server.modules(List.copyOf(modules));
        }
    }

    /** Stops the server. */
    @Deactivate
    public void deactivate() {
        WebServer stopping;
        synchronized (this) {
            stopping = server;
            server = null;
        }
        if (stopping != null) {
            stopping.close();
        }
        closeTrackers();
    }

    /**
     * Mounts a module.
     *
     * @param module the module
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public synchronized void addModule(WebModule module) {
        modules.add(module);
        if (server != null) {
            server.modules(List.copyOf(modules));
        }
    }

    /**
     * Unmounts a module.
     *
     * @param module the module
     */
    public synchronized void removeModule(WebModule module) {
        modules.remove(module);
        if (server != null) {
            server.modules(List.copyOf(modules));
        }
    }

    private <T> Optional<T> find(Class<T> type) {
        BundleContext context = bundleContext;
        if (context == null) {
            return Optional.empty();
        }
        ServiceTracker<?, ?> tracker = trackers.computeIfAbsent(type, t -> {
            ServiceTracker<?, ?> created = new ServiceTracker<>(context, t.getName(), null);
            created.open();
            return created;
        });
        return Optional.ofNullable(type.cast(tracker.getService()));
    }

    private void closeTrackers() {
        trackers.values().forEach(ServiceTracker::close);
        trackers.clear();
    }
}
