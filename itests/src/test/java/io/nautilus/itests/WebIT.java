package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.nautilus.core.api.TradingCoreService;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
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
 * without a login (401) or with the session cookie but no CSRF token (403) change nothing; a viewer added with the
 * jaas commands reads positions but may not submit (403).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebIT {

    private static final String ADMIN_PASSWORD = "itest-Secret-42";
    private static final String VIEWER = "vera";
    private static final String VIEWER_PASSWORD = "vera-IT-pass-1";
    private static final int PORT = 18480;
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":([0-9]+)");

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    private final WebApi web = new WebApi(PORT);

    @Configuration
    public Option[] config() {
        Option[] base = ContainerOptions.distribution("18108");
        Option[] options = Arrays.copyOf(base, base.length + 1);
        options[base.length] = editConfigurationFilePut("etc/io.nautilus.web.cfg", "port", Integer.toString(PORT));
        return options;
    }

    @Test
    public void adminLogsInSubmitsAndCancelsAnOrderAndAnonymousOrForgedRequestsChangeNothing() throws Exception {
        web.awaitReady();

        HttpResponse<String> anonymous = web.send("GET", "/api/v1/orders", null, null, null);
        assertEquals(anonymous.body(), 401, anonymous.statusCode());
        HttpResponse<String> anonymousSubmit = web.send("POST", "/api/v1/orders", order(), null, null);
        assertEquals(anonymousSubmit.body(), 401, anonymousSubmit.statusCode());

        HttpResponse<String> wrong = web.send("POST", "/api/v1/login",
                "{\"username\":\"admin\",\"password\":\"not-the-password\"}", null, null);
        assertEquals(wrong.body(), 401, wrong.statusCode());

        HttpResponse<String> login = web.send("POST", "/api/v1/login",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null, null);
        assertEquals(login.body(), 200, login.statusCode());
        assertTrue(login.body(), login.body().contains("\"role\":\"admin\""));
        String setCookie = login.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(setCookie, setCookie.startsWith("NAUTILUS_SESSION=") && setCookie.contains("SameSite=Strict"));
        WebApi.Login admin = web.login("admin", ADMIN_PASSWORD);
        String cookie = admin.cookie();

        int working = deskOrders();
        HttpResponse<String> forged = web.send("POST", "/api/v1/orders", order(), cookie, null);
        assertEquals(forged.body(), 403, forged.statusCode());
        assertEquals(working, deskOrders());

        HttpResponse<String> submitted = web.send("POST", "/api/v1/orders", order(), cookie, admin.csrf());
        assertEquals(submitted.body(), 201, submitted.statusCode());
        Matcher id = ORDER_ID.matcher(submitted.body());
        assertTrue(submitted.body(), id.find());
        long orderId = Long.parseLong(id.group(1));
        assertTrue("order " + orderId + " working in the core", core.order(orderId).isPresent());

        HttpResponse<String> listed = web.send("GET", "/api/v1/orders?account=desk-1", null, cookie, null);
        assertTrue(listed.body(), listed.body().contains("\"orderId\":" + orderId));

        HttpResponse<String> canceled = web.send("DELETE", "/api/v1/orders/" + orderId, null, cookie, admin.csrf());
        assertEquals(canceled.body(), 200, canceled.statusCode());
        assertTrue(canceled.body(), canceled.body().contains("\"status\":\"CANCELED\""));
        assertFalse("order " + orderId + " no longer working", core.order(orderId).isPresent());

        HttpResponse<String> status = web.send("GET", "/api/v1/status", null, cookie, null);
        assertTrue(status.body(), status.body().contains("\"coreRunning\":true"));

        // the audit has its own file beside karaf.log (etc/org.ops4j.pax.logging.cfg)
        Path audit = Path.of(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"),
                "web-audit.log");
        String wanted = "admin (admin) from 127.0.0.1: cancel order " + orderId;
        Await.until(() -> Files.exists(audit) && Files.readString(audit).contains(wanted), 30_000,
                "'" + wanted + "' in " + audit);
    }

    @Test
    public void aViewerReadsButMayNotTrade() throws Exception {
        web.awaitReady();
        // the documented way to add a user: Karaf's jaas commands (the password stored hashed)
        shell(String.join("\n", "jaas:realm-manage --realm karaf", "jaas:user-add " + VIEWER + " " + VIEWER_PASSWORD,
                "jaas:role-add " + VIEWER + " viewer", "jaas:update"));
        Path users = Path.of(System.getProperty("karaf.etc"), "users.properties");
        Await.until(() -> Files.readString(users).contains(VIEWER + " = {CRYPT}"), 30_000,
                () -> VIEWER + " stored hashed in " + users);

        WebApi.Login viewer = web.login(VIEWER, VIEWER_PASSWORD);
        assertTrue(viewer.body(), viewer.body().contains("\"role\":\"viewer\""));
        String cookie = viewer.cookie();

        HttpResponse<String> positions = web.send("GET", "/api/v1/positions", null, cookie, null);
        assertEquals(positions.body(), 200, positions.statusCode());

        int working = deskOrders();
        HttpResponse<String> submitted = web.send("POST", "/api/v1/orders", order(), cookie, viewer.csrf());
        assertEquals(submitted.body(), 403, submitted.statusCode());
        assertEquals(working, deskOrders());
    }

    /** The working orders of desk-1, which nothing but this test trades (the demo strategy and the simulated venue
     * use their own accounts). */
    private int deskOrders() {
        return core.orders(new io.nautilus.core.api.OrderFilter(io.nautilus.api.AccountId.of("desk-1"), null, null, 0))
                .size();
    }

    private String shell(String command) throws Exception {
        return new AdminShell(sessionFactory).execute(command);
    }

    private static String order() {
        return "{\"account\":\"desk-1\",\"instrument\":\"SIM-ACME\",\"side\":\"BUY\",\"price\":\"90.00\","
                + "\"quantity\":\"1\"}";
    }
}
