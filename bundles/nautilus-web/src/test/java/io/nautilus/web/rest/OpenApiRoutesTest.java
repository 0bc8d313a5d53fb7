package io.nautilus.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nautilus.web.server.WebModule;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route the modules mount is in openapi.yaml, and every route of the document is mounted. */
class OpenApiRoutesTest {

    /** The resources of this package that h/rest owns. */
    static List<WebModule> modules() {
        return List.of(new StrategyResource(), new VenueResource(), new MarketDataResource(), new AlertResource(),
                new HistoryResource(), new BacktestResource(), new ApiDocsResource());
    }

    /**
     * The routes the document describes that the server itself and the other parts mount (login and session,
     * status/instruments/accounts/orders/positions/pnl/books, the stream, /metrics).
     */
    static final Set<String> ELSEWHERE = Set.of(
            "POST /api/v1/login", "POST /api/v1/logout", "GET /api/v1/me", "POST /api/v1/tokens",
            "GET /api/v1/status", "GET /api/v1/instruments", "GET /api/v1/instruments/{id}", "GET /api/v1/accounts",
            "GET /api/v1/orders", "POST /api/v1/orders", "GET /api/v1/orders/{id}", "DELETE /api/v1/orders/{id}",
            "PATCH /api/v1/orders/{id}", "GET /api/v1/positions", "GET /api/v1/pnl", "GET /api/v1/books/{instrument}",
            "GET /api/v1/stream", "GET /metrics");

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

    @Test
    void everyMountedRouteIsDocumentedAndEveryDocumentedRouteIsMounted() throws Exception {
        Set<String> documented = documented();
        try (RestHarness rest = new RestHarness().mount(modules().toArray(WebModule[]::new))) {
            Set<String> mounted = mounted(rest.router.getRoutes());

            assertThat(mounted).isNotEmpty();
            assertThat(documented).containsAll(mounted);
            Set<String> notMountedHere = new TreeSet<>(documented);
            notMountedHere.removeAll(mounted);
            assertThat(notMountedHere).containsExactlyInAnyOrderElementsOf(ELSEWHERE);
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
