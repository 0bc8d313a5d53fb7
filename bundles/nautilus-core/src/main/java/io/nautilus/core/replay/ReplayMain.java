package io.nautilus.core.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code bin/nautilus-replay}: runs a command file through the trading core outside Karaf and prints one JSON line
 * {@code {"commands":N,"trades":M,"seconds":S,"commandsPerSecond":R}}. Exit status 0 on success, 2 on a bad
 * command line or a malformed file (the reason on standard error), 1 on any other failure.
 */
public final class ReplayMain {

    /** Held so the level set below stays in force (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger CORE_LOG = java.util.logging.Logger.getLogger("io.nautilus");

    private ReplayMain() {
    }

    /**
     * Entry point.
     *
     * @param args see {@link ReplayOptions#USAGE}
     */
    public static void main(String[] args) {
        // the pipeline's start/stop notes are not the tool's output; warnings and errors still show
        CORE_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the tool.
     *
     * @param args the arguments
     * @param out where the JSON line goes
     * @param err where errors and notes go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(ReplayOptions.USAGE);
            return 0;
        }
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("nautilus-replay: " + e.getMessage());
            err.print(ReplayOptions.USAGE);
            return 2;
        }
        CommandFile file;
        try {
            file = CommandFile.load(options.commands());
        } catch (IllegalArgumentException e) {
            err.println("nautilus-replay: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("nautilus-replay: cannot read " + options.commands() + ": " + e);
            return 2;
        }
        try {
            Replay replay = new Replay(file, options);
            for (int i = 0; i < options.warmup(); i++) {
                replay.run(null);
            }
            TradeLog trades = new TradeLog();
            Replay.Result result = replay.run(trades);
            if (options.trades() != null) {
                trades.write(options.trades());
            }
            if (result.rejected() > 0) {
                err.println("nautilus-replay: " + result.rejected() + " command(s) rejected by the engine");
            }
            out.println(json(file.size(), trades.size(), result.nanos()));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("nautilus-replay: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("nautilus-replay: failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static String json(long commands, long trades, long nanos) {
        double seconds = nanos / 1e9;
        long perSecond = nanos == 0 ? 0 : Math.round(commands / seconds);
        return String.format(Locale.ROOT, "{\"commands\":%d,\"trades\":%d,\"seconds\":%.6f,\"commandsPerSecond\":%d}",
                commands, trades, seconds, perSecond);
    }
}
