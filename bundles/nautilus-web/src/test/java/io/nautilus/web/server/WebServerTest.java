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
    private int port;
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
        WebSettings settings = new WebSettings("127.0.0.1", 0, null, null, Duration.ofMinutes(30), 100, 50, 4096, 3,
                Duration.ofMinutes(5), Duration.ofMinutes(5), REALM, Duration.ofDays(30));
        server = new WebServer(settings, new JaasAuthenticator(REALM), new WebServer.Services() {
            @Override
            public <T> Optional<T> find(Class<T> type) {
                return type == MetricsScrape.class ? Optional.ofNullable(type.cast(metrics)) : Optional.empty();
            }
        }, new StaticFiles(WebServerTest.class.getClassLoader(), "testweb"));
        server.modules(List.of((router, web) -> {
            router.get("/api/v1/socket").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> {
                ws.writeTextMessage("hello " + web.user(ctx).name());
                ws.close();
            }));
            router.get("/api/v1/echo").handler(ctx -> web.json(ctx, 200, Map.of("user", web.user(ctx).name())));
            router.get("/api/v1/thread").handler(ctx -> web.json(ctx, 200,
                    Map.of("thread", Thread.currentThread().getName())));
            router.post("/api/v1/echo").handler(ctx -> {
                if (web.requireRole(ctx, WebContext.Role.TRADER)) {
                    changes.incrementAndGet();
                    web.json(ctx, 200, Map.of("changed", true));
                }
            });
        }));
        port = server.start(Duration.ofSeconds(10));
        http = new Http(port);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void connectionsAreServedOnEveryEventLoop() throws Exception {
        Http.Session session = http.login("viewer", "viewer-pw");
        java.util.Set<String> threads = new java.util.HashSet<>();
        for (int i = 0; i < 2 * WebServer.EVENT_LOOPS; i++) {
            HttpResponse<String> answer = new Http(port).get("/api/v1/thread", session.read());
            assertThat(answer.statusCode()).isEqualTo(200);
            threads.add(answer.body());
        }

        assertThat(threads).hasSize(WebServer.EVENT_LOOPS);
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
    void tokensAreListedAndRevokedByTheirUserOrAnAdminOnly() throws Exception {
        Http.Session trader = http.login("trader", "trader-pw");
        HttpResponse<String> issued = http.send("POST", "/api/v1/tokens", "{\"name\":\"script\",\"ttlSeconds\":3600}",
                trader.write());
        String id = issued.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String token = issued.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);

        HttpResponse<String> own = http.get("/api/v1/tokens", bearer);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"id\":\"" + id + "\"", "\"name\":\"script\"", "\"user\":\"trader\"")
                .doesNotContain(token);
        Http.Session viewer = http.login("viewer", "viewer-pw");
        assertThat(http.get("/api/v1/tokens", viewer.read()).body()).isEqualTo("[]");

        HttpResponse<String> notTheirs = http.send("DELETE", "/api/v1/tokens/" + id, null, viewer.write());
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/echo", bearer).statusCode()).isEqualTo(200);

        Http.Session admin = http.login("admin", "admin-pw");
        assertThat(http.get("/api/v1/tokens", admin.read()).body()).contains("\"id\":\"" + id + "\"");
        HttpResponse<String> revoked = http.send("DELETE", "/api/v1/tokens/" + id, null, admin.write());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/echo", bearer).statusCode()).isEqualTo(401);
        assertThat(http.send("DELETE", "/api/v1/tokens/" + id, null, admin.write()).statusCode()).isEqualTo(404);
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

    @Test
    void staticFilesCarryAnETagAndRevalidateWith304() throws Exception {
        HttpResponse<String> first = http.get("/login.html", Map.of());
        String etag = first.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> again = http.get("/login.html", Map.of("If-None-Match", etag));
        HttpResponse<String> stale = http.get("/login.html", Map.of("If-None-Match", "\"other\""));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(first.body()).isNotEmpty();
    }

    @Test
    void webSocketsAreNotCompressedEvenWhenTheClientOffersIt() throws Exception {
        Http.Session session = http.login("viewer", "viewer-pw");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v1/socket HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                    + "Cookie: " + session.cookie() + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            List<String> head = new java.util.ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line.toLowerCase(java.util.Locale.ROOT));
            }

            assertThat(head.get(0)).startsWith("http/1.1 101");
            assertThat(head).noneMatch(line -> line.startsWith("sec-websocket-extensions"));
        }
    }

    @Test
    void aWebSocketWithTheSessionNeedsThisServersOrigin() throws Exception {
        Http.Session session = http.login("viewer", "viewer-pw");
        java.util.concurrent.LinkedBlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.WebSocket.Listener listener = new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                                                                    boolean last) {
                received.add(data.toString());
                return null;
            }
        };
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String url = "ws://127.0.0.1:" + server.port() + "/api/v1/socket";

        client.newWebSocketBuilder().header("Cookie", session.cookie())
                .header("Origin", "http://127.0.0.1:" + server.port()).buildAsync(java.net.URI.create(url), listener)
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(received.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hello viewer");

        assertThat(client.newWebSocketBuilder().header("Cookie", session.cookie())
                .header("Origin", "https://evil.example").buildAsync(java.net.URI.create(url), listener))
                .failsWithin(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(client.newWebSocketBuilder().buildAsync(java.net.URI.create(url), listener))
                .failsWithin(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405AsProblems() throws Exception {
        Http.Session session = http.login("admin", "admin-pw");

        HttpResponse<String> unknown = http.get("/api/v1/nothing", session.read());
        HttpResponse<String> wrongMethod = http.send("PUT", "/api/v1/echo", "{}", session.write());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no resource at /api/v1/nothing");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(changes).hasValue(0);
    }

    @Test
    void answersWithSecretsAreNotCompressed() throws Exception {
        HttpResponse<String> login = http.send("POST", "/api/v1/login",
                "{\"username\":\"admin\",\"password\":\"admin-pw\"}", Map.of("Accept-Encoding", "gzip"));

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("content-encoding").orElse("identity")).isEqualTo("identity");
        assertThat(login.body()).contains("\"csrfToken\"");
    }
}
