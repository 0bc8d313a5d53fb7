package io.nautilus.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.nautilus.api.platform.MetricsScrape;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every panel of {@code docs/grafana/nautilus.json} against a real Prometheus scraping the metrics bundle's registry
 * (served here by a JDK HttpServer the way the web tier serves {@code /metrics}): each panel's PromQL returns data.
 * Grafana's {@code $__rate_interval} is given the value Grafana would use for a 1 s scrape interval in a short
 * range, {@value #RATE_INTERVAL}.
 */
class GrafanaDashboardTest {

    static final String RATE_INTERVAL = "15s";
    static final Path DASHBOARD = Path.of("../../docs/grafana/nautilus.json");

    private final MetricsManager metrics = new MetricsManager();
    private HttpServer server;
    private LocalPrometheus prometheus;

    @AfterEach
    void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (server != null) {
            server.stop(0);
        }
        metrics.deactivate();
    }

    @Test
    void everyPanelQueryReturnsData(@TempDir Path folder) throws Exception {
        LocalPrometheus.binary();
        metrics.activate();
        metrics.bindCore(TestCores.growing(1_600));
        TestEngines engines = new TestEngines();
        metrics.bindMarketData(engines.marketData());
        metrics.bindStrategies(engines.strategies());
        metrics.bindVenues(engines.venues());
        metrics.bindRouter(engines.router());
        metrics.bindHistory(engines.history());
        metrics.bindNotifications(engines.notifications());
        server = serve(metrics);
        System.gc(); // a GC pause for the GC panel: the pause timer appears with the first pause
        prometheus = LocalPrometheus.start(folder,
                "127.0.0.1:" + server.getAddress().getPort(), "/metrics");

        Map<String, String> queries = panelQueries(new ObjectMapper().readTree(DASHBOARD.toFile()));
        assertThat(queries).as("panel queries in %s", DASHBOARD).hasSizeGreaterThan(5);
        Map<String, String> empty = new LinkedHashMap<>(queries);
        try {
            await("every panel's query returns data").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        for (var it = empty.entrySet().iterator(); it.hasNext(); ) {
                            var entry = it.next();
                            if (hasData(prometheus.query(entry.getValue()))) {
                                it.remove();
                            }
                        }
                        return empty.isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("panels without data: " + empty + "\nprometheus log:\n" + prometheus.log(), e);
        }
    }

    /** @return panel title + refId to its expression, from the panels and the panels nested in rows */
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

    private static HttpServer serve(MetricsScrape scrape) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/metrics", exchange -> {
            byte[] body = scrape.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", MetricsScrape.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        return http;
    }
}
