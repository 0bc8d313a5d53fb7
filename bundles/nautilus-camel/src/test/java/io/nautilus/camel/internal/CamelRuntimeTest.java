package io.nautilus.camel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import io.nautilus.api.platform.RouteAdminService;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The runtime component outside OSGi, with a stand-in bundle context recording the services it registers. */
class CamelRuntimeTest {

    /** A service registered through the stand-in bundle context. */
    private record Registered(Class<?> type, Object service, Dictionary<String, ?> properties, boolean[] gone) {
    }

    @TempDir
    Path karafBase;

    private final List<Registered> registered = new ArrayList<>();

    @Test
    void startsTheContextAndPublishesItAndTheRouteAdminService() throws Exception {
        CamelRuntime runtime = new CamelRuntime();

        runtime.activate(bundleContext(), config(Map.of("contextName", "test-ctx")));

        Registered contextService = only(CamelContext.class);
        CamelContext context = (CamelContext) contextService.service();
        assertThat(context.getName()).isEqualTo("test-ctx");
        assertThat(context.getStatus()).isEqualTo(ServiceStatus.Started);
        assertThat(contextService.properties().get("camel.context.name")).isEqualTo("test-ctx");
        assertThat(context.getApplicationContextClassLoader()).isSameAs(CamelRuntime.class.getClassLoader());
        RouteAdminService admin = (RouteAdminService) only(RouteAdminService.class).service();
        assertThat(admin.routeDirectory()).isEqualTo(karafBase.resolve("camel-routes").toAbsolutePath());
        assertThat(admin.routeDirectory()).isDirectory();

        runtime.deactivate();

        assertThat(context.getStatus()).isEqualTo(ServiceStatus.Stopped);
        assertThat(registered).allSatisfy(r -> assertThat(r.gone()[0]).as("unregistered %s", r.type()).isTrue());
    }

    private Registered only(Class<?> type) {
        List<Registered> matching = registered.stream().filter(r -> r.type() == type).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private BundleContext bundleContext() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> "karaf.base".equals(args[0]) ? karafBase.toString() : null;
                    case "registerService" -> register((Class<?>) args[0], args[1], (Dictionary<String, ?>) args[2]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServiceRegistration<?> register(Class<?> type, Object service, Dictionary<String, ?> properties) {
        boolean[] gone = {false};
        registered.add(new Registered(type, service, properties, gone));
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        gone[0] = true;
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The config annotation with its defaults, overridden by the given values. */
    private static CamelRuntimeConfig config(Map<String, Object> values) {
        return (CamelRuntimeConfig) Proxy.newProxyInstance(CamelRuntimeConfig.class.getClassLoader(),
                new Class<?>[] {CamelRuntimeConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return CamelRuntimeConfig.class;
                    }
                    Object value = values.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }

    @SuppressWarnings("unused")
    private static Class<? extends Annotation> annotationType() {
        return CamelRuntimeConfig.class;
    }
}
