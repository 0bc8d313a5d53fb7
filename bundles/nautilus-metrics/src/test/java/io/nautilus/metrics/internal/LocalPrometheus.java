package io.nautilus.metrics.internal;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (Debian's {@code prometheus} package, {@code /usr/bin/prometheus} or {@code PROMETHEUS_BIN})
 * started on 127.0.0.1 with its own config and data folder, scraping one target every second; stopped by
 * {@link #close()}.
 */
final class LocalPrometheus implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalPrometheus(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts Prometheus and waits until it is ready.
     *
     * @param folder its config, data and log
     * @param target host:port it scrapes
     * @param metricsPath the target's metrics path
     * @return the running Prometheus
     */
    static LocalPrometheus start(Path folder, String target, String metricsPath) throws IOException {
        Path binary = binary();
        Path config = folder.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: nautilus
                    metrics_path: %s
                    static_configs:
                      - targets: ['%s']
                """.formatted(metricsPath, target));
        int port = freePort();
        Path log = folder.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + folder.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalPrometheus prometheus = new LocalPrometheus(process, log, port);
        try {
            await("Prometheus ready on 127.0.0.1:" + port).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("prometheus exited: " + Files.readString(log));
                        }
                        return prometheus.status("/-/ready") == 200;
                    });
        } catch (RuntimeException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    /**
     * The Prometheus binary; in CI (variable {@code CI} set) its absence fails the test, elsewhere it aborts it.
     *
     * @return {@code PROMETHEUS_BIN} or {@code /usr/bin/prometheus}
     */
    static Path binary() {
        Path binary = Path.of(System.getenv().getOrDefault("PROMETHEUS_BIN", "/usr/bin/prometheus"));
        if (!Files.isExecutable(binary)) {
            if (System.getenv("CI") != null) {
                Assertions.fail("Debian's prometheus is needed for this test in CI: .ci/run installs it"
                        + " (apt-get install prometheus); not found: " + binary);
            }
            Assumptions.abort("no " + binary + " on this machine: apt-get install prometheus to run this test");
        }
        return binary;
    }

    /**
     * Runs an instant query.
     *
     * @param promql the expression
     * @return Prometheus's JSON answer
     */
    String query(String promql) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** @return the log it wrote so far */
    String log() throws IOException {
        return Files.readString(log);
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
