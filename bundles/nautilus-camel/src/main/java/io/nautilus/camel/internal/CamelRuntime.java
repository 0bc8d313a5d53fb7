package io.nautilus.camel.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import io.nautilus.api.platform.RouteAdminService;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the platform's shared CamelContext: creates and starts it with this bundle's class loader (so Camel finds
 * components, languages and the YAML routes loader in the embedded jars), publishes it as a
 * {@link CamelContext} service (property {@code camel.context.name}) for route bundles, and hot-loads the
 * integrators' route folder, published as the {@link RouteAdminService}.
 */
@Component(immediate = true, configurationPid = "io.nautilus.camel", service = {})
@Designate(ocd = CamelRuntimeConfig.class)
public final class CamelRuntime {

    /** Service property naming the published CamelContext. */
    public static final String CONTEXT_NAME_PROPERTY = "camel.context.name";

    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);
    private static final String KARAF_BASE = "${karaf.base}";

    private final ClassLoader bundleLoader = CamelRuntime.class.getClassLoader();

    private BundleContext bundleContext;
    private String contextName;
    private DefaultCamelContext camelContext;
    private ServiceRegistration<CamelContext> contextRegistration;
    private RouteFileWatcher watcher;
    private ServiceRegistration<RouteAdminService> adminRegistration;

    @Activate
    void activate(BundleContext bundleContext, CamelRuntimeConfig config) throws Exception {
        this.bundleContext = bundleContext;
        try {
            withBundleClassLoader(() -> {
                startContext(config.contextName());
                startWatcher(config);
            });
        } catch (Exception e) {
            deactivate();
            throw e;
        }
    }

    @Modified
    void modified(CamelRuntimeConfig config) throws Exception {
        if (!config.contextName().equals(contextName)) {
            LOG.info("Camel context name changed from {} to {}: restarting the context", contextName,
                    config.contextName());
            deactivate();
            activate(bundleContext, config);
            return;
        }
        withBundleClassLoader(() -> {
            stopWatcher();
            startWatcher(config);
        });
    }

    @Deactivate
    void deactivate() {
        stopWatcher();
        if (contextRegistration != null) {
            unregister(contextRegistration);
            contextRegistration = null;
        }
        if (camelContext != null) {
            try {
                camelContext.stop();
                LOG.info("Camel context {} stopped", contextName);
            } catch (RuntimeException e) {
                LOG.error("Camel context {} did not stop cleanly", contextName, e);
            }
            camelContext = null;
        }
    }

    private void startContext(String name) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.setApplicationContextClassLoader(bundleLoader);
        context.getExecutorServiceManager().addThreadFactoryListener(new ContextClassLoaderThreads(bundleLoader));
        camelContext = context;
        contextName = name;
        context.start();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(CONTEXT_NAME_PROPERTY, name);
        contextRegistration = bundleContext.registerService(CamelContext.class, context, properties);
        LOG.info("Camel {} context {} started", context.getVersion(), name);
    }

    private void startWatcher(CamelRuntimeConfig config) throws Exception {
        Path directory = routeDirectory(config.routeDirectory());
        RouteFileWatcher started = new RouteFileWatcher(camelContext, directory,
                Duration.ofMillis(config.debounceMillis()));
        started.start();
        watcher = started;
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(CONTEXT_NAME_PROPERTY, contextName);
        adminRegistration = bundleContext.registerService(RouteAdminService.class, started, properties);
    }

    private void stopWatcher() {
        if (adminRegistration != null) {
            unregister(adminRegistration);
            adminRegistration = null;
        }
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /** {@code ${karaf.base}} becomes the Karaf base folder (else the working folder); relative paths start there. */
    private Path routeDirectory(String configured) {
        String base = bundleContext.getProperty("karaf.base");
        Path basePath = Path.of(base != null ? base : System.getProperty("user.dir"));
        Path directory = Path.of(configured.replace(KARAF_BASE, basePath.toString()));
        return basePath.resolve(directory).toAbsolutePath().normalize();
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // the framework unregisters a stopping bundle's services itself
        }
    }

    /** Runs an action with this bundle's class loader as the thread context class loader. */
    private void withBundleClassLoader(Action action) throws Exception {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(bundleLoader);
        try {
            action.run();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }
}
