package io.nautilus.benchmarks.notify;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.DeliveryView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Alert raised → delivered, through the platform's real notification engine outside OSGi ({@link NotifyRig}): the
 * {@code NotifyManager} with its pipeline thread and one delivery thread per receiver, the shipped Camel routes
 * {@code notify-email.yaml} (camel-mail to a GreenMail SMTP server) and {@code notify-webhook.yaml} (camel-http,
 * HMAC-signed, to a JDK HTTP server), all on 127.0.0.1.
 *
 * <p>One route: {@code severity=CRITICAL} to {@code email} and {@code webhook}, {@code group_by = key},
 * {@code group_wait = 0s}, no rate limit, no escalation. Every raise has a key of its own, so it opens an incident
 * and a group that the pipeline releases at once: one notification per receiver. Raises are spaced by
 * {@code --interval-ms}; the first {@code --warmup} are not recorded. For each delivered notification the engine's
 * own attempt record gives the latency from the group's release (the goal's measure: the release time is stamped by
 * the pipeline, the attempt's end when the route returned, i.e. the SMTP server accepted the message or the HTTP
 * server answered 2xx); raise → delivered is recorded beside it. Percentiles from HdrHistogram (3 significant
 * digits).
 *
 * <p>{@code --dead}: the route also names a third receiver, {@code dead}, a webhook to an endpoint on 127.0.0.1
 * that accepts connections and never answers (each attempt waits for the receiver's {@code timeout}, then retries
 * with back-off): the e-mail and webhook latencies with and without it show what a dead channel costs the others.
 *
 * <p>Prints human-readable lines, then one JSON line.
 */
public final class NotifyLatency {

    private static final String USAGE = """
            usage: NotifyLatency [--alerts N] [--warmup N] [--interval-ms MS] [--dead] [--dead-timeout DURATION]
                                 [--routes DIR]
              --alerts N        recorded raises (default 500)
              --warmup N        raises before, not recorded (default 200)
              --interval-ms MS  between two raises (default 100: 10 alerts/s, 20 notifications/s)
              --dead            the route also tells a receiver whose endpoint never answers
              --dead-timeout D  that receiver's attempt timeout (default 10s, the shipped default)
              --routes DIR      the folder with notify-email.yaml and notify-webhook.yaml (default camel-routes)
            """;

    private final int alerts;
    private final int warmup;
    private final long intervalNanos;
    private final boolean dead;
    private final String deadTimeout;
    private final Path routes;

    private NotifyLatency(int alerts, int warmup, long intervalNanos, boolean dead, String deadTimeout, Path routes) {
        this.alerts = alerts;
        this.warmup = warmup;
        this.intervalNanos = intervalNanos;
        this.dead = dead;
        this.deadTimeout = deadTimeout;
        this.routes = routes;
    }

    /**
     * Entry point.
     *
     * @param args see the usage
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int alerts = 500;
        int warmup = 200;
        long interval = 100;
        boolean dead = false;
        String deadTimeout = "10s";
        Path routes = Path.of("camel-routes");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--alerts" -> alerts = Integer.parseInt(value(args, ++i));
                    case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                    case "--interval-ms" -> interval = Long.parseLong(value(args, ++i));
                    case "--dead" -> dead = true;
                    case "--dead-timeout" -> deadTimeout = value(args, ++i);
                    case "--routes" -> routes = Path.of(value(args, ++i));
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (alerts < 1 || warmup < 0 || interval < 1) {
                throw new IllegalArgumentException("--alerts and --interval-ms must be positive, --warmup not"
                        + " negative");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("NotifyLatency: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        new NotifyLatency(alerts, warmup, interval * 1_000_000L, dead, deadTimeout, routes).run();
        System.exit(0);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private void run() throws Exception {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("route.1.match", "severity=CRITICAL");
        rules.put("route.1.receivers", dead ? "email, webhook, dead" : "email, webhook");
        rules.put("route.1.group_by", "key");
        rules.put("route.1.group_wait", "0s");
        rules.put("route.1.group_interval", "1h");
        rules.put("route.1.repeat_interval", "24h");
        rules.put("receiver.dead.timeout", deadTimeout);
        int total = warmup + alerts;
        long[] raisedAt = new long[total];
        Map<String, DeliveryView> seen = new ConcurrentHashMap<>();
        System.out.printf(Locale.ROOT, "notify latency: %d alerts (+%d warm-up) every %d ms to email and webhook%s;"
                + " load average %s%n", alerts, warmup, intervalNanos / 1_000_000, dead ? " and a dead receiver"
                : "", loadAverage());
        try (NotifyRig rig = new NotifyRig(routes, rules)) {
            Thread poller = new Thread(() -> poll(rig, seen), "bench-deliveries-poller");
            poller.setDaemon(true);
            poller.start();
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                raisedAt[i] = epochNanos();
                rig.manager.raise(new Alert("bench-" + i, Severity.CRITICAL, AlertService.CORE, "benchmark alert " + i,
                        raisedAt[i], Map.of(Alert.VENUE, "BENCH")));
            }
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (delivered(seen, "email") < total || delivered(seen, "webhook") < total) {
                if (System.nanoTime() > deadline) {
                    System.out.printf(Locale.ROOT, "NOT all delivered within 120 s: email %d, webhook %d of %d%n",
                            delivered(seen, "email"), delivered(seen, "webhook"), total);
                    break;
                }
                Thread.sleep(100);
            }
            poller.interrupt();
            poller.join(5_000);
            pollOnce(rig, seen);
            report(rig, seen, raisedAt);
        }
    }

    private static void poll(NotifyRig rig, Map<String, DeliveryView> seen) {
        while (!Thread.currentThread().isInterrupted()) {
            pollOnce(rig, seen);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void pollOnce(NotifyRig rig, Map<String, DeliveryView> seen) {
        for (DeliveryView v : rig.deliveries(1_000)) {
            seen.putIfAbsent(v.notificationId() + "/" + v.receiver() + "/" + v.attempt(), v);
        }
    }

    private static long delivered(Map<String, DeliveryView> seen, String receiver) {
        return seen.values().stream().filter(v -> v.receiver().equals(receiver)
                && v.outcome() == DeliveryResult.Outcome.DELIVERED).count();
    }

    private void report(NotifyRig rig, Map<String, DeliveryView> seen, long[] raisedAt) {
        Map<Long, Integer> indexOf = new HashMap<>();
        Map<String, Histogram> fromRelease = new LinkedHashMap<>();
        Map<String, Histogram> fromRaise = new LinkedHashMap<>();
        Map<String, Long> failed = new HashMap<>();
        for (String r : List.of("email", "webhook", "dead")) {
            fromRelease.put(r, new Histogram(3_600_000_000L, 3));
            fromRaise.put(r, new Histogram(3_600_000_000L, 3));
        }
        for (DeliveryView v : seen.values()) {
            if (v.outcome() != DeliveryResult.Outcome.DELIVERED) {
                failed.merge(v.receiver(), 1L, Long::sum);
                continue;
            }
            if (v.alertIds().size() != 1) {
                continue;
            }
            int index = indexOf.computeIfAbsent(v.alertIds().get(0), id -> rig.manager.alert("A" + id)
                    .map(a -> Integer.parseInt(a.key().substring("bench-".length()))).orElse(-1));
            if (index < warmup) {
                continue;
            }
            fromRelease.get(v.receiver()).recordValue(Math.max(1, v.latencyNanos() / 1_000));
            fromRaise.get(v.receiver()).recordValue(Math.max(1, (v.timestampNanos() - raisedAt[index]) / 1_000));
        }
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"benchmark\":\"notify-latency\",\"dead\":%s,\"alerts\":%d,\"intervalMs\":%d", dead, alerts,
                intervalNanos / 1_000_000));
        for (String r : List.of("email", "webhook")) {
            Histogram h = fromRelease.get(r);
            Histogram e = fromRaise.get(r);
            System.out.printf(Locale.ROOT, "%-7s delivered %d (recorded %d), failed attempts %d; from release: p50 %.1f"
                            + " p90 %.1f p99 %.1f p99.9 %.1f max %.1f ms; from raise: p50 %.1f p99 %.1f max %.1f ms%n",
                    r, delivered(seen, r), h.getTotalCount(), failed.getOrDefault(r, 0L), ms(h, 50), ms(h, 90),
                    ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1e3, ms(e, 50), ms(e, 99), e.getMaxValue() / 1e3);
            json.append(String.format(Locale.ROOT, ",\"%sCount\":%d,\"%sP50Ms\":%.2f,\"%sP90Ms\":%.2f,"
                            + "\"%sP99Ms\":%.2f,\"%sP999Ms\":%.2f,\"%sMaxMs\":%.2f,\"%sRaiseP50Ms\":%.2f,"
                            + "\"%sRaiseP99Ms\":%.2f", r, h.getTotalCount(), r, ms(h, 50), r, ms(h, 90), r, ms(h, 99),
                    r, ms(h, 99.9), r, h.getMaxValue() / 1e3, r, ms(e, 50), r, ms(e, 99)));
        }
        long deadAttempts = seen.values().stream().filter(v -> v.receiver().equals("dead")).count();
        if (dead) {
            System.out.printf(Locale.ROOT, "dead    attempts ended %d (none delivered: %s), connections held %d%n",
                    deadAttempts, delivered(seen, "dead") == 0, rig.peers.held());
        }
        System.out.printf(Locale.ROOT, "peers: %d e-mails, %d posts; load average %s%n", rig.peers.mails(),
                rig.peers.posts(), loadAverage());
        json.append(String.format(Locale.ROOT, ",\"deadAttempts\":%d,\"mails\":%d,\"posts\":%d,"
                + "\"loadAverageEnd\":\"%s\"}", deadAttempts, rig.peers.mails(), rig.peers.posts(), loadAverage()));
        System.out.println(json);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
