package io.nautilus.web.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for tests of the server on 127.0.0.1. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    /**
     * @param port the server's port
     */
    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Sends a request.
     *
     * @param method  GET, POST, PATCH, DELETE, ...
     * @param path    the path, e.g. {@code /api/v1/me}
     * @param body    a JSON body, or null
     * @param headers extra headers
     * @return the response
     */
    public HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return GET with headers */
    public HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return send("GET", path, null, headers);
    }

    /**
     * Logs in.
     *
     * @return the session: cookie header and CSRF token
     */
    public Session login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", WebServer.LOGIN_PATH,
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", Map.of());
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + user + " answered " + response.statusCode() + " "
                    + response.body());
        }
        String cookie = response.headers().firstValue("set-cookie").orElseThrow();
        String csrf = response.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        return new Session(cookie.substring(0, cookie.indexOf(';')), csrf);
    }

    /**
     * A logged-in session.
     *
     * @param cookie the {@code Cookie} header value
     * @param csrf   the CSRF token
     */
    public record Session(String cookie, String csrf) {

        /** @return headers of a safe request */
        public Map<String, String> read() {
            return Map.of("Cookie", cookie);
        }

        /** @return headers of a state-changing request */
        public Map<String, String> write() {
            return Map.of("Cookie", cookie, WebServer.CSRF_HEADER, csrf);
        }
    }
}
