package io.nautilus.benchmarks.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.api.AccountId;
import io.nautilus.benchmarks.core.ThreadCpu;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.OrderType;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import io.nautilus.web.rest.CoreResources;
import io.nautilus.web.rest.OrderResources;
import io.nautilus.web.server.Authenticator;
import io.nautilus.web.server.StaticFiles;
import io.nautilus.web.server.WebContext;
import io.nautilus.web.server.WebServer;
import io.nautilus.web.server.WebSettings;
import io.nautilus.web.server.WebModule;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * REST API latency at a fixed request rate: the web server (io.nautilus.web's {@link WebServer}, Vert.x) with the
 * REST resources over a real trading core (journal without fsync), on 127.0.0.1, and a load generator in the same
 * JVM (its own Vert.x HTTP client on two event loops, with {@code --connections} keep-alive connections; bearer
 * token, as scripts use).
 * <ul>
 *   <li>{@code positions}: {@code GET /api/v1/positions} (the positions of two accounts on four instruments);</li>
 *   <li>{@code submit}: {@code POST /api/v1/orders}, limit orders alternately bought by one account and sold by the
 *       other at the same price, so they cross and the book stays small.</li>
 * </ul>
 * Request k is due at {@code start + k / rate} and sent then even if earlier answers are outstanding (an open
 * loop); its latency is the time its answer ended minus the time it was due, into an HdrHistogram:
 * coordinated-omission-correct (a stall counts for every request it held up, waiting for a pooled connection
 * included). The service time (answer minus actual send) is recorded beside it. Warm-up at the rate first,
 * unrecorded. Prints human-readable lines, then one JSON line per scenario.
 */
public final class RestLoad {

    private static final String USAGE = """
            Usage: RestLoad [--scenario positions|submit|both] [--rate R] [--seconds S] [--warmup-seconds S]
                            [--connections N]
              --scenario        what to load (default both, positions first)
              --rate            requests per second (default 2000)
              --seconds         measured seconds per scenario (default 20)
              --warmup-seconds  unrecorded seconds at the rate first (default 15: the JIT needs that on 2 CPUs)
              --connections     the client's keep-alive connections (default 16)
            """;

    private static final String USER = "bench";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The client's event loops (requests go round-robin). */
    private static final int CLIENT_LOOPS = 2;
    private static final InstrumentId[] INSTRUMENTS = {InstrumentId.of("ABC"), InstrumentId.of("DEF"),
        InstrumentId.of("GHI"), InstrumentId.of("JKL")};

    private final String scenario;
    private final int rate;
    private final int seconds;
    private final int warmupSeconds;
    private final int connections;

    private RestLoad(String scenario, int rate, int seconds, int warmupSeconds, int connections) {
        this.scenario = scenario;
        this.rate = rate;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.connections = connections;
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options of {@link #USAGE}
     * @throws Exception when the platform cannot start
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--scenario", "both", "--rate", "2000",
                "--seconds", "20", "--warmup-seconds", "15", "--connections", "16"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (!options.containsKey(args[i]) || i + 1 == args.length) {
                System.err.print("unknown option or missing value: " + args[i] + "\n" + USAGE);
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        String scenario = options.get("--scenario");
        if (!List.of("positions", "submit", "both").contains(scenario)) {
            System.err.print("--scenario must be positions, submit or both\n" + USAGE);
            System.exit(2);
        }
        new RestLoad(scenario, positive(options, "--rate"), positive(options, "--seconds"),
                Integer.parseInt(options.get("--warmup-seconds")), positive(options, "--connections")).run();
    }

    private static int positive(Map<String, String> options, String name) {
        int value = Integer.parseInt(options.get(name));
        if (value < 1) {
            throw new IllegalArgumentException(name + " " + value + " must be at least 1");
        }
        return value;
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("rest-load");
        Map<String, Object> instruments = new LinkedHashMap<>();
        for (InstrumentId id : INSTRUMENTS) {
            instruments.put(id.value() + ".priceScale", "2");
            instruments.put(id.value() + ".quantityScale", "0");
            instruments.put(id.value() + ".tickSize", "0.01");
            instruments.put(id.value() + ".lotSize", "1");
        }
        TradingCoreManager core = RealCore.start(dir.resolve("core"), report -> { }, instruments,
                Map.of("alice.stp", "none", "bob.stp", "none"), Map.of());
        seedPositions(core);
        String password = Long.toHexString(System.nanoTime());
        Authenticator authenticator = (username, given) -> USER.equals(username)
                && password.equals(new String(given)) ? Optional.of(new WebContext.User(USER, WebContext.Role.ADMIN))
                : Optional.empty();
        WebSettings settings = new WebSettings("127.0.0.1", 0, null, null, Duration.ofMinutes(30), 100, 2000, 65536, 5,
                Duration.ofMinutes(5), Duration.ofMinutes(5), "nautilus-bench", Duration.ofDays(1));
        WebServer server = new WebServer(settings, authenticator, new WebServer.Services() {
            @Override
            public <T> Optional<T> find(Class<T> type) {
                return type == TradingCoreService.class ? Optional.of(type.cast(core)) : Optional.empty();
            }
        }, new StaticFiles(RestLoad.class.getClassLoader(), "no-static-files"));
        server.modules(List.<WebModule>of(new CoreResources(), new OrderResources()));
        int port = server.start(Duration.ofSeconds(10));
        Vertx vertx = Vertx.vertx();
        try {
            String token = token(port, password);
            Context[] loops = new Context[CLIENT_LOOPS];
            for (int i = 0; i < loops.length; i++) {
                loops[i] = vertx.getOrCreateContext();
            }
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(port).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
            System.out.printf(Locale.ROOT, "REST load: %d requests/s, %d s measured after %d s warm-up, %d"
                    + " connections, %d CPUs%n", rate, seconds, warmupSeconds, connections,
                    Runtime.getRuntime().availableProcessors());
            if (!scenario.equals("submit")) {
                measure("positions", loops, client, token, HttpMethod.GET, "/api/v1/positions", k -> null);
            }
            if (!scenario.equals("positions")) {
                int probe = status(client, token, HttpMethod.POST, "/api/v1/orders", order(0));
                if (probe == 404 || probe == 405) {
                    System.out.println("submit: POST /api/v1/orders is not mounted in this build (" + probe
                            + "); skipped");
                } else {
                    measure("submit", loops, client, token, HttpMethod.POST, "/api/v1/orders", RestLoad::order);
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            server.close();
            RealCore.stop(core);
        }
    }

    /** Crossing orders of alice and bob, so both accounts hold positions on every instrument. */
    private static void seedPositions(TradingCoreManager core) throws Exception {
        long id = 1;
        for (InstrumentId instrument : INSTRUMENTS) {
            for (int i = 0; i < 5; i++) {
                core.submit(new NewOrder(id++, AccountId.of("alice"), null, instrument, Side.BUY, OrderType.LIMIT,
                        TimeInForce.GTC, 10_000 + i, FixedPoint.NULL, 10, 0, 0, 0)).get(10, TimeUnit.SECONDS);
                core.submit(new NewOrder(id++, AccountId.of("bob"), null, instrument, Side.SELL, OrderType.LIMIT,
                        TimeInForce.GTC, 10_000 + i, FixedPoint.NULL, 7, 0, 0, 0)).get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Order k: alice buys on even k, bob sells on odd k, 1 at 100.00 of one of the instruments. */
    private static String order(long k) {
        return "{\"account\":\"" + (k % 2 == 0 ? "alice" : "bob") + "\",\"instrument\":\""
                + INSTRUMENTS[(int) ((k / 2) % INSTRUMENTS.length)].value() + "\",\"side\":\""
                + (k % 2 == 0 ? "BUY" : "SELL") + "\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":\"100.00\","
                + "\"quantity\":\"1\"}";
    }

    /** Logs in and makes a bearer token, as a script does. */
    private static String token(int port, String password) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + USER + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login answered " + login.statusCode() + " " + login.body());
        }
        ObjectMapper json = new ObjectMapper();
        String cookie = login.headers().firstValue("set-cookie").orElseThrow();
        String csrf = json.readTree(login.body()).path("csrfToken").asText();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Content-Type", "application/json").header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .header(WebServer.CSRF_HEADER, csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"ttlSeconds\":3600}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/tokens answered " + token.statusCode() + " " + token.body());
        }
        return json.readTree(token.body()).path("token").asText();
    }

    private static int status(HttpClient client, String token, HttpMethod method, String path, String body)
            throws Exception {
        return client.request(new RequestOptions().setMethod(method).setURI(path)
                        .addHeader("Authorization", "Bearer " + token).addHeader("Content-Type", "application/json"))
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** @return the CPU time the whole JVM used so far */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The body of request k, or null for none. */
    @FunctionalInterface
    private interface Bodies {
        String body(long k);
    }

    private void measure(String name, Context[] loops, HttpClient client, String token, HttpMethod method, String path,
                         Bodies bodies) throws InterruptedException {
        Recorder latency = new Recorder(3);
        Recorder service = new Recorder(3);
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        long cpuFrom = processCpuNanos();
        long jitFrom = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long startedFrom = THREADS.getTotalStartedThreadCount();
        ThreadCpu threads = null;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long warmup = (long) warmupSeconds * rate;
        long total = warmup + (long) seconds * rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long measuredFrom = start + warmup * interval;
        for (long k = 0; k < total; k++) {
            long due = start + k * interval;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(Math.min(due - now, 50_000));
            }
            if (k == warmup) {
                latency.reset();
                service.reset();
                statuses.clear();
                cpuFrom = processCpuNanos();
                jitFrom = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                startedFrom = THREADS.getTotalStartedThreadCount();
                threads = new ThreadCpu();
            }
            boolean recorded = k >= warmup;
            long sent = now;
            String body = bodies.body(k);
            RequestOptions options = new RequestOptions().setMethod(method).setURI(path).setIdleTimeout(10_000)
                    .addHeader("Authorization", "Bearer " + token);
            if (body != null) {
                options.addHeader("Content-Type", "application/json");
            }
            loops[(int) (k % loops.length)].runOnContext(go -> client.request(options)
                    .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(done -> {
                        long end = System.nanoTime();
                        answered.incrementAndGet();
                        if (done.failed()) {
                            if (failed.incrementAndGet() == 1) {
                                System.out.println("  first failure: " + done.cause());
                            }
                            return;
                        }
                        if (recorded) {
                            latency.recordValue(Math.max(0, end - due) / 1_000);
                            service.recordValue(Math.max(0, end - sent) / 1_000);
                            statuses.computeIfAbsent(done.result(), s -> new AtomicLong()).incrementAndGet();
                        }
                    }));
        }
        long sendEnd = System.nanoTime();
        long deadline = sendEnd + TimeUnit.SECONDS.toNanos(30);
        while (answered.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long measuredWall = System.nanoTime() - measuredFrom;
        double cpuPerRequest = (processCpuNanos() - cpuFrom) / 1e3 / Math.max(1, total - warmup);
        long started = THREADS.getTotalStartedThreadCount() - startedFrom;
        long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitFrom;
        String busiest = threads == null ? "" : threads.since(measuredWall);
        Histogram all = latency.getIntervalHistogram();
        Histogram serviceTimes = service.getIntervalHistogram();
        double offered = (double) (total - warmup) / ((sendEnd - measuredFrom) / 1e9);
        System.out.printf(Locale.ROOT, "%s: %d requests (%.0f/s offered), %d failed, %d unanswered, statuses %s%n",
                name, all.getTotalCount(), offered, failed.get(), total - answered.get(), statuses);
        System.out.printf(Locale.ROOT, "  latency from due time (us): p50 %d  p90 %d  p99 %d  p99.9 %d  max %d%n",
                all.getValueAtPercentile(50), all.getValueAtPercentile(90), all.getValueAtPercentile(99),
                all.getValueAtPercentile(99.9), all.getMaxValue());
        System.out.printf(Locale.ROOT, "  service time (us):          p50 %d  p90 %d  p99 %d  p99.9 %d  max %d%n",
                serviceTimes.getValueAtPercentile(50), serviceTimes.getValueAtPercentile(90),
                serviceTimes.getValueAtPercentile(99), serviceTimes.getValueAtPercentile(99.9),
                serviceTimes.getMaxValue());
        System.out.printf(Locale.ROOT, "  CPU per request (server, core and client, us): %.0f; threads started: %d;"
                + " JIT %d ms (still warming up if large); load average %.2f%n", cpuPerRequest, started, jitMillis,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("  busiest threads: " + busiest);
        List<String> codes = new ArrayList<>();
        statuses.forEach((code, count) -> codes.add("\"" + code + "\":" + count));
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"rest\",\"scenario\":\"%s\",\"rate\":%d,\"seconds\":%d,"
                        + "\"connections\":%d,\"requests\":%d,\"failed\":%d,\"unanswered\":%d,\"statuses\":{%s},"
                        + "\"p50Us\":%d,\"p99Us\":%d,\"p999Us\":%d,\"maxUs\":%d,\"serviceP99Us\":%d,"
                        + "\"cpuUsPerRequest\":%.0f,\"threadsStarted\":%d,\"loadAverage\":%.2f}%n",
                name, rate, seconds, connections, all.getTotalCount(), failed.get(), total - answered.get(),
                String.join(",", codes), all.getValueAtPercentile(50), all.getValueAtPercentile(99),
                all.getValueAtPercentile(99.9), all.getMaxValue(), serviceTimes.getValueAtPercentile(99), cpuPerRequest,
                started, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
