package io.nautilus.itests;

import java.io.IOException;
import java.net.InetAddress;
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

/**
 * A real Prometheus (Debian's {@code prometheus} package) started on 127.0.0.1 with its own config and data folder,
 * scraping one target every second with a bearer token read from a file, as {@code docs/metrics.md} configures it;
 * stopped by {@link #close()}. Runs inside the Pax Exam container too (its wait for readiness is {@link Await}'s, which
 * the container is given). (The metrics bundle's unit test has its own copy, which scrapes without a token.)
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
     * @param binary the {@code prometheus} executable
     * @param folder its config, token file, data and log
     * @param target host:port it scrapes
     * @param metricsPath the target's metrics path
     * @param token the bearer token it sends (Prometheus's {@code authorization: credentials_file})
     * @param ready how long it may take to become ready
     * @return the running Prometheus
     * @throws IOException if its files cannot be written or it cannot be started
     * @throws IllegalStateException if it exits before it is ready (its log in the message)
     * @throws AssertionError if it is not ready in time (its log in the message)
     */
    static LocalPrometheus start(Path binary, Path folder, String target, String metricsPath, String token,
                                 Duration ready) throws IOException {
        Files.createDirectories(folder);
        Path tokenFile = folder.resolve("nautilus.token");
        Files.writeString(tokenFile, token);
        Path config = folder.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: nautilus
                    metrics_path: %s
                    authorization:
                      credentials_file: %s
                    static_configs:
                      - targets: ['%s']
                """.formatted(metricsPath, tokenFile, target));
        int port = freePort();
        Path log = folder.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + folder.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalPrometheus prometheus = new LocalPrometheus(process, log, port);
        try {
            Await.until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("prometheus exited (" + process.exitValue() + "):\n"
                            + Files.readString(log));
                }
                return prometheus.status("/-/ready") == 200;
            }, ready.toMillis(), Duration.ofMillis(200), () -> "prometheus ready on 127.0.0.1:" + port + "; its log:\n"
                    + prometheus.logOrProblem());
        } catch (RuntimeException | AssertionError e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    /**
     * Runs an instant query.
     *
     * @param promql the expression
     * @return Prometheus's JSON answer
     * @throws IOException if Prometheus does not answer
     * @throws InterruptedException if interrupted while waiting
     */
    String query(String promql) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * @return the log it wrote so far
     * @throws IOException if it cannot be read
     */
    String log() throws IOException {
        return Files.readString(log);
    }

    private String logOrProblem() {
        try {
            return log();
        } catch (IOException e) {
            return "unreadable: " + e;
        }
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
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
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
