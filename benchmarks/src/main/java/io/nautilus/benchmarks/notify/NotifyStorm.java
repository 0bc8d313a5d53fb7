package io.nautilus.benchmarks.notify;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.benchmarks.core.CoreLoadRound;
import io.nautilus.benchmarks.core.LoadOptions;
import io.nautilus.benchmarks.core.ThreadCpu;
import io.nautilus.notify.api.NotifyStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Alert storm against the trading core: the platform's notification engine ({@link NotifyRig}, the shipped rules of
 * {@code etc/io.nautilus.notify.cfg} with its rate limits, the shipped channel routes, its receivers pointed at
 * local peers) absorbing a storm of raises while the core's load generator ({@link CoreLoadRound}: the Disruptor
 * pipeline, journal, risk, matching) runs in the same JVM, in alternating rounds: core alone, core + storm, ...
 *
 * <p>A storm thread raises alerts from a pool of {@code --keys} keys (so most raises deduplicate into open incidents,
 * as a real storm does) — a quarter CRITICAL (route 1: group per key, {@code group_wait 0}), the rest WARNING
 * (route 2: grouped by source, venue and account) over 10 venues and 10 accounts — at {@code --storm-rate} per
 * second (paced in 1 ms slices; 0 = as fast as one thread can) during the core's measured phase, and stops when it
 * ends (before the first round, 2 s of the same storm, not measured, warm the engine up). Reported per "on" round: raises offered per second, raises the engine's hand-off refused (overflowed: the
 * storm was more than it absorbs), how long the engine took to work off its backlog after the storm stopped, and
 * what it did with the raises (deduplicated, notifications sent, rolled up into summaries by the rate limits); and
 * the core's commands/s with and without the storm, medians over the rounds, their ratio.
 *
 * <p>Prints human-readable lines, then one JSON line.
 */
public final class NotifyStorm {

    private static final String USAGE = """
            usage: NotifyStorm [--rounds N] [--storm-rate R] [--keys K] [--config FILE] [--routes DIR]
                               [load generator options: --commands N --warmup N --fsync P --mix M --seed N ...]
              --rounds N      rounds of each, storm off and on, alternating (default 3)
              --storm-rate R  raises per second during the core's measured phase (default 10000; 0: flat out)
              --keys K        distinct alert keys (default 1000)
              --config FILE   the engine's rules (default etc/io.nautilus.notify.cfg): its routes, inhibitions and
                              rates; receivers email and webhook are pointed at local peers
              --routes DIR    the channel route files (default camel-routes)
            """;

    private static final int VENUES = 10;
    private static final int ACCOUNTS = 10;

    private final int rounds;
    private final int stormRate;
    private final int keys;
    private final Path config;
    private final Path routes;
    private final LoadOptions load;

    private NotifyStorm(int rounds, int stormRate, int keys, Path config, Path routes, LoadOptions load) {
        this.rounds = rounds;
        this.stormRate = stormRate;
        this.keys = keys;
        this.config = config;
        this.routes = routes;
        this.load = load;
    }

    /**
     * Entry point.
     *
     * @param args see the usage
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int rounds = 3;
        int rate = 10_000;
        int keys = 1_000;
        Path config = Path.of("etc/io.nautilus.notify.cfg");
        Path routes = Path.of("camel-routes");
        List<String> rest = new ArrayList<>();
        LoadOptions load;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                    case "--storm-rate" -> rate = Integer.parseInt(value(args, ++i));
                    case "--keys" -> keys = Integer.parseInt(value(args, ++i));
                    case "--config" -> config = Path.of(value(args, ++i));
                    case "--routes" -> routes = Path.of(value(args, ++i));
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> rest.add(args[i]);
                }
            }
            if (rounds < 1 || rate < 0 || keys < 1) {
                throw new IllegalArgumentException("--rounds and --keys must be positive, --storm-rate not negative");
            }
            load = LoadOptions.parse(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("NotifyStorm: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        new NotifyStorm(rounds, rate, keys, config, routes, load).run();
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
        System.out.printf(Locale.ROOT, "notify storm: %s raises/s over %d keys during the core's measured phase;"
                        + " core: %s, fsync %s; %d rounds of each; load average %s%n",
                stormRate == 0 ? "flat-out" : Integer.toString(stormRate), keys, core.describe(), load.fsync(),
                rounds, NotifyLatency.loadAverage());
        List<Long> off = new ArrayList<>();
        List<Long> on = new ArrayList<>();
        List<Long> offered = new ArrayList<>();
        long overflowedAll = 0;
        long drainMaxMillis = 0;
        try (NotifyRig rig = new NotifyRig(routes, rules())) {
            // the engine, its channels and their templates compiled and warm before the first measured round
            Storm warm = new Storm(rig.manager, -1);
            warm.start();
            Thread.sleep(2_000);
            warm.stop();
            rig.manager.status();
            Thread.sleep(1_000);
            for (int r = 0; r < rounds * 2; r++) {
                boolean storm = r % 2 == 1;
                Cpu cpu = new Cpu();
                if (!storm) {
                    long perSecond = core.run(cpu::start, cpu::end);
                    off.add(perSecond);
                    System.out.printf(Locale.ROOT, "  storm off: core %,d commands/s; CPU of one core: %s%n",
                            perSecond, cpu.used());
                } else {
                    Storm s = new Storm(rig.manager, r);
                    NotifyStatus before = rig.manager.status();
                    long perSecond;
                    try {
                        perSecond = core.run(() -> {
                            s.start();
                            cpu.start();
                        }, cpu::end);
                    } finally {
                        s.stop();
                    }
                    String used = cpu.used();
                    long stopped = System.nanoTime();
                    NotifyStatus after = rig.manager.status();
                    long drainMillis = (System.nanoTime() - stopped) / 1_000_000;
                    on.add(perSecond);
                    long raisesPerSecond = Math.round(s.raised.get() / (s.nanos / 1e9));
                    offered.add(raisesPerSecond);
                    long overflowed = after.overflowed() - before.overflowed();
                    overflowedAll += overflowed;
                    drainMaxMillis = Math.max(drainMaxMillis, drainMillis);
                    System.out.printf(Locale.ROOT, "  storm on:  core %,d commands/s; storm %,d raises in %.2f s ="
                                    + " %,d raises/s, overflowed %d, engine backlog worked off %d ms after; deduplicated"
                                    + " %,d, notifications %,d, rolled up %,d, open incidents %,d%n", perSecond,
                            s.raised.get(), s.nanos / 1e9, raisesPerSecond, overflowed, drainMillis,
                            after.deduplicated() - before.deduplicated(),
                            after.notifications() - before.notifications(), after.rolledUp() - before.rolledUp(),
                            after.open());
                    System.out.printf(Locale.ROOT, "             CPU of one core: %s%n", used);
                }
                System.gc();
                Thread.sleep(1_000);
            }
            NotifyStatus end = rig.manager.status();
            long offMedian = median(off);
            long onMedian = median(on);
            double ratio = (double) onMedian / offMedian;
            System.out.printf(Locale.ROOT, "core: storm off median %,d commands/s %s, storm on median %,d %s, on/off"
                            + " %.3f; storm median %,d raises/s %s, overflowed %d; peers got %d e-mails and %d posts;"
                            + " load average %s%n", offMedian, off, onMedian, on, ratio, median(offered), offered,
                    overflowedAll, rig.peers.mails(), rig.peers.posts(), NotifyLatency.loadAverage());
            System.out.printf(Locale.ROOT, "{\"benchmark\":\"notify-storm\",\"stormRate\":%d,\"keys\":%d,\"rounds\":%d,"
                            + "\"commands\":%d,\"offCommandsPerSecond\":%d,\"onCommandsPerSecond\":%d,\"ratio\":%.3f,"
                            + "\"raisesPerSecond\":%d,\"overflowed\":%d,\"drainMaxMs\":%d,\"raised\":%d,"
                            + "\"notifications\":%d,\"rolledUp\":%d,\"offRuns\":%s,\"onRuns\":%s,\"raiseRuns\":%s,"
                            + "\"mails\":%d,\"posts\":%d,\"loadAverageEnd\":\"%s\"}%n", stormRate, keys, rounds,
                    load.measuredPhaseCommands(), offMedian, onMedian, ratio, median(offered), overflowedAll,
                    drainMaxMillis, end.raised(), end.notifications(), end.rolledUp(), compact(off), compact(on),
                    compact(offered), rig.peers.mails(), rig.peers.posts(), NotifyLatency.loadAverage());
        }
    }

    /** The shipped rules (routes, inhibitions, rates, retries), receivers email and webhook left to the rig. */
    private Map<String, String> rules() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            p.load(in);
        }
        Map<String, String> rules = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            boolean rigs = key.startsWith("receiver.email.") || key.startsWith("receiver.webhook.")
                    || key.equals("templates");
            if (!rigs || key.endsWith(".rate")) {
                rules.put(key, p.getProperty(key).trim());
            }
        }
        return rules;
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

        String used() {
            return used;
        }
    }

    /** One round's storm thread. */
    private final class Storm {
        private final AlertService alerts;
        private final int round;
        private final AtomicLong raised = new AtomicLong();
        private volatile boolean running;
        private volatile long nanos;
        private Thread thread;

        Storm(AlertService alerts, int round) {
            this.alerts = alerts;
            this.round = round;
        }

        void start() {
            running = true;
            thread = new Thread(this::raise, "bench-alert-storm");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join(10_000);
            }
        }

        private void raise() {
            long start = System.nanoTime();
            long n = 0;
            int perSlice = Math.max(1, stormRate / 1000);
            long slice = 0;
            while (running) {
                if (stormRate > 0) {
                    long due = start + slice * 1_000_000L;
                    long now;
                    while ((now = System.nanoTime()) < due && running) {
                        LockSupport.parkNanos(due - now);
                    }
                    slice++;
                }
                for (int i = 0; i < perSlice; i++) {
                    int k = (int) (n % keys);
                    int venue = k % VENUES;
                    int account = (k / VENUES) % ACCOUNTS;
                    alerts.raise(new Alert("storm:" + round + ":" + k, k % 4 == 0 ? Severity.CRITICAL
                            : Severity.WARNING, AlertService.VENUES, "storm alert " + n, System.currentTimeMillis()
                            * 1_000_000L, Map.of(Alert.VENUE, "V" + venue, Alert.ACCOUNT, "acct-" + account)));
                    n++;
                }
                raised.set(n);
            }
            nanos = System.nanoTime() - start;
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int size = sorted.size();
        return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
    }

    private static String compact(List<Long> values) {
        return values.toString().replace(" ", "");
    }
}
