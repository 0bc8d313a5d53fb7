package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.nautilus.core.api.TradingCoreService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The web server in the running platform: the admin logs in over HTTP against Karaf's real JAAS realm (the
 * credential the distribution was started with), submits and cancels an order through the REST API, and requests
 * without a login (401) or with the session cookie but no CSRF token (403) change nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebIT {

    private static final String ADMIN_PASSWORD = "itest-Secret-42";
    private static final int PORT = 18480;
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":([0-9]+)");

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        Option[] base = ContainerOptions.distribution("18108");
        Option[] options = Arrays.copyOf(base, base.length + 1);
        options[base.length] = editConfigurationFilePut("etc/io.nautilus.web.cfg", "port", Integer.toString(PORT));
        return options;
    }

    @Test
    public void adminLogsInSubmitsAndCancelsAnOrderAndAnonymousOrForgedRequestsChangeNothing() throws Exception {
        awaitServer();

        HttpResponse<String> anonymous = send("GET", "/api/v1/orders", null, null, null);
        assertEquals(anonymous.body(), 401, anonymous.statusCode());
        HttpResponse<String> anonymousSubmit = send("POST", "/api/v1/orders", order(), null, null);
        assertEquals(anonymousSubmit.body(), 401, anonymousSubmit.statusCode());

        HttpResponse<String> wrong = send("POST", "/api/v1/login",
                "{\"username\":\"admin\",\"password\":\"not-the-password\"}", null, null);
        assertEquals(wrong.body(), 401, wrong.statusCode());

        HttpResponse<String> login = send("POST", "/api/v1/login",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null, null);
        assertEquals(login.body(), 200, login.statusCode());
        assertTrue(login.body(), login.body().contains("\"role\":\"admin\""));
        String setCookie = login.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(setCookie, setCookie.startsWith("NAUTILUS_SESSION=") && setCookie.contains("SameSite=Strict"));
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Matcher csrf = CSRF.matcher(login.body());
        assertTrue(login.body(), csrf.find());

        int working = core.orders(io.nautilus.core.api.OrderFilter.ALL).size();
        HttpResponse<String> forged = send("POST", "/api/v1/orders", order(), cookie, null);
        assertEquals(forged.body(), 403, forged.statusCode());
        assertEquals(working, core.orders(io.nautilus.core.api.OrderFilter.ALL).size());

        HttpResponse<String> submitted = send("POST", "/api/v1/orders", order(), cookie, csrf.group(1));
        assertEquals(submitted.body(), 201, submitted.statusCode());
        Matcher id = ORDER_ID.matcher(submitted.body());
        assertTrue(submitted.body(), id.find());
        long orderId = Long.parseLong(id.group(1));
        assertTrue("order " + orderId + " working in the core", core.order(orderId).isPresent());

        HttpResponse<String> listed = send("GET", "/api/v1/orders?account=desk-1", null, cookie, null);
        assertTrue(listed.body(), listed.body().contains("\"orderId\":" + orderId));

        HttpResponse<String> canceled = send("DELETE", "/api/v1/orders/" + orderId, null, cookie, csrf.group(1));
        assertEquals(canceled.body(), 200, canceled.statusCode());
        assertTrue(canceled.body(), canceled.body().contains("\"status\":\"CANCELED\""));
        assertFalse("order " + orderId + " no longer working", core.order(orderId).isPresent());

        HttpResponse<String> status = send("GET", "/api/v1/status", null, cookie, null);
        assertTrue(status.body(), status.body().contains("\"coreRunning\":true"));
    }

    private static String order() {
        return "{\"account\":\"desk-1\",\"instrument\":\"SIM-ACME\",\"side\":\"BUY\",\"price\":\"90.00\","
                + "\"quantity\":\"1\"}";
    }

    private void awaitServer() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                send("GET", "/api/v1/me", null, null, null);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the web server did not listen on " + BASE + " within 120 s", e);
                }
                Thread.sleep(500);
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String cookie, String csrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
