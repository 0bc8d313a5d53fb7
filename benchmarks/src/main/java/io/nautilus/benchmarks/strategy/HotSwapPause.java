package io.nautilus.benchmarks.strategy;

import io.nautilus.strategy.engine.SwapResult;
import org.HdrHistogram.Histogram;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hot-swap pause under load: {@link Rig}'s chain fed at a fixed rate from its own thread while the driver swaps
 * the strategy instance {@code --swaps} times, {@code --interval-ms} apart, each to a new {@link BenchStrategy}
 * object that imports the old one's exported state. Per swap it takes the engine's {@link SwapResult}: the pause
 * ({@code pauseNanos}: no strategy receiving events, from the end of the old version's last callback to the new
 * version started) and the request-to-resume time. Afterwards it checks that no event was lost or delivered twice:
 * the strategies saw strictly consecutive event sequence numbers across all versions, ending at the instance's
 * delivered count, and tick indices never went back. Prints readable lines, then one JSON line.
 *
 * <p>Run: {@code benchmarks/strategy/swap.sh [--rate 10000] [--swaps 20] ...}; {@code --help} lists the options.
 */
public final class HotSwapPause {

    static final Map<String, String> DEFAULTS = Map.of(
            "mode", "sink",
            "rate", "10000",
            "swaps", "20",
            "interval-ms", "250",
            "warmup-seconds", "3",
            "fraction", "1",
            "pacer", "yield",
            "fsync", "none");

    static final String USAGE = """
            Usage: HotSwapPause [--rate TICKS_PER_S] [--swaps N] [--interval-ms MS] [--warmup-seconds S]
                                [--fraction F] [--mode sink|core] [--pacer spin|yield] [--fsync none|batch|always]
              --rate         ticks per second fed throughout (default 10000)
              --swaps        hot swaps, each to a new strategy object importing the old one's state (default 20)
              --interval-ms  time between swaps (default 250); the first comes after --warmup-seconds (default 3)
              --fraction, --mode, --pacer, --fsync: as for TickToOrderLatency (same defaults)
            """;

    private HotSwapPause() {
    }

    /**
     * Entry point.
     *
     * @param args see {@link #USAGE}
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        Options o;
        try {
            o = Options.parse(args, DEFAULTS);
            o.number("rate", 1);
            o.number("swaps", 1);
            o.number("interval-ms", 1);
            o.number("warmup-seconds", 0);
            o.fraction("fraction");
        } catch (IllegalArgumentException e) {
            System.err.println("HotSwapPause: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        String mode = o.text("mode");
        long rate = o.number("rate", 1);
        int swaps = (int) o.number("swaps", 1);
        long interval = o.number("interval-ms", 1);
        long warmupSeconds = o.number("warmup-seconds", 0);
        double fraction = o.fraction("fraction");
        boolean yieldPacer = o.text("pacer").equals("yield");
        int failures = 0;

        try (Rig rig = new Rig(mode, fraction, o.text("fsync"))) {
            System.out.printf(Locale.ROOT, "hot swap under %,d ticks/s (%s, fraction %s, %s pacer): %d swaps %d ms "
                    + "apart after %d s%n", rate, mode, fraction, o.text("pacer"), swaps, interval, warmupSeconds);
            System.gc();
            long start = System.nanoTime() + 1_000_000L;
            long warm = rate * warmupSeconds;
            rig.probe.recordFrom = start + warm * 1_000_000_000L / rate;
            AtomicBoolean feeding = new AtomicBoolean(true);
            Rig.Paced[] paced = new Rig.Paced[1];
            Thread feed = new Thread(() -> paced[0] = rig.pace(0, Long.MAX_VALUE, start, rate, warm, yieldPacer,
                    feeding::get), "bench-feed");
            feed.start();
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(start - System.nanoTime())
                    + TimeUnit.SECONDS.toMillis(warmupSeconds)));

            long[] pauses = new long[swaps];
            long[] requests = new long[swaps];
            long buffered = 0;
            for (int i = 0; i < swaps; i++) {
                Thread.sleep(interval);
                SwapResult r = rig.engine.swap(Rig.STRATEGY, new BenchStrategy(rig.probe, fraction, i + 2))
                        .get(30, TimeUnit.SECONDS);
                if (!r.swapped()) {
                    failures++;
                    System.out.println("swap " + (i + 1) + " did not happen: " + r.problem());
                }
                pauses[i] = r.pauseNanos();
                requests[i] = r.requestNanos();
                buffered += r.bufferedEvents();
            }
            Thread.sleep(interval);
            feeding.set(false);
            feed.join();
            long sent = paced[0].sent();
            rig.awaitTick(sent - 1);
            Thread.sleep(100);
            rig.stopStrategy();
            Probe p = rig.probe;
            long delivered = rig.instance.deliveredEvents();
            // events the strategies did not see: gaps inside the sequence plus a tail never delivered to them
            long lost = p.lostEvents + Math.max(0, delivered - p.events - p.duplicateEvents);
            long duplicates = p.duplicateEvents + p.duplicateTicks;
            Arrays.sort(pauses);
            Arrays.sort(requests);
            Histogram h = rig.port.atSubmit;
            System.out.printf(Locale.ROOT, "swaps %d (failed %d), instance version %d, strategy versions started %d; "
                            + "events buffered at the resumes %d in all%n", swaps, failures, rig.instance.version(),
                    p.versionsStarted, buffered);
            System.out.printf(Locale.ROOT, "pause (old version's last callback -> new version started): p50 %.1f us, "
                            + "p99 %.1f, max %.1f; request -> resume: p50 %.1f us, p99 %.1f, max %.1f%n",
                    pct(pauses, 50) / 1e3, pct(pauses, 99) / 1e3, pauses[swaps - 1] / 1e3, pct(requests, 50) / 1e3,
                    pct(requests, 99) / 1e3, requests[swaps - 1] / 1e3);
            System.out.printf(Locale.ROOT, "ticks %,d, quotes seen %,d, not seen (conflated or refused) %,d; "
                            + "events delivered %,d, seen by the strategies %,d: lost %d, duplicated %d (events %d, "
                            + "ticks %d)%n",
                    sent, p.quotes, p.conflatedTicks, delivered, p.events, lost, duplicates, p.duplicateEvents,
                    p.duplicateTicks);
            System.out.println("tick -> order at TradingPort.submit while swapping: "
                    + TickToOrderLatency.line(h));
            boolean met = pct(pauses, 99) <= 10_000_000L && lost == 0 && duplicates == 0 && failures == 0;
            System.out.printf(Locale.ROOT, "{\"benchmark\":\"strategy-hot-swap\",\"mode\":\"%s\",\"rate\":%d,"
                            + "\"swaps\":%d,\"failedSwaps\":%d,\"pauseP50Micros\":%.1f,\"pauseP99Micros\":%.1f,"
                            + "\"pauseMaxMicros\":%.1f,\"requestP50Micros\":%.1f,\"requestMaxMicros\":%.1f,"
                            + "\"ticks\":%d,\"events\":%d,\"rejectedEvents\":%d,\"lost\":%d,\"duplicates\":%d,"
                            + "\"unseenTicks\":%d,"
                            + "\"tickP99Micros\":%.1f,\"tickMaxMicros\":%.1f,\"goalPauseP99Micros\":10000,"
                            + "\"goalMet\":%b}%n", mode, rate, swaps, failures, pct(pauses, 50) / 1e3,
                    pct(pauses, 99) / 1e3, pauses[swaps - 1] / 1e3, pct(requests, 50) / 1e3,
                    requests[swaps - 1] / 1e3, sent, delivered, rig.instance.rejectedEvents(), lost, duplicates,
                    p.conflatedTicks,
                    h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3, met);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Nearest-rank percentile of sorted values. */
    static long pct(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
