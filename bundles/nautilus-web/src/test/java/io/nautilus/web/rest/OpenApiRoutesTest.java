package io.nautilus.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nautilus.web.server.Http;
import io.nautilus.web.server.TestServer;
import io.nautilus.web.server.WebModule;
import io.nautilus.web.stream.StartedStreams;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every route the modules mount (the REST resources and the WebSocket stream) is in openapi.yaml, and every route of
 * the document is mounted.
 */
class OpenApiRoutesTest {

    /**
     * @param streams the started stream module
     * @return every module of the API: this package's resources and the WebSocket stream
     */
    static List<WebModule> modules(StartedStreams streams) {
        return List.of(new CoreResources(), new OrderResources(), new StrategyResource(), new VenueResource(),
                new MarketDataResource(), new AlertResource(), new HistoryResource(), new BacktestResource(),
                new ApiDocsResource(), streams.module());
    }

    /** The routes the server mounts itself (WebServer: login, session, tokens, /metrics). */
    static final Set<String> SERVER = Set.of("POST /api/v1/login", "POST /api/v1/logout", "GET /api/v1/me",
            "POST /api/v1/tokens", "GET /api/v1/tokens", "DELETE /api/v1/tokens/{id}", "GET /metrics");

    static Set<String> documented() throws Exception {
        JsonNode document;
        try (InputStream in = OpenApiRoutesTest.class.getResourceAsStream(ApiDocsResource.DOCUMENT)) {
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        Set<String> routes = new TreeSet<>();
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> methods = document.path("paths").path(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    routes.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return routes;
    }

    static Set<String> mounted(List<Route> routes) {
        Set<String> out = new TreeSet<>();
        for (Route route : routes) {
            if (route.getPath() == null || route.methods() == null) {
                continue; // the body handler and other catch-alls
            }
            String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
            for (HttpMethod method : route.methods()) {
                out.add(method.name() + " " + path);
            }
        }
        return out;
    }

    /**
     * A documented path with example values for its parameters.
     *
     * @param path e.g. {@code /api/v1/history/{kind}}
     * @return e.g. {@code /api/v1/history/fills}
     */
    static String example(String path) {
        return path.replace("{kind}", "fills").replace("{instrument}", "SIM-ACME").replace("{file}", "index.html")
                .replace("{id}", "x1").replace("{parentOrderId}", "42");
    }

    @Test
    void everyDocumentedRouteIsAnsweredByTheRealServer() throws Exception {
        try (StartedStreams streams = new StartedStreams();
             TestServer server = new TestServer(modules(streams).toArray(WebModule[]::new))) {
            Http.Session admin = server.http().login("admin", "admin-pw");
            for (String route : documented()) {
                if (route.equals("POST /api/v1/logout")) {
                    continue;
                }
                String method = route.substring(0, route.indexOf(' '));
                String path = example(route.substring(route.indexOf(' ') + 1));
                HttpResponse<String> response = server.http().send(method, path, method.equals("GET") ? null : "{}",
                        method.equals("GET") ? admin.read() : admin.write());

                assertThat(response.statusCode()).as(route + " " + response.body()).isNotIn(401, 403, 405);
                assertThat(response.body()).as(route).doesNotContain("no resource at");
            }
            WebSocket stream = HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", admin.cookie())
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/stream"),
                            new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> streams.clients() == 1);
            stream.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            HttpResponse<String> logout = server.http().send("POST", "/api/v1/logout", null, admin.write());
            assertThat(logout.statusCode()).isLessThan(300);
        }
    }

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedRouteIsMounted() throws Exception {
        Set<String> documented = documented();
        try (StartedStreams streams = new StartedStreams();
             RestHarness rest = new RestHarness().mount(modules(streams).toArray(WebModule[]::new))) {
            Set<String> mounted = mounted(rest.router.getRoutes());

            assertThat(mounted).isNotEmpty();
            assertThat(documented).containsAll(mounted);
            Set<String> notMountedHere = new TreeSet<>(documented);
            notMountedHere.removeAll(mounted);
            assertThat(notMountedHere).containsExactlyInAnyOrderElementsOf(SERVER);
        }
    }

    @Test
    void everyOperationHasASummaryAndAnErrorResponse() throws Exception {
        JsonNode paths;
        try (InputStream in = OpenApiRoutesTest.class.getResourceAsStream(ApiDocsResource.DOCUMENT)) {
            paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
        }
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            for (Iterator<String> methods = paths.path(path).fieldNames(); methods.hasNext(); ) {
                JsonNode operation = paths.path(path).path(methods.next());
                assertThat(operation.path("summary").asText()).as(path).isNotBlank();
                boolean anonymous = operation.has("security") && operation.path("security").isEmpty();
                assertThat(operation.path("responses").has("401") || anonymous).as(path + " documents 401").isTrue();
            }
        }
    }
}
