package io.nautilus.notify.sources;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.api.platform.RouteFile;
import io.nautilus.api.platform.RouteInfo;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.promise.Promise;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform watcher's alerts through a recording {@link AlertService}: framework errors of bundles, DS components
 * that failed to activate (Service Component Runtime), route files that failed to load (RouteAdminService).
 */
class PlatformWatcherTest {

    final RecordingAlertService recorded = new RecordingAlertService();
    final PlatformWatcher watcher = new PlatformWatcher();
    final FakeRuntime runtime = new FakeRuntime();
    final FakeRoutes routes = new FakeRoutes();

    PlatformWatcherTest() {
        watcher.bindAlertService(recorded);
    }

    static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(PlatformWatcherTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getBundleId" -> 42L;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void aFrameworkErrorOfABundleIsAWarningResolvedWhenTheBundleStartsAgain() {
        Bundle bundle = bundle("io.nautilus.history");
        watcher.frameworkEvent(new FrameworkEvent(FrameworkEvent.ERROR, bundle,
                new IllegalStateException("activator failed: database locked")));
        watcher.frameworkEvent(new FrameworkEvent(FrameworkEvent.INFO, bundle, null));

        assertThat(recorded.raised()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("bundle-error:io.nautilus.history");
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.source()).isEqualTo(AlertService.PLATFORM);
            assertThat(a.labels()).containsEntry(PlatformAlerts.BUNDLE, "io.nautilus.history");
            assertThat(a.text()).contains("activator failed: database locked");
        });

        watcher.bundleEvent(new BundleEvent(BundleEvent.STARTED, bundle));

        assertThat(recorded.resolved()).containsExactly(
                "bundle-error:io.nautilus.history | bundle io.nautilus.history started");
    }

    @Test
    void aComponentThatFailedToActivateIsCriticalOnceAndResolvedWhenItIsNoLongerFailed() {
        watcher.bindServiceComponentRuntime(runtime);
        runtime.add("io.nautilus.core.internal.TradingCoreManager", "io.nautilus.core",
                ComponentConfigurationDTO.FAILED_ACTIVATION, "java.io.IOException: journal locked\n\tat ...");
        runtime.add("io.nautilus.venues.VenuesComponent", "io.nautilus.venues", ComponentConfigurationDTO.ACTIVE, null);

        watcher.check();
        watcher.check();

        assertThat(recorded.raised()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("component-failed:io.nautilus.core.internal.TradingCoreManager");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.labels()).containsEntry(PlatformAlerts.BUNDLE, "io.nautilus.core");
            assertThat(a.text()).endsWith("failed to activate: java.io.IOException: journal locked");
        });

        runtime.configurations.get(0).state = ComponentConfigurationDTO.ACTIVE;
        watcher.check();

        assertThat(recorded.resolved()).containsExactly("component-failed:io.nautilus.core.internal."
                + "TradingCoreManager | component io.nautilus.core.internal.TradingCoreManager is no longer failed");
    }

    @Test
    void aRouteFileThatFailedToLoadIsAWarningResolvedWhenItLoads() {
        watcher.bindRouteAdminService(routes);
        routes.files = List.of(new RouteFile("notify-email.yaml", RouteFile.State.FAILED, List.of(),
                "notify-email.yaml line 7: unknown endpoint smtpx:", 7, Instant.EPOCH),
                new RouteFile("heartbeat.yaml", RouteFile.State.LOADED, List.of("heartbeat"), null, 0,
                        Instant.EPOCH));

        watcher.check();
        watcher.check();

        assertThat(recorded.raised()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("route-file-failed:notify-email.yaml");
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.labels()).containsEntry(PlatformAlerts.FILE, "notify-email.yaml");
            assertThat(a.text()).contains("line 7: unknown endpoint smtpx:");
        });

        routes.files = List.of(new RouteFile("notify-email.yaml", RouteFile.State.LOADED, List.of("notify-email"),
                null, 0, Instant.EPOCH));
        watcher.check();

        assertThat(recorded.resolved()).containsExactly(
                "route-file-failed:notify-email.yaml | route file notify-email.yaml loaded or removed");
    }

    @Test
    void aRouteFileFailingForAnotherReasonIsRaisedAgain() {
        watcher.bindRouteAdminService(routes);
        routes.files = List.of(new RouteFile("a.yaml", RouteFile.State.FAILED, List.of(), "line 1: bad", 1,
                Instant.EPOCH));
        watcher.check();
        routes.files = List.of(new RouteFile("a.yaml", RouteFile.State.FAILED, List.of(), "line 9: worse", 9,
                Instant.EPOCH));
        watcher.check();

        assertThat(recorded.raised()).extracting(Alert::text).containsExactly(
                "route file a.yaml failed to load, none of its routes run: line 1: bad",
                "route file a.yaml failed to load, none of its routes run: line 9: worse");
    }

    @Test
    void withoutTheServicesItWatchesNothingAndWithoutAnAlertServiceItOnlyLogs() {
        watcher.check();
        watcher.unbindAlertService(recorded);
        watcher.bindRouteAdminService(routes);
        routes.files = List.of(new RouteFile("a.yaml", RouteFile.State.FAILED, List.of(), "line 1: bad", 1,
                Instant.EPOCH));
        watcher.check();

        assertThat(recorded.raised()).isEmpty();
    }

    /** A Service Component Runtime holding the descriptions and configurations a test adds. */
    static final class FakeRuntime implements ServiceComponentRuntime {
        final List<ComponentDescriptionDTO> descriptions = new ArrayList<>();
        final List<ComponentConfigurationDTO> configurations = new ArrayList<>();

        void add(String name, String bundle, int state, String failure) {
            ComponentDescriptionDTO d = new ComponentDescriptionDTO();
            d.name = name;
            d.bundle = new BundleDTO();
            d.bundle.symbolicName = bundle;
            ComponentConfigurationDTO c = new ComponentConfigurationDTO();
            c.description = d;
            c.state = state;
            c.failure = failure;
            descriptions.add(d);
            configurations.add(c);
        }

        @Override
        public Collection<ComponentDescriptionDTO> getComponentDescriptionDTOs(Bundle... bundles) {
            return descriptions;
        }

        @Override
        public ComponentDescriptionDTO getComponentDescriptionDTO(Bundle bundle, String name) {
            return null;
        }

        @Override
        public Collection<ComponentConfigurationDTO> getComponentConfigurationDTOs(ComponentDescriptionDTO d) {
            return configurations.stream().filter(c -> c.description == d).toList();
        }

        @Override
        public boolean isComponentEnabled(ComponentDescriptionDTO description) {
            return true;
        }

        @Override
        public Promise<Void> enableComponent(ComponentDescriptionDTO description) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Promise<Void> disableComponent(ComponentDescriptionDTO description) {
            throw new UnsupportedOperationException();
        }
    }

    /** A RouteAdminService whose route files a test sets. */
    static final class FakeRoutes implements RouteAdminService {
        volatile List<RouteFile> files = List.of();

        @Override
        public Path routeDirectory() {
            return Path.of("camel-routes");
        }

        @Override
        public List<RouteInfo> routes() {
            return List.of();
        }

        @Override
        public List<RouteFile> routeFiles() {
            return files;
        }

        @Override
        public RouteFile reload(String fileName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RouteFile> reloadAll() {
            throw new UnsupportedOperationException();
        }
    }
}
