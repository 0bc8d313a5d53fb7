package io.nautilus.web.server;

import io.nautilus.api.platform.MetricsScrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.security.auth.login.Configuration;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WebServerTest {

    private static final String REALM = "nautilus-web-test";
    private static Configuration previous;

    private WebServer server;
    private Http http;
    private final AtomicInteger changes = new AtomicInteger();
    private volatile MetricsScrape metrics;

    @BeforeAll
    static void realm() {
        previous = TestRealm.install(REALM);
    }

    @AfterAll
    static void restoreRealm() {
        Configuration.setConfiguration(previous);
    }

    @BeforeEach
    void start() {
        WebSettings settings = new WebSettings("127.0.0.1", 0, null, null, Duration.ofMinutes(30), 100, 4096, 3,
                Duration.ofMinutes(5), Duration.ofMinutes(5), REALM, Duration.ofDays(30));
        server = new WebServer(settings, new JaasAuthenticator(REALM), new WebServer.Services() {
            @Override
            public <T> Optional<T> find(Class<T> type) {
                return type == MetricsScrape.class ? Optional.ofNullable(type.cast(metrics)) : Optional.empty();
            }
        }, new StaticFiles(WebServerTest.class.getClassLoader(), "testweb"));
        server.modules(List.of((router, web) -> {
            router.get("/api/v1/echo").handler(ctx -> web.json(ctx, 200, Map.of("user", web.user(ctx).name())));
            router.post("/api/v1/echo").handler(ctx -> {
                if (web.requireRole(ctx, WebContext.Role.TRADER)) {
                    changes.incrementAndGet();
                    web.json(ctx, 200, Map.of("changed", true));
                }
            });
        }));
        http = new Http(server.start(Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loginSetsAStrictHttpOnlySessionCookieAndAnswersTheRoleAndCsrfToken() throws Exception {
        HttpResponse<String> response = http.send("POST", "/api/v1/login",
                "{\"username\":\"admin\",\"password\":\"admin-pw\"}", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"user\":\"admin\"", "\"role\":\"admin\"", "\"csrfToken\":\"");
        String cookie = response.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).startsWith("NAUTILUS_SESSION=").containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict", "Path=/").doesNotContainIgnoringCase("Secure");
    }

    @Test
    void meAnswersTheSessionsUser() throws Exception {
        Http.Session session = http.login("trader", "trader-pw");

        HttpResponse<String> me = http.get("/api/v1/me", session.read());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"user\":\"trader\"", "\"role\":\"trader\"", "\"auth\":\"session\"",
                "\"csrfToken\":\"" + session.csrf() + "\"");
    }

    @Test
    void anonymousRequestsGetProblem401() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/echo", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:nautilus:problem:unauthenticated\"", "\"status\":401",
                "\"instance\":\"/api/v1/echo\"", "\"title\":\"Unauthenticated\"", "\"detail\":\"log in first");
    }

    @Test
    void anonymousPageRequestsAreSentToTheLoginPage() throws Exception {
        HttpResponse<String> response = http.get("/", Map.of());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValue("/login.html");
        assertThat(http.get("/login.html", Map.of()).body()).contains("login page");
    }

    @Test
    void wrongPasswordIs401AndRolelessUserIs403() throws Exception {
        HttpResponse<String> wrong = http.send("POST", "/api/v1/login",
                "{\"username\":\"admin\",\"password\":\"nope\"}", Map.of());
        HttpResponse<String> roleless = http.send("POST", "/api/v1/login",
                "{\"username\":\"ops\",\"password\":\"ops-pw\"}", Map.of());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("set-cookie")).isEmpty();
        assertThat(roleless.statusCode()).isEqualTo(403);
        assertThat(roleless.body()).contains("none of the roles admin, trader, viewer");
    }

    @Test
    void tooManyFailedLoginsLockTheUserOutEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            http.send("POST", "/api/v1/login", "{\"username\":\"viewer\",\"password\":\"guess" + i + "\"}", Map.of());
        }

        HttpResponse<String> response = http.send("POST", "/api/v1/login",
                "{\"username\":\"viewer\",\"password\":\"viewer-pw\"}", Map.of());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).isPresent();
        assertThat(response.body()).contains("after too many failures");
    }

    @Test
    void stateChangeWithTheCookieButNoCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Http.Session session = http.login("admin", "admin-pw");

        HttpResponse<String> forged = http.send("POST", "/api/v1/echo", "{}", session.read());
        HttpResponse<String> wrongToken = http.send("POST", "/api/v1/echo", "{}",
                Map.of("Cookie", session.cookie(), WebServer.CSRF_HEADER, "x" + session.csrf()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("X-CSRF-Token");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(changes).hasValue(0);
        assertThat(http.send("POST", "/api/v1/echo", "{}", session.write()).statusCode()).isEqualTo(200);
        assertThat(changes).hasValue(1);
    }

    @Test
    void aFormPostIsRefusedEvenWithTheToken() throws Exception {
        Http.Session session = http.login("admin", "admin-pw");

        HttpResponse<String> response = http.send("POST", "/api/v1/echo", "a=b",
                Map.of("Cookie", session.cookie(), WebServer.CSRF_HEADER, session.csrf(),
                        "Content-Type", "application/x-www-form-urlencoded"));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(changes).hasValue(0);
    }

    @Test
    void viewerMayReadButNotChange() throws Exception {
        Http.Session session = http.login("viewer", "viewer-pw");

        assertThat(http.get("/api/v1/echo", session.read()).statusCode()).isEqualTo(200);
        HttpResponse<String> change = http.send("POST", "/api/v1/echo", "{}", session.write());

        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(change.body()).contains("user viewer is viewer; this needs trader");
        assertThat(changes).hasValue(0);
    }

    @Test
    void bearerTokensWorkWithoutCsrfAndUnknownTokensAre401() throws Exception {
        Http.Session session = http.login("trader", "trader-pw");
        HttpResponse<String> issued = http.send("POST", "/api/v1/tokens", "{\"name\":\"script\",\"ttlSeconds\":3600}",
                session.write());
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = issued.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> change = http.send("POST", "/api/v1/echo", "{}", Map.of("Authorization",
                "Bearer " + token));
        HttpResponse<String> unknown = http.get("/api/v1/echo", Map.of("Authorization", "Bearer nat_unknown"));

        assertThat(change.statusCode()).isEqualTo(200);
        assertThat(changes).hasValue(1);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("unknown or expired");
    }

    @Test
    void tokenTtlOutOfRangeIsAProblem() throws Exception {
        Http.Session session = http.login("trader", "trader-pw");

        HttpResponse<String> response = http.send("POST", "/api/v1/tokens", "{\"name\":\"x\",\"ttlSeconds\":5}",
                session.write());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ttlSeconds 5 must be within 60..2592000");
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        Http.Session session = http.login("viewer", "viewer-pw");

        assertThat(http.send("POST", "/api/v1/logout", null, session.write()).statusCode()).isEqualTo(204);

        assertThat(http.get("/api/v1/me", session.read()).statusCode()).isEqualTo(401);
    }

    @Test
    void malformedJsonAndOversizedBodiesAreProblems() throws Exception {
        HttpResponse<String> malformed = http.send("POST", "/api/v1/login", "{\"username\":", Map.of());
        HttpResponse<String> oversized = http.send("POST", "/api/v1/login",
                "{\"username\":\"" + "x".repeat(5000) + "\"}", Map.of());

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Malformed JSON");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).contains("body.limit = 4096");
    }

    @Test
    void staticFilesNeedALoginAndRefuseTraversal() throws Exception {
        Http.Session session = http.login("viewer", "viewer-pw");

        assertThat(http.get("/", session.read()).body()).contains("dashboard");
        assertThat(http.get("/../WebServerTest.class", session.read()).statusCode()).isEqualTo(404);
        assertThat(http.get("/%2e%2e/io/nautilus/web/server/WebServerTest.class", session.read()).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/..%2fio/nautilus/web/server/WebServerTest.class", session.read()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void metricsAreServedToAnyUserWhenTheMetricsBundleRuns() throws Exception {
        Http.Session session = http.login("viewer", "viewer-pw");
        assertThat(http.get("/metrics", session.read()).statusCode()).isEqualTo(503);
        assertThat(http.get("/metrics", Map.of()).statusCode()).isEqualTo(401);

        metrics = () -> "# TYPE up gauge\nup 1\n";
        HttpResponse<String> scrape = http.get("/metrics", session.read());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("content-type")).hasValue(MetricsScrape.CONTENT_TYPE);
        assertThat(scrape.body()).isEqualTo("# TYPE up gauge\nup 1\n");
    }
}
