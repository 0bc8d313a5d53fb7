package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running distribution's web server as the integration tests use it: wait until it listens and the admin
 * credential is stored, log in, send requests with the session cookie and CSRF token or a bearer token.
 */
final class WebApi {

    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ADMIN_LINE = Pattern.compile("(?m)^admin\\s*=");
    private static final Duration READY = Duration.ofSeconds(120);

    /** A logged-in session: the cookie to send back, its CSRF token, and the login answer. */
    record Login(String cookie, String csrf, String body) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    /**
     * Waits for the admin credential of NAUTILUS_ADMIN_PASSWORD to be in users.properties (the security bundle
     * stores it hashed at start, which takes a while on a busy machine) and for the web server to listen.
     */
    void awaitReady() {
        Path users = Path.of(System.getProperty("karaf.etc"), "users.properties");
        long started = System.nanoTime();
        Await.until(() -> ADMIN_LINE.matcher(Files.readString(users)).find(), READY.toMillis(),
                Await.POLL.multipliedBy(10), () -> "the admin credential in " + users);
        IOException[] refused = new IOException[1];
        Await.until(() -> {
            try {
                send("GET", "/api/v1/me", null, null, null);
                return true;
            } catch (IOException e) {
                refused[0] = e;
                return false;
            }
        }, Math.max(1, READY.toMillis() - (System.nanoTime() - started) / 1_000_000), Await.POLL.multipliedBy(25),
                () -> "the web server listening on " + base + ": " + refused[0]);
    }

    /** Logs in (asserting success) and returns the session. */
    Login login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = send("POST", "/api/v1/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null, null);
        assertEquals(login.body(), 200, login.statusCode());
        String setCookie = login.headers().firstValue("set-cookie").orElseThrow();
        Matcher csrf = CSRF.matcher(login.body());
        assertTrue(login.body(), csrf.find());
        return new Login(setCookie.substring(0, setCookie.indexOf(';')), csrf.group(1), login.body());
    }

    /** Has a bearer token issued to the session, as a script's operator would. */
    String token(Login session, String name, int ttlSeconds) throws IOException, InterruptedException {
        HttpResponse<String> issued = send("POST", "/api/v1/tokens",
                "{\"name\":\"" + name + "\",\"ttlSeconds\":" + ttlSeconds + "}", session.cookie(), session.csrf());
        assertEquals(issued.body(), 201, issued.statusCode());
        Matcher token = TOKEN.matcher(issued.body());
        assertTrue(issued.body(), token.find());
        return token.group(1);
    }

    /** A request with an optional JSON body, session cookie and CSRF token (any may be null). */
    HttpResponse<String> send(String method, String path, String body, String cookie, String csrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(method, path, body);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with a bearer token (or none). */
    HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("GET", path, null);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }
}
