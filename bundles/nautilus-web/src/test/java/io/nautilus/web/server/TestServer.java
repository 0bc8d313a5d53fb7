package io.nautilus.web.server;

import javax.security.auth.login.Configuration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A web server for tests: 127.0.0.1 on a free port, the {@link TestRealm}'s users (admin, trader, viewer with
 * password {@code <name>-pw}), services from a map, and the given modules.
 */
public final class TestServer implements AutoCloseable {

    private static final String REALM = "nautilus-web-test";

    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final Configuration previous;
    private final WebServer server;
    private final Http http;

    /**
     * Starts the server.
     *
     * @param modules the modules to mount
     */
    public TestServer(WebModule... modules) {
        previous = TestRealm.install(REALM);
        WebSettings settings = new WebSettings("127.0.0.1", 0, null, null, Duration.ofMinutes(30), 100, 65536, 5,
                Duration.ofMinutes(5), Duration.ofMinutes(5), REALM, Duration.ofDays(30));
        server = new WebServer(settings, new JaasAuthenticator(REALM), new WebServer.Services() {
            @Override
            public <T> Optional<T> find(Class<T> type) {
                return Optional.ofNullable(type.cast(services.get(type)));
            }
        }, new StaticFiles(TestServer.class.getClassLoader(), "testweb"));
        server.modules(List.of(modules));
        http = new Http(server.start(Duration.ofSeconds(10)));
    }

    /**
     * Registers a service for the modules.
     *
     * @param type    its interface
     * @param service the service, or null to remove it
     * @param <T>     its type
     */
    public <T> void service(Class<T> type, T service) {
        if (service == null) {
            services.remove(type);
        } else {
            services.put(type, service);
        }
    }

    /** @return a client of the server */
    public Http http() {
        return http;
    }

    /** @return the port */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        Configuration.setConfiguration(previous);
    }
}
