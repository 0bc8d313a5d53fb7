package io.nautilus.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.history.api.HistoryService;
import io.nautilus.notify.api.AlertState;
import io.nautilus.notify.api.NotificationService;
import io.nautilus.web.server.Http;
import io.nautilus.web.server.TestServer;
import io.nautilus.web.server.WebModule;
import io.nautilus.web.stream.StartedStreams;
import io.nautilus.web.server.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API's resources behind the real server (JAAS logins, sessions, CSRF, body limit): anonymous and
 * wrong-role requests, forged cross-site requests, malformed and out-of-range input, oversized bodies and path
 * traversal are refused with problem details, and the platform's services are not called or not changed.
 */
class RestSecurityTest {

    /** The state-changing routes of the resources, with a body that would be accepted, and the role they need. */
    record Change(String method, String path, String body, String role) {
    }

    static final List<Change> CHANGES = List.of(
            new Change("POST", "/api/v1/strategies/mm-1/stop", null, "trader"),
            new Change("POST", "/api/v1/strategies/mm-1/start", null, "trader"),
            new Change("PUT", "/api/v1/strategies/mm-1/params", "{\"parameters\": {\"spread\": \"0.02\"}}", "trader"),
            new Change("POST", "/api/v1/alerts/A1/ack", "{\"comment\": \"x\"}", "trader"),
            new Change("POST", "/api/v1/alerts/A1/resolve", "{\"comment\": \"x\"}", "admin"),
            new Change("POST", "/api/v1/silences", "{\"matchers\": [\"venue=CME\"], \"duration\": \"2h\"}", "admin"),
            new Change("POST", "/api/v1/backtests",
                    "{\"args\": [\"--data\", \"x.csv\", \"--strategy\", \"smacross\"]}", "trader"),
            new Change("POST", "/api/v1/sweeps", "{\"args\": [\"--data\", \"x.csv\", \"--strategy\", \"smacross\"]}",
                    "trader"),
            new Change("POST", "/api/v1/backtests/B1/cancel", null, "trader"),
            new Change("POST", "/api/v1/silences/S1/expire", null, "admin"),
            new Change("POST", "/api/v1/alerts/test", "{\"receiver\": \"ops-email\"}", "admin"),
            new Change("POST", "/api/v1/venues/SIM/connect", null, "admin"),
            new Change("POST", "/api/v1/venues/SIM/disconnect", null, "admin"),
            new Change("POST", "/api/v1/venues/SIM/reconcile", null, "admin"));

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private StrategyResourceTest.Strategies strategies;
    private AlertResourceTest.Notifications notifications;
    private HistoryResourceTest.Store store;
    private BacktestResourceTest.Backtests backtests;
    private VenueResourceTest.Venues venues;
    private TestServer server;
    private StartedStreams streams;
    private Http http;

    @BeforeEach
    void start() {
        strategies = new StrategyResourceTest.Strategies();
        notifications = new AlertResourceTest.Notifications();
        store = new HistoryResourceTest.Store();
        backtests = new BacktestResourceTest.Backtests(dir);
        venues = new VenueResourceTest.Venues();
        streams = new StartedStreams();
        server = new TestServer(OpenApiRoutesTest.modules(streams).toArray(WebModule[]::new));
        server.service(StrategyAdminService.class, strategies);
        server.service(NotificationService.class, notifications);
        server.service(HistoryService.class, store);
        server.service(BacktestService.class, backtests);
        server.service(VenueAdminService.class, venues);
        http = server.http();
    }

    @AfterEach
    void stop() {
        server.close();
        streams.close();
    }

    private void assertNothingChanged() {
        assertThat(strategies.calls).isEmpty();
        assertThat(strategies.state).isEqualTo("RUNNING");
        assertThat(strategies.parameters).containsEntry("spread", "0.01");
        assertThat(notifications.incident.state()).isEqualTo(AlertState.FIRING);
        assertThat(notifications.silences).isEmpty();
        assertThat(notifications.calls).isEmpty();
        assertThat(store.queries).isEmpty();
        assertThat(backtests.runs).isEmpty();
        assertThat(backtests.sweeps).isEmpty();
        assertThat(backtests.canceled).isEmpty();
        assertThat(venues.calls).isEmpty();
    }

    private void assertProblem(HttpResponse<String> response, int status, String what) throws Exception {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.path("title").asText()).as(what).isNotBlank();
        assertThat(problem.path("detail").asText()).as(what).isNotBlank();
    }

    @Test
    void anonymousRequestsToEveryDocumentedRouteAre401AndChangeNothing() throws Exception {
        for (String route : OpenApiRoutesTest.documented()) {
            if (route.equals("POST " + WebServer.LOGIN_PATH)) {
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            String path = OpenApiRoutesTest.example(route.substring(route.indexOf(' ') + 1));
            HttpResponse<String> response = http.send(method, path, method.equals("GET") ? null : "{}", Map.of());

            assertProblem(response, 401, route);
        }
        assertNothingChanged();
    }

    @Test
    void aRoleBelowTheNeededOneIs403AndChangesNothing() throws Exception {
        Http.Session viewer = http.login("viewer", "viewer-pw");
        Http.Session trader = http.login("trader", "trader-pw");
        for (Change change : CHANGES) {
            Http.Session below = change.role().equals("admin") ? trader : viewer;
            HttpResponse<String> response = http.send(change.method(), change.path(),
                    change.body() == null ? "{}" : change.body(), below.write());

            assertProblem(response, 403, change.method() + " " + change.path());
        }
        assertNothingChanged();
    }

    @Test
    void aForgedCrossSiteRequestIsRefused() throws Exception {
        Http.Session admin = http.login("admin", "admin-pw");
        for (Change change : CHANGES) {
            String what = change.method() + " " + change.path();
            // the browser sends the cookie, but a page of another site cannot read or send the CSRF token
            assertProblem(http.send(change.method(), change.path(), change.body(), admin.read()), 403,
                    what + " without the CSRF token");
            assertProblem(http.send(change.method(), change.path(), change.body(),
                    Map.of("Cookie", admin.cookie(), WebServer.CSRF_HEADER, "forged")), 403, what + " forged token");
            // an HTML form can post text/plain without a custom header; with a guessed token it is still refused
            assertThat(http.send(change.method(), change.path(), change.body() == null ? "x" : change.body(),
                    Map.of("Cookie", admin.cookie(), "Content-Type", "text/plain", "Origin", "https://evil.example"))
                    .statusCode()).as(what + " as a form").isIn(403, 415);
        }
        assertNothingChanged();
    }

    @Test
    void theSameRequestWithTheTokenOrABearerTokenIsAccepted() throws Exception {
        Http.Session trader = http.login("trader", "trader-pw");
        HttpResponse<String> token = http.send("POST", "/api/v1/tokens", "{\"name\": \"script\", \"ttlSeconds\": 600}",
                trader.write());
        String bearer = json.readTree(token.body()).path("token").asText();

        assertThat(http.send("POST", "/api/v1/strategies/mm-1/stop", null, trader.write()).statusCode())
                .isEqualTo(200);
        assertThat(http.send("POST", "/api/v1/alerts/A1/ack", "{}", Map.of("Authorization", "Bearer " + bearer))
                .statusCode()).isEqualTo(200);
        assertThat(notifications.incident.acknowledgedBy()).isEqualTo("trader");
    }

    @Test
    void malformedJsonAndOutOfRangeValuesAreProblemsAndChangeNothing() throws Exception {
        Http.Session admin = http.login("admin", "admin-pw");
        Map<String, String> bad = Map.ofEntries(
                Map.entry("PUT /api/v1/strategies/mm-1/params", "{\"parameters\": {\"spread\": \"0.02\"}"),
                Map.entry("PUT /api/v1/strategies/mm-1/params ", "{\"parameters\": {}}"),
                Map.entry("POST /api/v1/alerts/A1/ack", "{\"comment\": 12}"),
                Map.entry("POST /api/v1/alerts/A1/resolve", "[\"comment\"]"),
                Map.entry("POST /api/v1/silences", "{\"matchers\": [\"venue=CME\"], \"duration\": \"366d\"}"),
                Map.entry("POST /api/v1/silences ", "{\"matchers\": [\"venue=~(\"], \"duration\": \"1h\"}"),
                Map.entry("POST /api/v1/backtests", "{\"args\": [\"--data\", \"x.csv\", \"--strategy\", \"smacross\","
                        + " \"--capital\", \"-5\"]}"),
                Map.entry("POST /api/v1/backtests ", "{\"args\": "),
                Map.entry("POST /api/v1/sweeps", "\u0000\u0001"),
                Map.entry("POST /api/v1/alerts/test", "{\"receiver\": \"ops-email\", \"timeout\": \"5m\"}"),
                Map.entry("POST /api/v1/alerts/test ", "{\"receiver\": [\"ops-email\"]}"));
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            String[] route = entry.getKey().strip().split(" ");
            assertProblem(http.send(route[0], route[1], entry.getValue(), admin.write()), 400, entry.getKey());
        }
        for (String query : List.of("/api/v1/history/fills?limit=-1", "/api/v1/history/orders?from=2026-02-30",
                "/api/v1/alerts?limit=10001", "/api/v1/alerts?all=maybe", "/api/v1/marketdata/bars/SIM-ACME?limit=0",
                "/api/v1/alerts/deliveries?limit=0", "/api/v1/history/status?limit=5", "/api/v1/routes/abc")) {
            assertProblem(http.get(query, admin.read()), 400, query);
        }
        assertNothingChanged();
    }

    @Test
    void anOversizedBodyIs413AndChangesNothing() throws Exception {
        Http.Session admin = http.login("admin", "admin-pw");
        String huge = "{\"args\": [\"" + "x".repeat(70_000) + "\"]}";

        assertProblem(http.send("POST", "/api/v1/backtests", huge, admin.write()), 413, "oversized backtest");
        assertProblem(http.send("PUT", "/api/v1/strategies/mm-1/params", "{\"parameters\": {\"spread\": \""
                + "9".repeat(70_000) + "\"}}", admin.write()), 413, "oversized params");
        assertNothingChanged();
    }

    @Test
    void pathTraversalReachesNoFileOutsideTheServedOnes() throws Exception {
        Http.Session admin = http.login("admin", "admin-pw");
        for (String path : List.of("/..%2f..%2f..%2fpom.xml", "/%2e%2e/%2e%2e/%2e%2e/pom.xml",
                "/login/..%2f..%2f..%2f..%2fpom.xml", "/../../../../etc/passwd", "/..%5c..%5c..%5cpom.xml",
                "/%252e%252e/%252e%252e/pom.xml", "/api/v1/docs/..%2f..%2f..%2fopenapi.yaml",
                "/api/v1/docs/%2e%2e%2f%2e%2e%2fio%2fnautilus%2fweb%2frest%2fApi.class",
                "/api/v1/backtests/..%2f..%2f/report", "/index.html%00.yaml", "/testweb/../openapi.yaml")) {
            HttpResponse<String> response = http.get(path, admin.read());

            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("<project").doesNotContain("root:x:")
                    .doesNotContain("openapi: 3.1.0");
        }
        assertThat(http.get("/login/..%2f..%2f..%2f..%2fpom.xml", Map.of()).body()).doesNotContain("<project");
    }
}
