package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.platform.MetricsScrape;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.ParentOrderService;
import io.nautilus.router.api.RemainderPolicy;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The distribution's {@code /metrics} scraped by a real Prometheus (Debian's {@code prometheus}, started by the test
 * on 127.0.0.1 with its own config and data folder under {@code target/metrics-it}) with a bearer token from
 * {@code POST /api/v1/tokens}, as {@code docs/metrics.md} configures it: the metrics bundle is active in Karaf with
 * its embedded Prometheus registry, {@code /metrics} refuses a request without credentials, and after the demo has
 * traded for a while every query of every panel of {@code docs/grafana/nautilus.json} returns data. A simulated
 * venue gateway SIMX known to the router is configured (the default distribution has no external venue) and one
 * parent order is routed to it through the order desk, which the router's decision counters show. Without the
 * binary the test fails in CI (variable {@code CI} set) and is skipped elsewhere.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT {

    private static final String ADMIN_PASSWORD = "itest-Secret-42";
    private static final int PORT = 18483;
    /** What Grafana puts for {@code $__rate_interval} with a 1 s scrape interval over a short range. */
    private static final String RATE_INTERVAL = "15s";
    private static final Duration PANELS = Duration.ofSeconds(110);
    private static final Pattern FAMILY = Pattern.compile("(?m)^# TYPE (\\S+) ");

    @Inject
    @Filter(timeout = 120_000)
    private MetricsScrape scrape;

    @Inject
    @Filter(timeout = 120_000)
    private ParentOrderService desk;

    @Inject
    private BundleContext bundleContext;

    private final WebApi web = new WebApi(PORT);

    @Configuration
    public Option[] config() {
        Option[] base = ContainerOptions.distribution("18110");
        Option[] options = Arrays.copyOf(base, base.length + 8);
        options[base.length] = editConfigurationFilePut("etc/io.nautilus.web.cfg", "port", Integer.toString(PORT));
        // the default distribution has no external venue: one simulated venue gateway, known to the router, gives
        // the venue and routing panels their series
        options[base.length + 4] = editConfigurationFilePut("etc/io.nautilus.simvenue.gateway-SIMX.cfg", "venue.id",
                "SIMX");
        options[base.length + 5] = editConfigurationFilePut("etc/io.nautilus.simvenue.gateway-SIMX.cfg",
                "instruments", "SIM-BTC");
        options[base.length + 6] = editConfigurationFilePut("etc/io.nautilus.router.venue-SIMX.cfg", "venue", "SIMX");
        options[base.length + 7] = editConfigurationFilePut("etc/io.nautilus.router.desk.cfg",
                "instrument.SIM-BTC.venues", "SIMX");
        options[base.length + 1] = CoreOptions.systemProperty("itest.dashboard")
                .value(new File("../docs/grafana/nautilus.json").getAbsolutePath());
        options[base.length + 2] = CoreOptions.systemProperty("itest.work")
                .value(new File("target/metrics-it").getAbsolutePath());
        options[base.length + 3] = CoreOptions.systemProperty("itest.prometheus")
                .value(System.getenv().getOrDefault("PROMETHEUS_BIN", "/usr/bin/prometheus"));
        return options;
    }

    @Test
    public void prometheusScrapesTheDistributionWithATokenAndEveryDashboardPanelHasData() throws Exception {
        Path binary = Path.of(System.getProperty("itest.prometheus"));
        if (!Files.isExecutable(binary)) {
            if (System.getenv("CI") != null) {
                fail("Debian's prometheus is needed for this test in CI (.ci/run installs it); not found: " + binary);
            }
            Assume.assumeTrue("no " + binary + " on this machine: apt-get install prometheus to run this test", false);
        }
        Bundle metrics = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "io.nautilus.metrics".equals(b.getSymbolicName())).findFirst().orElseThrow();
        assertEquals("io.nautilus.metrics state", Bundle.ACTIVE, metrics.getState());
        assertTrue("the registry's own scrape names the core's meters",
                scrape.scrape().contains("nautilus_core_commands_processed_commands_total"));

        web.awaitReady();
        HttpResponse<String> anonymous = web.get("/metrics", null);
        assertEquals(anonymous.body(), 401, anonymous.statusCode());
        String token = web.token(web.login("admin", ADMIN_PASSWORD), "prometheus", 900);
        HttpResponse<String> scraped = web.get("/metrics", token);
        assertEquals(scraped.body(), 200, scraped.statusCode());
        assertTrue(scraped.headers().firstValue("content-type").orElse(""),
                scraped.headers().firstValue("content-type").orElse("").startsWith("text/plain"));

        Map<String, String> queries = panelQueries(new ObjectMapper()
                .readTree(new File(System.getProperty("itest.dashboard"))));
        assertTrue("panel queries in the dashboard: " + queries, queries.size() > 20);
        ParentOrderService.Submission parent = routeOneParent();
        queries.put("router decision counted", "nautilus_router_decisions_total{outcome=\"FULL\"} >= 1");
        queries.put("router child order counted", "nautilus_router_child_orders_total{venue=\"SIMX\"} >= 1");
        Path work = Path.of(System.getProperty("itest.work"));
        if (Files.exists(work)) {
            try (var old = Files.walk(work)) {
                old.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        try (LocalPrometheus prometheus = LocalPrometheus.start(binary, work, "127.0.0.1:" + PORT, "/metrics",
                token, Duration.ofSeconds(60))) {
            Map<String, String> empty = new LinkedHashMap<>(queries);
            long started = System.nanoTime();
            // Prometheus scrapes every second: each poll drops the panels that have data by now
            Await.until(() -> {
                for (Iterator<Map.Entry<String, String>> it = empty.entrySet().iterator(); it.hasNext(); ) {
                    if (hasData(prometheus.query(it.next().getValue()))) {
                        it.remove();
                    }
                }
                return empty.isEmpty();
            }, PANELS.toMillis(), Duration.ofSeconds(1), () -> diagnosis(empty, parent, prometheus, token));
            System.out.println("MetricsIT: all " + queries.size() + " panel queries had data after "
                    + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s of scraping");
        }
    }

    /**
     * @param dashboard the Grafana dashboard
     * @return panel title + refId to its expression, from the panels and the panels nested in rows, with
     *     {@code $__rate_interval} replaced
     */
    static Map<String, String> panelQueries(JsonNode dashboard) {
        Map<String, String> queries = new LinkedHashMap<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        for (int i = 0; i < panels.size(); i++) {
            JsonNode panel = panels.get(i);
            panel.path("panels").forEach(panels::add);
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    queries.put(panel.path("title").asText() + " " + target.path("refId").asText(),
                            expr.replace("$__rate_interval", RATE_INTERVAL));
                }
            }
        }
        return queries;
    }

    private static boolean hasData(String answer) throws IOException {
        JsonNode json = new ObjectMapper().readTree(answer);
        return "success".equals(json.path("status").asText()) && json.path("data").path("result").size() > 0;
    }

    private static TreeSet<String> families(String exposition) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = FAMILY.matcher(exposition);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Routes one parent order (0.001 SIM-BTC, the demo's quoted instrument) through the order desk to the simulated
     * venue (bounded retries until the venue is logged on and the market has a quote): a FULL decision with one
     * child at SIMX.
     */
    private ParentOrderService.Submission routeOneParent() {
        ParentOrderService.Request request = new ParentOrderService.Request(AccountId.of("desk-1"),
                InstrumentId.of("SIM-BTC"), Side.BUY, 10, FixedPoint.NULL, ExecutionStyle.MARKETABLE,
                RemainderPolicy.UNALLOCATED);
        IllegalArgumentException[] refused = new IllegalArgumentException[1];
        ParentOrderService.Submission submission = Await.value(() -> {
            try {
                return desk.submit(request);
            } catch (IllegalArgumentException e) {
                refused[0] = e;
                return null;
            }
        }, 60_000, () -> "the desk routes: " + refused[0]);
        assertEquals(submission.decision().summary(), 1, submission.decision().children().size());
        assertEquals("SIMX", submission.decision().children().get(0).venue().value());
        return submission;
    }

    /** What a failed panel check shows: the panels without data and what Prometheus and /metrics had. */
    private String diagnosis(Map<String, String> empty, ParentOrderService.Submission parent,
                             LocalPrometheus prometheus, String token) {
        try {
            return "every panel with data; without: " + empty + "\nthe parent routed: " + parent
                    + "\nup: " + prometheus.query("up")
                    + "\nmetric families in /metrics: " + families(web.get("/metrics", token).body())
                    + "\nprometheus log:\n" + prometheus.log();
        } catch (IOException | InterruptedException e) {
            return "panels without data: " + empty + " (no more detail: " + e + ")";
        }
    }
}
