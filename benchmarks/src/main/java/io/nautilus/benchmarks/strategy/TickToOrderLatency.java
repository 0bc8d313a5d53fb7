package io.nautilus.benchmarks.strategy;

import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.Map;

/**
 * Tick → strategy → order latency, coordinated-omission-correct: tick k is due at {@code start + k / rate} (a late
 * tick is sent at once) and its latency is the moment the order it caused reached the trading port's
 * {@code submit} minus that due time (with {@code --mode core}, also the moment the trading core's result future
 * completed accepted). The chain is {@link Rig}'s: market-data engine → subscription → strategy engine → one
 * strategy instance → trading port. A warm-up at the same rate is not recorded. Prints readable lines, then one
 * JSON line.
 *
 * <p>Run: {@code benchmarks/strategy/latency.sh [--rate 100000] [--seconds 10] ...}; {@code --help} lists the
 * options.
 */
public final class TickToOrderLatency {

    static final Map<String, String> DEFAULTS = Map.of(
            "mode", "sink",
            "rate", "100000",
            "seconds", "10",
            "warmup-seconds", "3",
            "fraction", "1",
            "pacer", "yield",
            "fsync", "none");

    static final String USAGE = """
            Usage: TickToOrderLatency [--mode sink|core] [--rate TICKS_PER_S] [--seconds S] [--warmup-seconds S]
                                      [--fraction F] [--pacer spin|yield] [--fsync none|batch|always]
              --mode     sink: the order ends at a stand-in TradingPort (accepts, then reports the IOC canceled);
                         core: the real trading core (TradingCoreManager: ring, journal in a temp folder, risk,
                         matching, positions, publish); latency also to its accepted result (default sink)
              --rate     ticks per second, paced (default 100000)
              --seconds  recorded seconds (default 10); --warmup-seconds unrecorded seconds before (default 3)
              --fraction share of quotes the strategy answers with an order, 0..1 (default 1)
              --pacer    how the feed thread waits for the next tick's due time when < 200 us away (default yield:
                         a spinning feed thread takes a whole core of two)
              --fsync    the core's journal fsync policy with --mode core (default none)
            """;

    private TickToOrderLatency() {
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
            o.fraction("fraction");
        } catch (IllegalArgumentException e) {
            System.err.println("TickToOrderLatency: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        String mode = o.text("mode");
        long rate = o.number("rate", 1);
        long seconds = o.number("seconds", 1);
        long warmupSeconds = o.number("warmup-seconds", 0);
        double fraction = o.fraction("fraction");
        boolean yieldPacer = o.text("pacer").equals("yield");
        long warm = rate * warmupSeconds;
        long total = warm + rate * seconds;

        try (Rig rig = new Rig(mode, fraction, o.text("fsync"))) {
            System.out.printf(Locale.ROOT, "tick -> strategy -> order, mode %s, %,d ticks/s, %d s recorded after %d s"
                            + " warm-up, fraction %s, %s pacer%n", mode, rate, seconds, warmupSeconds, fraction,
                    o.text("pacer"));
            System.gc();
            long start = System.nanoTime() + 1_000_000L;
            rig.probe.recordFrom = start + warm * 1_000_000_000L / rate;
            Cpu cpu = new Cpu();
            Rig.Paced paced = rig.pace(0, total, start, rate, warm, yieldPacer, () -> true);
            rig.awaitTick(total - 1);
            long wall = System.nanoTime() - start;
            String threads = cpu.since(wall);
            Thread.sleep(100); // the core's last results
            rig.stopStrategy();
            Probe p = rig.probe;
            Histogram h = rig.port.atSubmit;
            long measured = total - warm;
            System.out.println("cpu of one core, whole paced run: " + threads);
            long conflated = rig.subscriptionConflated();
            System.out.printf(Locale.ROOT, "ticks %,d (recorded phase %,d), quotes seen by the strategy %,d, not seen "
                            + "%,d (conflated by the subscription %,d, refused by the instance's full queue: events "
                            + "%,d), orders %,d, reports %,d; recorded latencies %,d; sent late by > 1 us: %.2f%%, "
                            + "max send lag %.1f us%n", total, measured, p.quotes, p.conflatedTicks, conflated,
                    rig.instance.rejectedEvents(), p.orders, p.reports, h.getTotalCount(),
                    100.0 * paced.late() / measured, paced.maxLagNanos() / 1e3);
            System.out.printf(Locale.ROOT, "events lost %d, duplicated %d; ticks duplicated %d; instance rejected %d,"
                            + " command failures %d, working orders left %d, unrouted execution reports %d%n",
                    p.lostEvents, p.duplicateEvents, p.duplicateTicks, rig.instance.rejectedEvents(),
                    rig.instance.commandFailures(), rig.instance.context().workingOrderCount(),
                    rig.engine.unroutedReports());
            System.out.println("tick -> subscription thread delivers: " + line(p.atSubscriber));
            System.out.println("tick -> strategy onQuote:             " + line(p.atStrategy));
            System.out.println("  of which StrategyEngine.onQuote -> strategy onQuote: " + line(p.engineHop));
            System.out.println("tick -> order at TradingPort.submit:  " + line(h));
            StringBuilder json = new StringBuilder();
            String hops = String.format(Locale.ROOT, ",\"subscriberP50Micros\":%.1f,\"subscriberP99Micros\":%.1f,"
                            + "\"strategyP50Micros\":%.1f,\"strategyP99Micros\":%.1f,"
                            + "\"engineHopP50Micros\":%.1f,\"engineHopP99Micros\":%.1f,\"engineHopMaxMicros\":%.1f",
                    p.atSubscriber.getValueAtPercentile(50) / 1e3, p.atSubscriber.getValueAtPercentile(99) / 1e3,
                    p.atStrategy.getValueAtPercentile(50) / 1e3, p.atStrategy.getValueAtPercentile(99) / 1e3,
                    p.engineHop.getValueAtPercentile(50) / 1e3, p.engineHop.getValueAtPercentile(99) / 1e3,
                    p.engineHop.getMaxValue() / 1e3);
            json.append(String.format(Locale.ROOT, "{\"benchmark\":\"strategy-tick-to-order\",\"mode\":\"%s\","
                            + "\"rate\":%d,\"seconds\":%d,\"fraction\":%s,\"pacer\":\"%s\",\"count\":%d,%s,"
                            + "\"ticks\":%d,\"unseenTicks\":%d,\"subscriptionConflated\":%d,\"orders\":%d,"
                            + "\"lostEvents\":%d,\"duplicateEvents\":%d,\"rejectedEvents\":%d,\"lateSendsPct\":%.2f,"
                            + "\"maxSendLagMicros\":%.1f",
                    mode, rate, seconds, fraction, o.text("pacer"), h.getTotalCount(), fields("", h), total,
                    p.conflatedTicks, conflated, p.orders, p.lostEvents, p.duplicateEvents,
                    rig.instance.rejectedEvents(),
                    100.0 * paced.late() / measured,
                    paced.maxLagNanos() / 1e3)).append(hops);
            if (rig.port instanceof ProbePorts.Core core) {
                Histogram a = core.atAccept;
                System.out.println("tick -> core's accepted result:      " + line(a));
                System.out.printf("core rejected %d%s%n", core.rejected.get(),
                        core.firstReject == null ? "" : " (first: " + core.firstReject + ")");
                json.append(String.format(Locale.ROOT, ",\"fsync\":\"%s\",\"acceptCount\":%d,%s,\"coreRejected\":%d",
                        o.text("fsync"), a.getTotalCount(), fields("accept", a), core.rejected.get()));
            }
            boolean met = h.getValueAtPercentile(99) <= 20_000;
            json.append(String.format(Locale.ROOT, ",\"goalP99Micros\":20,\"goalMet\":%b}", met));
            System.out.println(json);
        }
        System.exit(0);
    }

    static String line(Histogram h) {
        return String.format(Locale.ROOT, "p50 %.1f us, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f, mean %.1f "
                        + "(%,d)", h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3,
                h.getMean() / 1e3, h.getTotalCount());
    }

    static String fields(String prefix, Histogram h) {
        String p = prefix.isEmpty() ? "p" : prefix + "P";
        String m = prefix.isEmpty() ? "" : prefix;
        return String.format(Locale.ROOT, "\"%s50Micros\":%.1f,\"%s90Micros\":%.1f,\"%s99Micros\":%.1f,"
                        + "\"%s999Micros\":%.1f,\"%s\":%.1f,\"%s\":%.1f", p, h.getValueAtPercentile(50) / 1e3, p,
                h.getValueAtPercentile(90) / 1e3, p, h.getValueAtPercentile(99) / 1e3, p,
                h.getValueAtPercentile(99.9) / 1e3, m.isEmpty() ? "maxMicros" : m + "MaxMicros",
                h.getMaxValue() / 1e3, m.isEmpty() ? "meanMicros" : m + "MeanMicros", h.getMean() / 1e3);
    }
}
