package io.nautilus.notify.sources;

import io.nautilus.api.alert.AlertService;
import io.nautilus.api.platform.RouteAdminService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the platform itself and raises its alerts ({@link PlatformAlerts}): framework errors of bundles as they
 * happen (a {@link FrameworkListener}; a {@link BundleListener} resolves them when the bundle starts again), and every
 * {@value #CHECK_SECONDS} s the DS components that failed to activate ({@link ServiceComponentRuntime}) and the route
 * files that failed to load ({@link RouteAdminService}). Every reference is optional: what is missing is not watched.
 */
@Component(immediate = true)
public final class PlatformWatcher {

    /** Seconds between two checks of components and route files. */
    static final long CHECK_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(PlatformWatcher.class);

    private final PlatformAlerts alerts = new PlatformAlerts();
    private final FrameworkListener frameworkListener = this::frameworkEvent;
    private final BundleListener bundleListener = this::bundleEvent;
    private volatile ServiceComponentRuntime scr;
    private volatile RouteAdminService routes;
    private BundleContext context;
    private ScheduledExecutorService checks;

    /** Creates the component (DS). */
    public PlatformWatcher() {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAlertService(AlertService service) {
        alerts.bind(service);
    }

    void unbindAlertService(AlertService service) {
        alerts.unbind(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindServiceComponentRuntime(ServiceComponentRuntime runtime) {
        scr = runtime;
    }

    void unbindServiceComponentRuntime(ServiceComponentRuntime runtime) {
        if (scr == runtime) {
            scr = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRouteAdminService(RouteAdminService admin) {
        routes = admin;
    }

    void unbindRouteAdminService(RouteAdminService admin) {
        if (routes == admin) {
            routes = null;
        }
    }

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        bundleContext.addFrameworkListener(frameworkListener);
        bundleContext.addBundleListener(bundleListener);
        checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nautilus-notify-platform-watch");
            t.setDaemon(true);
            return t;
        });
        checks.scheduleWithFixedDelay(this::check, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        checks.shutdownNow();
        context.removeFrameworkListener(frameworkListener);
        context.removeBundleListener(bundleListener);
    }

    /** @return the alerts, for tests in this package */
    PlatformAlerts alerts() {
        return alerts;
    }

    void frameworkEvent(FrameworkEvent event) {
        if (event.getType() != FrameworkEvent.ERROR) {
            return;
        }
        Bundle bundle = event.getBundle();
        Throwable cause = event.getThrowable();
        alerts.frameworkError(bundle == null ? "system" : name(bundle), cause == null ? "framework error"
                : cause.getMessage() != null ? cause.getMessage() : cause.toString());
    }

    void bundleEvent(BundleEvent event) {
        if (event.getType() == BundleEvent.STARTED) {
            alerts.bundleStarted(name(event.getBundle()));
        }
    }

    /** One check of components and route files (the watcher's thread). */
    void check() {
        try {
            ServiceComponentRuntime runtime = scr;
            if (runtime != null) {
                alerts.components(failedComponents(runtime));
            }
            RouteAdminService admin = routes;
            if (admin != null) {
                alerts.routeFiles(admin.routeFiles());
            }
        } catch (RuntimeException e) {
            LOG.debug("platform check failed: {}", e.toString());
        }
    }

    static List<PlatformAlerts.FailedComponent> failedComponents(ServiceComponentRuntime runtime) {
        List<PlatformAlerts.FailedComponent> failed = new ArrayList<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failed.add(new PlatformAlerts.FailedComponent(description.name,
                            description.bundle == null ? "?" : description.bundle.symbolicName,
                            configuration.failure));
                }
            }
        }
        return failed;
    }

    private static String name(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name != null ? name : "bundle-" + bundle.getBundleId();
    }
}
