package io.nautilus.web.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.web.server.Http;
import io.nautilus.web.server.TestServer;
import io.nautilus.web.server.WebModule;
import io.nautilus.web.stream.StartedStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The browsable API in Debian's headless Chromium, driven through chromedriver's W3C WebDriver endpoint (no Selenium
 * needed): behind the real server (its Content-Security-Policy included) the page renders the document's title and
 * every operation; a backtest report runs its inline scripts in its sandbox. Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (the {@code chromium} and
 * {@code chromium-driver} packages); skipped without them.
 */
class ApiDocsBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private TestServer server;
    private StartedStreams streams;
    private Process driver;
    private String webdriver;
    private String session;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed");
        streams = new StartedStreams();
        server = new TestServer(OpenApiRoutesTest.modules(streams).toArray(WebModule[]::new));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        webdriver = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> call("GET", "/status", null).path("value").path("ready").asBoolean());
        JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome", "goog:chromeOptions", Map.of("binary", CHROMIUM.toString(),
                        "args", new String[] {"--headless=new", "--no-sandbox", "--disable-gpu",
                            "--disable-dev-shm-usage"})))));
        session = created.path("value").path("sessionId").asText();
        assertThat(session).as(created.toString()).isNotBlank();
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            call("DELETE", "/session/" + session, null);
        }
        if (driver != null) {
            driver.destroy();
            driver.waitFor();
        }
        if (server != null) {
            server.close();
        }
        if (streams != null) {
            streams.close();
        }
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webdriver + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return json.readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void theBrowsableApiRendersEveryOperationForALoggedInUser() throws Exception {
        Http.Session viewer = server.http().login("viewer", "viewer-pw");
        String base = "http://127.0.0.1:" + server.port();
        call("POST", "/session/" + session + "/url", Map.of("url", base + "/login.html"));
        String value = viewer.cookie().substring(viewer.cookie().indexOf('=') + 1);
        call("POST", "/session/" + session + "/cookie", Map.of("cookie", Map.of("name", "NAUTILUS_SESSION",
                "value", value, "path", "/")));
        call("POST", "/session/" + session + "/url", Map.of("url", base + "/api/v1/docs/"));

        int operations = OpenApiRoutesTest.documented().size();
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode answer = call("POST", "/session/" + session + "/execute/sync", Map.of("script",
                    "var t = document.querySelector('.swagger-ui .info .title');"
                            + " return [t ? t.textContent : '', document.querySelectorAll('.opblock').length];",
                    "args", new Object[0])).path("value");
            seen.set(answer);
            return answer.path(1).asInt() == operations;
        });
        assertThat(seen.get().path(0).asText()).startsWith("Nautilus REST API");
    }

    @Test
    void aBacktestReportRunsItsInlineScriptsInItsSandbox(@TempDir Path dir) throws Exception {
        BacktestResourceTest.Backtests backtests = new BacktestResourceTest.Backtests(dir);
        server.service(BacktestService.class, backtests);
        backtests.start(BacktestRequest.parse(List.of("--data", "x.csv", "--strategy", "smacross")));
        Files.createDirectories(dir.resolve("B1"));
        Files.writeString(dir.resolve("B1/report.html"), "<!doctype html><html><head><title>report</title></head><body>"
                + "<p id='out'>not run</p><script>document.getElementById('out').textContent = 'drawn';"
                + " var r; try { r = 'cookie ' + document.cookie; } catch (e) { r = 'sandboxed'; }"
                + " document.getElementById('out').dataset.cookie = r;</script>"
                + "</body></html>");
        Http.Session viewer = server.http().login("viewer", "viewer-pw");
        String base = "http://127.0.0.1:" + server.port();
        call("POST", "/session/" + session + "/url", Map.of("url", base + "/login.html"));
        call("POST", "/session/" + session + "/cookie", Map.of("cookie", Map.of("name", "NAUTILUS_SESSION",
                "value", viewer.cookie().substring(viewer.cookie().indexOf('=') + 1), "path", "/")));
        call("POST", "/session/" + session + "/url", Map.of("url", base + "/api/v1/backtests/B1/report"));

        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode answer = call("POST", "/session/" + session + "/execute/sync", Map.of("script",
                    "var p = document.getElementById('out'); return p ? [p.textContent, p.dataset.cookie] : [];",
                    "args", new Object[0])).path("value");
            seen.set(answer);
            return "drawn".equals(answer.path(0).asText());
        });
        assertThat(seen.get().path(1).asText()).as("the report's origin is opaque: no cookie").isEqualTo("sandboxed");
    }
}
