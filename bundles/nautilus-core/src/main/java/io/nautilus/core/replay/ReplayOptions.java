package io.nautilus.core.replay;

import io.nautilus.core.SelfTradePrevention;

import java.nio.file.Path;

/**
 * Command line of {@code bin/nautilus-replay}.
 *
 * @param commands the command file (CSV, {@code .gz} accepted)
 * @param trades where to write the trades CSV, or null
 * @param stp self-trade prevention mode of every account
 * @param pipeline true for the full pipeline (journal, risk, matching, positions), false for matching alone
 * @param journal journal folder of the pipeline run, or null for a fresh temporary folder
 * @param risk risk limits file (properties, as {@code etc/io.nautilus.core.risk.cfg}), or null for no risk checks
 * @param warmup untimed runs over the same file on fresh engines before the timed one (JIT warm-up)
 * @param fsync journal fsync policy of --pipeline: batch, periodic or none
 * @param waitStrategy wait strategy of the pipeline threads: busy-spin, yielding, sleeping or blocking
 */
public record ReplayOptions(Path commands, Path trades, SelfTradePrevention stp, boolean pipeline, Path journal,
                            Path risk, int warmup, String fsync, String waitStrategy) {

    /** Usage text. */
    public static final String USAGE = """
            usage: nautilus-replay --commands FILE [--trades OUT] [--stp MODE] [--pipeline [--journal DIR] [--risk FILE]]
                                   [--warmup N]
              --commands FILE  commands CSV (header seq,op,orderId,account,instrument,side,type,tif,price,qty[,...]);
                               .gz is decompressed. The whole file is loaded before the timed run.
              --trades OUT     write the trades CSV (seq,takerOrderId,makerOrderId,price,qty) after the run
              --stp MODE       self-trade prevention of every account: none (default), cancel-resting,
                               cancel-incoming, cancel-both
              --pipeline       the full core path: Disruptor ring, journal, risk, matching, positions
                               (without it: the matching engine alone, on this thread)
              --journal DIR    journal folder of --pipeline (default: a fresh temporary folder, deleted after)
              --risk FILE      risk limits of --pipeline (properties as in etc/io.nautilus.core.risk.cfg);
                               default: no risk limits
              --fsync POLICY   journal fsync of --pipeline: batch (default: forced at the end of every batch),
                               periodic (every 10 ms) or none (the OS writes back; survives kill -9, not power loss)
              --wait STRATEGY  pipeline threads' wait strategy: yielding (default here), busy-spin, sleeping, blocking
              --warmup N       untimed warm-up runs on fresh engines before the timed run (default 0)
            Prints one JSON line: {"commands":N,"trades":M,"seconds":S,"commandsPerSecond":R}
            """;

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException on a bad or missing argument, with the reason
     */
    public static ReplayOptions parse(String... args) {
        Path commands = null;
        Path trades = null;
        SelfTradePrevention stp = SelfTradePrevention.NONE;
        boolean pipeline = false;
        Path journal = null;
        Path risk = null;
        int warmup = 0;
        String fsync = "batch";
        String wait = "yielding";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--commands" -> commands = Path.of(value(args, ++i, a));
                case "--trades" -> trades = Path.of(value(args, ++i, a));
                case "--stp" -> stp = SelfTradePrevention.parse(value(args, ++i, a));
                case "--pipeline" -> pipeline = true;
                case "--journal" -> journal = Path.of(value(args, ++i, a));
                case "--risk" -> risk = Path.of(value(args, ++i, a));
                case "--fsync" -> fsync = value(args, ++i, a);
                case "--wait" -> wait = value(args, ++i, a);
                case "--warmup" -> {
                    String v = value(args, ++i, a);
                    try {
                        warmup = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        warmup = -1;
                    }
                    if (warmup < 0 || warmup > 1000) {
                        throw new IllegalArgumentException("--warmup '" + v + "' must be an integer 0..1000");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (commands == null) {
            throw new IllegalArgumentException("--commands FILE is required");
        }
        if (!pipeline && (journal != null || risk != null)) {
            throw new IllegalArgumentException("--journal and --risk need --pipeline");
        }
        if (journal != null && warmup > 0) {
            throw new IllegalArgumentException("--warmup needs a temporary journal (no --journal)");
        }
        return new ReplayOptions(commands, trades, stp, pipeline, journal, risk, warmup, fsync, wait);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
