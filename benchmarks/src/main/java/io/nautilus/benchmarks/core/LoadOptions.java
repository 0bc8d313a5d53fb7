package io.nautilus.benchmarks.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Command line of {@link LoadGenerator}.
 *
 * @param mix the command mix
 * @param latency true for the fixed-rate latency mode, false for throughput
 * @param engineOnly true to run the trading engine alone on the calling thread (no ring, no journal): the
 *        business thread's share of the work
 * @param commands measured commands of the throughput mode
 * @param rate commands per second of the latency mode
 * @param seconds recorded seconds of the latency mode
 * @param warmupCommands commands published as fast as possible (not measured) before the measured phase
 * @param warmupSeconds latency mode: seconds at the target rate before recording starts
 * @param waitStrategy pipeline wait strategy (auto, busy-spin, yielding, sleeping, blocking, phased), or null for the
 *        pipeline's default
 * @param layout pipeline thread layout (auto, compact, parallel, single), or null for the pipeline's default (auto)
 * @param fsync journal fsync policy (batch, periodic, none)
 * @param ringSize ring slots, a power of two
 * @param seed stream seed
 * @param risk risk limits file (properties), or null for the built-in loose limits
 * @param noRisk true to run without risk limits
 * @param pacer latency mode: how the publisher waits for a command's send time, {@code yield} (Thread.yield, leaves
 *        the core to the pipeline's threads) or {@code spin} (Thread.onSpinWait, holds a core)
 * @param journalParent folder the temporary journal folder is created in, or null for java.io.tmpdir
 * @param history throughput mode: {@code off} (the raw pipeline, as before), or the history store to compare the
 *        real trading core with and without: {@code embedded} (H2 in the run's temp folder), {@code postgresql} (a
 *        private cluster, {@code COPY}) or a {@code jdbc:postgresql://} URL (user and password from the environment
 *        variables {@code NAUTILUS_HISTORY_USER} / {@code NAUTILUS_HISTORY_PASSWORD}; its history tables are dropped)
 * @param historyRounds rounds of each (store off, store on) when {@code history} is not off
 * @param scrapeMillis throughput mode: read the core's metrics snapshot (what the metrics bundle reads per
 *        Prometheus scrape) every this many milliseconds on a separate thread during the measured phase; 0 = never
 * @param stream a replay command file to take the commands from (as {@code StreamGenerator} writes it: its last
 *        warm-up + measured rows are the flow, the rows before it the initial book), or null to generate the mix in
 *        this JVM
 * @param passes throughput mode: runs of the whole stream, each on a fresh pipeline and journal, the last timed (the
 *        ones before warm the JIT up)
 */
public record LoadOptions(Mix mix, boolean latency, boolean engineOnly, int commands, int rate, int seconds, int warmupCommands,
                          int warmupSeconds, String waitStrategy, String layout, String fsync, int ringSize, long seed, Path risk,
                          boolean noRisk, String pacer, Path journalParent, String history,
                          int historyRounds, int scrapeMillis, Path stream, int passes) {

    /** Usage text. */
    public static final String USAGE = """
            usage: LoadGenerator [--mix exchange-core|new-cancel|aggressive] [--mode throughput|latency]
                                 [--commands N] [--rate R] [--seconds S] [--warmup N] [--warmup-seconds S]
                                 [--wait STRATEGY] [--layout LAYOUT] [--fsync POLICY] [--ring SLOTS] [--seed N]
                                 [--risk FILE | --no-risk] [--pacer yield|spin] [--journal-parent DIR]
                                 [--history off|embedded|postgresql|jdbc:postgresql://... [--history-rounds N]]
                                 [--scrape-ms MS] [--stream FILE] [--passes P]
              --mix            command mix (default exchange-core)
              --mode           throughput: publish --commands as fast as possible, report commands/s (default);
                               latency: publish at --rate for --seconds on a fixed schedule, report the
                               percentiles of (result seen by the ResultHandler - scheduled send time);
                               engine: the TradingEngine alone (risk, matching, positions) on one thread, no
                               ring and no journal, --commands after the warm-up (a diagnostic); each command
                               in one reused command object, or with --ring SLOTS in SLOTS objects taken in
                               turn, as the ring's slots are (each one cold when its turn comes round)
              --commands N     measured commands of the throughput mode (default 1000000)
              --rate R         commands per second of the latency mode (required there)
              --seconds S      recorded seconds of the latency mode (default 10)
              --warmup N       commands published flat out before measuring, not measured (default 1000000)
              --warmup-seconds S  latency mode: seconds at --rate before recording starts (default 2)
              --wait STRATEGY  pipeline wait strategy: auto, busy-spin, yielding, sleeping, blocking, phased
                               (default: the pipeline's default, auto: the layout's)
              --layout LAYOUT  pipeline thread layout: auto, compact (2 threads: business, journal + publish),
                               parallel (3 threads: journal, business, publish), single (1 thread: all
                               three in turn); default auto (compact on at most 2 CPUs)
              --fsync POLICY   journal fsync: batch (default), periodic, none
              --ring SLOTS     ring size, a power of two (default 65536; engine mode: 1)
              --seed N         stream seed (default 1)
              --risk FILE      risk limits (properties as etc/io.nautilus.core.risk.cfg); default: built-in loose
                               limits (every order checked, none rejected)
              --no-risk        no risk limits
              --pacer yield|spin  latency mode: the publisher waits for each send time yielding the core
                               (default) or spinning on it
              --journal-parent DIR  where the temporary journal folder goes (default java.io.tmpdir)
              --history STORE  throughput mode: run the platform's real trading core (execution reports, order
                               memory, result listeners on its publish thread) in alternating rounds without and
                               with the history store's writer registered as a result listener, and print the
                               ratio on/off. STORE: embedded (H2), postgresql (a private cluster in a temp folder,
                               COPY), or a jdbc:postgresql:// URL (credentials from NAUTILUS_HISTORY_USER and
                               NAUTILUS_HISTORY_PASSWORD; its history tables are dropped). Default off: the raw
                               pipeline as above
              --history-rounds N  rounds of each, store off and on (default 3)
              --scrape-ms MS   throughput mode: a thread reads the core's metrics snapshot (what the metrics
                               bundle reads per Prometheus scrape) every MS ms during the measured phase
                               (default 0: never; benchmarks/core/metrics-on-off.sh compares)
              --stream FILE    take the commands from a replay command file written by StreamGenerator (its
                               last --warmup + --commands rows are the flow) instead of generating the mix here:
                               generating runs the matching engine in this JVM first, so its compiled code starts
                               from a profile that is not the pipeline's (benchmarks/core/vs-exchange-core.sh)
              --passes P       throughput mode: P runs of the whole stream in this JVM, each on a fresh
                               pipeline and journal, the last one reported (default 1; the runs before it let
                               the JIT finish compiling the engine, as exchange-core's harness's --passes does)
            Prints human-readable lines, then one JSON line.
            """;

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException naming the bad argument
     */
    public static LoadOptions parse(String... args) {
        Mix mix = Mix.EXCHANGE_CORE;
        boolean latency = false;
        boolean engine = false;
        int commands = 1_000_000;
        int rate = 0;
        int seconds = 10;
        int warmup = 1_000_000;
        int warmupSeconds = 2;
        String wait = null;
        String layout = null;
        String fsync = "batch";
        int ring = 65_536;
        boolean ringSet = false;
        long seed = 1;
        Path risk = null;
        boolean noRisk = false;
        Path journalParent = null;
        String pacer = "yield";
        String history = "off";
        int historyRounds = 3;
        int scrapeMillis = 0;
        Path stream = null;
        int passes = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--mix" -> mix = Mix.parse(value(args, ++i, a));
                case "--mode" -> {
                    String v = value(args, ++i, a).toLowerCase(Locale.ROOT);
                    if (!v.equals("throughput") && !v.equals("latency") && !v.equals("engine")) {
                        throw new IllegalArgumentException("--mode '" + v + "' must be throughput, latency or engine");
                    }
                    latency = v.equals("latency");
                    engine = v.equals("engine");
                }
                case "--commands" -> commands = positive(args, ++i, a, Integer.MAX_VALUE / 2);
                case "--rate" -> rate = positive(args, ++i, a, 100_000_000);
                case "--seconds" -> seconds = positive(args, ++i, a, 3600);
                case "--warmup" -> warmup = nonNegative(args, ++i, a, Integer.MAX_VALUE / 2);
                case "--warmup-seconds" -> warmupSeconds = nonNegative(args, ++i, a, 3600);
                case "--wait" -> wait = value(args, ++i, a);
                case "--layout" -> {
                    layout = value(args, ++i, a).toLowerCase(Locale.ROOT);
                    if (!List.of("auto", "compact", "parallel", "single").contains(layout)) {
                        throw new IllegalArgumentException("--layout '" + layout
                                + "' must be auto, compact, parallel or single");
                    }
                }
                case "--fsync" -> fsync = value(args, ++i, a);
                case "--ring" -> {
                    ring = positive(args, ++i, a, 1 << 24);
                    ringSet = true;
                }
                case "--seed" -> {
                    String v = value(args, ++i, a);
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed '" + v + "' is not an integer");
                    }
                }
                case "--risk" -> risk = Path.of(value(args, ++i, a));
                case "--no-risk" -> noRisk = true;
                case "--pacer" -> {
                    pacer = value(args, ++i, a).toLowerCase(Locale.ROOT);
                    if (!pacer.equals("yield") && !pacer.equals("spin")) {
                        throw new IllegalArgumentException("--pacer '" + pacer + "' must be yield or spin");
                    }
                }
                case "--journal-parent" -> journalParent = Path.of(value(args, ++i, a));
                case "--history" -> {
                    history = value(args, ++i, a);
                    if (!history.equals("off") && !history.equals("embedded") && !history.equals("postgresql")
                            && !history.startsWith("jdbc:postgresql://")) {
                        throw new IllegalArgumentException("--history '" + history + "' must be off, embedded,"
                                + " postgresql or a jdbc:postgresql:// URL");
                    }
                }
                case "--history-rounds" -> historyRounds = positive(args, ++i, a, 100);
                case "--scrape-ms" -> scrapeMillis = nonNegative(args, ++i, a, 3_600_000);
                case "--stream" -> stream = Path.of(value(args, ++i, a));
                case "--passes" -> passes = positive(args, ++i, a, 100);
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (latency && rate == 0) {
            throw new IllegalArgumentException("--mode latency needs --rate R (commands per second)");
        }
        if (risk != null && noRisk) {
            throw new IllegalArgumentException("--risk and --no-risk exclude each other");
        }
        if (scrapeMillis > 0 && (latency || engine || !history.equals("off"))) {
            throw new IllegalArgumentException("--scrape-ms is for the raw pipeline's throughput mode (no --history)");
        }
        if (passes > 1 && (latency || engine || !history.equals("off"))) {
            throw new IllegalArgumentException("--passes is for the raw pipeline's throughput mode");
        }
        if (!history.equals("off") && (latency || engine)) {
            throw new IllegalArgumentException("--history compares throughput: use it with --mode throughput");
        }
        if (Integer.bitCount(ring) != 1) {
            throw new IllegalArgumentException("--ring " + ring + " must be a power of two");
        }
        if (engine && !ringSet) {
            ring = 1;
        }
        long paced = latency ? (long) rate * (warmupSeconds + seconds) : commands;
        if (paced + warmup > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("the run needs " + (paced + warmup) + " commands, more than "
                    + Integer.MAX_VALUE / 2 + " (lower --rate, --seconds or --warmup)");
        }
        return new LoadOptions(mix, latency, engine, commands, rate, seconds, warmup, warmupSeconds, wait, layout, fsync,
                ring, seed,
                risk, noRisk, pacer, journalParent, history, historyRounds, scrapeMillis, stream, passes);
    }

    /** @return commands after the warm-up: --commands, or rate × (warm-up seconds + seconds) */
    public int measuredPhaseCommands() {
        return latency ? rate * (warmupSeconds + seconds) : commands;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i, String option, int max) {
        int v = nonNegative(args, i, option, max);
        if (v == 0) {
            throw new IllegalArgumentException(option + " must be > 0");
        }
        return v;
    }

    private static int nonNegative(String[] args, int i, String option, int max) {
        String v = value(args, i, option).replace("_", "");
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + v + "' is not a whole number");
        }
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(option + " " + n + " must be from 0 to " + max);
        }
        return (int) n;
    }
}
