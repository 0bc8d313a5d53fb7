package io.nautilus.benchmarks.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nautilus.benchmarks.core.CoreLoadRound;
import io.nautilus.benchmarks.core.LoadOptions;
import io.nautilus.benchmarks.core.ThreadCpu;
import io.nautilus.web.stream.StreamEndpoint;
import io.nautilus.web.stream.StreamHub;
import io.nautilus.web.stream.StreamSettings;
import io.nautilus.web.server.WebContext;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * WebSocket quote streams against the trading core: the platform's stream hub and endpoint ({@code /api/v1/stream}
 * on a Vert.x server on 127.0.0.1, the module's own code, without the login in front) with {@code --clients} Vert.x
 * WebSocket clients, each subscribed to one instrument's quotes ({@code quotes:SIM-<i mod --instruments>}), fed
 * {@code --rate} quote updates per second in all, while the core's load generator ({@link CoreLoadRound}: the
 * Disruptor pipeline, journal, risk, matching) runs in the same JVM, in alternating rounds: core alone, core +
 * streams, ...
 *
 * <p>A feed thread publishes the quotes round-robin over the instruments, paced in 1 ms slices; each quote carries
 * its intended publish time (System.nanoTime, so a feed that falls behind shows as latency: no coordinated omission).
 * Update latency is from that time to the client's handler having the frame's text (one JVM, one clock); the client
 * takes the time out of the text without a full JSON parse. Recorded in every "on" round's measured phase
 * (HdrHistogram, microseconds, 3 significant digits); 3 s of the same feed before the first round warm the path up.
 *
 * <p>Prints human-readable lines, then one JSON line.
 */
public final class StreamLoad {

    private static final String USAGE = """
            usage: StreamLoad [--clients N] [--rate R] [--instruments K] [--rounds N]
                              [load generator options: --commands N --warmup N --fsync P --mix M --seed N ...]
              --clients N      WebSocket clients (default 200)
              --rate R         quote updates per second in all, during the core's measured phase (default 10000)
              --instruments K  instruments the updates go round-robin over (default 200)
              --rounds N       rounds of each, streams off and on, alternating (default 3)
            """;

    /**
     * The server's event loops, each with its own HTTP server instance on the shared port, as the platform's
     * {@code WebServer} runs them (one instance would put every WebSocket on one event loop).
     */
    private static final int SERVER_EVENT_LOOPS = 2;

    /** What a quote frame carries: the shape of the platform's quotes plus the intended publish time. */
    record QuoteData(String instrument, String bidPrice, String bidSize, String askPrice, String askSize,
                     String time, long sentNanos) {
    }

    private final int clients;
    private final int rate;
    private final int instruments;
    private final int rounds;
    private final LoadOptions load;
    private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    private final AtomicLong received = new AtomicLong();
    private volatile boolean recording;

    private StreamLoad(int clients, int rate, int instruments, int rounds, LoadOptions load) {
        this.clients = clients;
        this.rate = rate;
        this.instruments = instruments;
        this.rounds = rounds;
        this.load = load;
    }

    /**
     * Entry point.
     *
     * @param args see the usage
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int clients = 200;
        int rate = 10_000;
        int instruments = 200;
        int rounds = 3;
        List<String> rest = new ArrayList<>();
        LoadOptions load;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--clients" -> clients = Integer.parseInt(value(args, ++i));
                    case "--rate" -> rate = Integer.parseInt(value(args, ++i));
                    case "--instruments" -> instruments = Integer.parseInt(value(args, ++i));
                    case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> rest.add(args[i]);
                }
            }
            if (clients < 1 || rate < 1 || instruments < 1 || rounds < 1) {
                throw new IllegalArgumentException("--clients, --rate, --instruments and --rounds must be positive");
            }
            load = LoadOptions.parse(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("StreamLoad: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        new StreamLoad(clients, rate, instruments, rounds, load).run();
        System.exit(0);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private void run() throws Exception {
        CoreLoadRound core = new CoreLoadRound(load);
        System.out.printf(Locale.ROOT, "web streams: %d clients, %,d quote updates/s over %d instruments during the"
                        + " core's measured phase; core: %s, fsync %s; %d rounds of each; load average %s%n",
                clients, rate, instruments, core.describe(), load.fsync(), rounds, loadAverage());
        ObjectMapper json = new ObjectMapper();
        StreamHub hub = new StreamHub(StreamSettings.DEFAULTS, json, System::nanoTime, id -> true);
        StreamEndpoint endpoint = new StreamEndpoint(hub, 65_536, 2_000);
        Vertx serverVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(SERVER_EVENT_LOOPS));
        Vertx clientVertx = Vertx.vertx();
        try {
            Router router = Router.router(serverVertx);
            endpoint.mount(router, new Problems());
            serverVertx.setPeriodic(250, id -> hub.sweep());
            HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(-1)
                    .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false);
            List<HttpServer> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
            serverVertx.deployVerticle(() -> new AbstractVerticle() {
                @Override
                public void start(Promise<Void> started) {
                    vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> {
                        servers.add(s);
                        started.complete();
                    }).onFailure(started::fail);
                }
            }, new DeploymentOptions().setInstances(SERVER_EVENT_LOOPS)).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            HttpServer server = servers.get(0);
            WebSocketClient wsClient = clientVertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxConnections(clients + 10));
            for (int c = 0; c < clients; c++) {
                WebSocket ws = wsClient.connect(server.actualPort(), "127.0.0.1", StreamEndpoint.PATH)
                        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
                ws.textMessageHandler(this::onFrame);
                ws.writeTextMessage("{\"op\":\"subscribe\",\"topic\":\"quotes:SIM-" + (c % instruments) + "\"}");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (subscribed(hub) < clients) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + subscribed(hub) + " of " + clients + " subscribed");
                }
                Thread.sleep(10);
            }

            Feed warm = new Feed(hub);
            warm.start();
            Thread.sleep(3_000);
            warm.stop();
            Thread.sleep(500);
            recorder.getIntervalHistogram();

            List<Long> off = new ArrayList<>();
            List<Long> on = new ArrayList<>();
            Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            long published = 0;
            long receivedInRounds = 0;
            for (int r = 0; r < rounds * 2; r++) {
                boolean streams = r % 2 == 1;
                if (!streams) {
                    Cpu cpu = new Cpu();
                    long perSecond = core.run(cpu::start, cpu::end);
                    off.add(perSecond);
                    System.out.printf(Locale.ROOT, "  streams off: core %,d commands/s; CPU of one core: %s%n",
                            perSecond, cpu.used);
                } else {
                    Feed feed = new Feed(hub);
                    Cpu cpu = new Cpu();
                    long receivedBefore = received.get();
                    long perSecond;
                    try {
                        perSecond = core.run(() -> {
                            recording = true;
                            feed.start();
                            cpu.start();
                        }, cpu::end);
                    } finally {
                        feed.stop();
                    }
                    Thread.sleep(500);
                    recording = false;
                    Histogram h = recorder.getIntervalHistogram();
                    all.add(h);
                    on.add(perSecond);
                    long got = received.get() - receivedBefore;
                    published += feed.published;
                    receivedInRounds += got;
                    System.out.printf(Locale.ROOT, "  streams on:  core %,d commands/s; %,d updates in %.2f s ="
                                    + " %,d/s published, %,d frames received; latency us p50 %d p99 %d p99.9 %d max"
                                    + " %d%n", perSecond, feed.published, feed.nanos / 1e9,
                            Math.round(feed.published / (feed.nanos / 1e9)), got, h.getValueAtPercentile(50),
                            h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
                    System.out.printf(Locale.ROOT, "               CPU of one core (server and client event loops"
                            + " together): %s%n", cpu.used);
                }
                System.gc();
                Thread.sleep(1_000);
            }
            long offMedian = median(off);
            long onMedian = median(on);
            double ratio = (double) onMedian / offMedian;
            System.out.printf(Locale.ROOT, "core: streams off median %,d commands/s %s, streams on median %,d %s,"
                            + " on/off %.3f; update latency over the on rounds (%,d frames): p50 %.2f ms, p90 %.2f ms,"
                            + " p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; clients closed too slow %d; load average %s%n",
                    offMedian, off, onMedian, on, ratio, all.getTotalCount(), ms(all, 50), ms(all, 90), ms(all, 99),
                    ms(all, 99.9), all.getMaxValue() / 1000.0, hub.tooSlowClosed(), loadAverage());
            System.out.printf(Locale.ROOT, "{\"benchmark\":\"web-streams\",\"clients\":%d,\"rate\":%d,"
                            + "\"instruments\":%d,\"rounds\":%d,\"commands\":%d,\"offCommandsPerSecond\":%d,"
                            + "\"onCommandsPerSecond\":%d,\"ratio\":%.3f,\"published\":%d,\"received\":%d,"
                            + "\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"p999Ms\":%.3f,\"maxMs\":%.3f,\"tooSlowClosed\":%d,"
                            + "\"loadAverageEnd\":\"%s\"}%n", clients, rate, instruments, rounds,
                    load.measuredPhaseCommands(), offMedian, onMedian, ratio, published, receivedInRounds,
                    ms(all, 50), ms(all, 99), ms(all, 99.9), all.getMaxValue() / 1000.0, hub.tooSlowClosed(),
                    loadAverage());
        } finally {
            clientVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void onFrame(String text) {
        long now = System.nanoTime();
        int at = text.indexOf("\"sentNanos\":");
        if (at < 0) {
            return;
        }
        int start = at + 12;
        int end = start;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '-')) {
            end++;
        }
        long sent = Long.parseLong(text, start, end, 10);
        received.incrementAndGet();
        if (recording) {
            recorder.recordValue(Math.max(0, (now - sent) / 1000));
        }
    }

    private int subscribed(StreamHub hub) {
        int n = 0;
        for (int i = 0; i < instruments; i++) {
            n += hub.subscribers("quotes:SIM-" + i);
        }
        return n;
    }

    /** The threads' CPU during a round's measured phase. */
    private static final class Cpu {
        private ThreadCpu threads;
        private long start;
        private String used = "";

        void start() {
            threads = new ThreadCpu();
            start = System.nanoTime();
        }

        void end() {
            used = threads.since(System.nanoTime() - start);
        }
    }

    /** Publishes {@code rate} quotes a second, round-robin over the instruments, in 1 ms slices. */
    private final class Feed {
        private final StreamHub hub;
        private final Thread thread;
        private volatile boolean running = true;
        long published;
        long nanos;

        Feed(StreamHub hub) {
            this.hub = hub;
            this.thread = new Thread(this::loop, "stream-feed");
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }

        private void loop() {
            long start = System.nanoTime();
            long slice = TimeUnit.MILLISECONDS.toNanos(1);
            double perSlice = rate / 1000.0;
            long n = 0;
            int instrument = 0;
            for (long k = 1; running; k++) {
                long intended = start + k * slice;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long due = (long) (k * perSlice);
                while (n < due) {
                    String id = "SIM-" + instrument;
                    long bid = 10_000 + (n % 100);
                    hub.publish("quotes:" + id, id, new QuoteData(id, price(bid), "100", price(bid + 5), "200",
                            "2026-12-06T08:00:00.000000001Z", intended));
                    instrument = (instrument + 1) % instruments;
                    n++;
                }
            }
            published = n;
            nanos = System.nanoTime() - start;
        }

        private static String price(long cents) {
            return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
        }
    }

    /** What the endpoint needs of the server: problem answers to requests that are not upgrades. */
    private static final class Problems implements WebContext {
        @Override
        public Vertx vertx() {
            throw new UnsupportedOperationException("not a server");
        }

        @Override
        public ObjectMapper json() {
            return new ObjectMapper();
        }

        @Override
        public <T> Optional<T> service(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public User user(RoutingContext ctx) {
            return new User("bench", Role.VIEWER);
        }

        @Override
        public boolean requireRole(RoutingContext ctx, Role needed) {
            return true;
        }

        @Override
        public void problem(RoutingContext ctx, int status, String title, String detail) {
            ctx.response().setStatusCode(status).end(title + ": " + detail);
        }

        @Override
        public void json(RoutingContext ctx, int status, Object body) {
            ctx.response().setStatusCode(status).end(String.valueOf(body));
        }

        @Override
        public void audit(RoutingContext ctx, String action) {
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
