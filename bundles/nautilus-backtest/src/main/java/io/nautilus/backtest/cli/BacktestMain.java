package io.nautilus.backtest.cli;

import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.SweepRequest;
import io.nautilus.backtest.engine.Backtest;
import io.nautilus.backtest.engine.BacktestException;
import io.nautilus.backtest.engine.BacktestResult;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.ProgressListener;
import io.nautilus.backtest.sweep.LocalSweepExecutor;
import io.nautilus.backtest.sweep.Sweep;
import io.nautilus.backtest.sweep.SweepOutcome;
import io.nautilus.backtest.sweep.SweepProgress;
import io.nautilus.backtest.sweep.SweepResult;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/nautilus-backtest}: runs one backtest outside Karaf and prints one JSON line
 * {@code {"events":N,"fills":F,"seconds":S,"eventsPerSecond":R,"out":"DIR"}}; with {@code --sweep}, a parameter
 * sweep ({@link Sweep}) printing {@code {"runs":N,"failed":F,"seconds":S,"best":{...},"objective":O,"value":V,
 * "out":"DIR"}}. Exit status 0 on success, 2 on bad usage or bad input found before running, 1 on a failed run (for
 * a sweep: every run failed); errors are one line on stderr.
 *
 * <p>System properties: {@code nautilus.home} (the distribution's folder: its {@code etc/} instruments and its
 * strategy jars; default the working folder), {@code nautilus.tty=1} to draw a progress bar on stderr.
 */
public final class BacktestMain {

    static final String USAGE = """
            usage: bin/nautilus-backtest --data PATH [--data PATH...] --strategy NAME [--param key=value...]
                                         [--instruments FILE] [--risk FILE] [--from T] [--to T] [--capital C]
                                         [--seed N] [--latency-us N] [--fill-model touch|queue|prob] [--out DIR]
                                         [more options below]

              --data PATH              CSV file, folder of CSV files, or imported store folder (repeatable)
              --strategy NAME          strategy factory name, as in etc/io.nautilus.strategy.NAME-<instance>.cfg
              --param key=value        strategy parameter (repeatable)
              --strategy-jar FILE      more strategy jars (repeatable)
              --instruments FILE       instruments, etc/io.nautilus.core.instruments.cfg format
                                       (default: the distribution's)
              --risk FILE              risk limits, etc/io.nautilus.core.risk.cfg format (default: no limits)
              --from T / --to T        time range, from inclusive, to exclusive: ISO-8601 UTC instant, a date
                                       (--to: the end of that day) or epoch nanoseconds
              --capital C              starting cash in the instruments' currency (default 100000)
              --seed N                 seed of every random choice (default 1)
              --latency-us N           order latency, microseconds (default 0)
              --jitter-us N            extra latency drawn from [0, N] per order and cancel (default 0)
              --cancel-latency-us N    cancel/replace latency (default: --latency-us)
              --fill-model M           touch | queue | prob: how resting limit orders fill (default touch)
              --fill-prob P            prob model: chance a trade at the order's price fills it (default 0.5)
              --slippage-ticks N       market and marketable orders fill N ticks worse (default 0)
              --fee-per-unit X         fee per unit of quantity (default 0)
              --min-fee X              minimum fee per order (default 0)
              --bars SPEC              bars built from ticks when the data has none: time:<n>s|m|h, ticks:<n>,
                                       volume:<n> (default time:1m)
              --out DIR                output folder (default ./backtest-out): fills.csv, orders.csv,
                                       equity.csv, stats.json
              --help                   this text

            Parameter sweep (with any --sweep: one backtest per combination, in parallel, into DIR/runs/<index>/,
            ranked into DIR/sweep.csv, the three best reports copied as DIR/best-<k>.html):
              --sweep key=from..to:step  numbers from..to inclusive (decimal steps exact); repeatable
              --sweep key=v1,v2,...      listed values; repeated --sweep: every combination
              --random N               N combinations drawn without replacement, seeded by --seed
              --objective F|-F         stats.json figure ranking the runs, '-' minimises (default sharpe;
                                       e.g. cagr, calmar, -maxDrawdown)
              --constraint 'F OP V'    OP one of > >= < <= ==, e.g. 'maxDrawdown>-0.2'; runs failing it are
                                       ranked after the others (repeatable)
              --workers N              runs at the same time (default: the available processors)

            Prints one JSON line {"events":N,"fills":F,"seconds":S,"eventsPerSecond":R,"out":"DIR"}, for a sweep
            {"runs":N,"failed":F,"seconds":S,"best":{...},"objective":"sharpe","value":V,"out":"DIR"}.
            Exit status: 0 done, 2 bad usage or input, 1 the run failed. See docs/backtesting.md.
            """;

    private BacktestMain() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("nautilus.home", "")).toAbsolutePath();
        boolean tty = "1".equals(System.getProperty("nautilus.tty"));
        int status = run(Arrays.asList(args), System.out, System.err, home, Path.of("").toAbsolutePath(), tty);
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs the command line.
     *
     * @param args the options
     * @param out  where the JSON line goes
     * @param err  where errors and the progress bar go
     * @param home the distribution's folder
     * @param cwd  the folder relative paths start from
     * @param tty  true to draw a progress bar on {@code err}
     * @return the exit status: 0 done, 2 bad usage or input, 1 failed
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Path home, Path cwd, boolean tty) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        SweepRequest sweep = null;
        BacktestRequest request;
        try {
            if (SweepRequest.isSweep(args)) {
                sweep = SweepRequest.parse(args);
                request = sweep.backtest();
            } else {
                request = BacktestRequest.parse(args);
            }
        } catch (IllegalArgumentException e) {
            err.println("nautilus-backtest: " + e.getMessage() + " (--help for usage)");
            return 2;
        }
        List<Path> jars = new ArrayList<>(JarStrategyCatalog.distributionJars(home));
        for (String jar : request.strategyJars()) {
            Path path = cwd.resolve(jar);
            if (!Files.isRegularFile(path)) {
                err.println("nautilus-backtest: --strategy-jar " + jar + ": no such file");
                return 2;
            }
            jars.add(path);
        }
        if (sweep != null) {
            return sweep(sweep, jars, out, err, home, cwd, tty);
        }
        ProgressBar bar = tty ? new ProgressBar(err) : null;
        try {
            JarStrategyCatalog catalog = new JarStrategyCatalog(jars, BacktestMain.class.getClassLoader());
            Environment env = Environment.standard(catalog, home.resolve("etc/io.nautilus.core.instruments.cfg"),
                    cwd);
            BacktestResult result = Backtest.run(request, env, bar == null ? ProgressListener.NONE : bar,
                    () -> false);
            if (bar != null) {
                bar.done();
            }
            out.println(result.jsonLine());
            return 0;
        } catch (IllegalArgumentException e) {
            endBar(bar);
            err.println("nautilus-backtest: " + e.getMessage());
            return 2;
        } catch (BacktestException e) {
            endBar(bar);
            err.println("nautilus-backtest: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            endBar(bar);
            err.println("nautilus-backtest: failed: " + e);
            return 1;
        }
    }

    private static int sweep(SweepRequest sweep, List<Path> jars, PrintStream out, PrintStream err, Path home,
                             Path cwd, boolean tty) {
        SweepBar bar = tty ? new SweepBar(err) : null;
        try {
            JarStrategyCatalog catalog = new JarStrategyCatalog(jars, BacktestMain.class.getClassLoader());
            Environment env = Environment.standard(catalog, home.resolve("etc/io.nautilus.core.instruments.cfg"),
                    cwd);
            Path dir = Sweep.check(sweep, env);
            SweepResult result;
            try (LocalSweepExecutor executor = new LocalSweepExecutor(sweep.workers(), env, dir)) {
                result = Sweep.run(sweep, env, executor, bar == null ? SweepProgress.NONE : bar, () -> false);
            }
            if (bar != null) {
                bar.done();
            }
            out.println(result.jsonLine());
            return result.failed() == result.total() ? 1 : 0;
        } catch (IllegalArgumentException e) {
            if (bar != null) {
                bar.done();
            }
            err.println("nautilus-backtest: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            if (bar != null) {
                bar.done();
            }
            err.println("nautilus-backtest: failed: " + e.getMessage());
            return 1;
        }
    }

    private static void endBar(ProgressBar bar) {
        if (bar != null) {
            bar.done();
        }
    }

    /** A one-line progress bar of a sweep redrawn in place: runs done/total, runs/s, time left, best so far. */
    static final class SweepBar implements SweepProgress {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private boolean drawn;

        SweepBar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void progress(int done, int total, double rate, SweepOutcome best, Double value) {
            double f = total == 0 ? 1 : Math.min(1, (double) done / total);
            int filled = (int) Math.round(f * WIDTH);
            StringBuilder sb = new StringBuilder("\r[").append("#".repeat(filled)).append(" ".repeat(WIDTH - filled))
                    .append("] ").append(done).append('/').append(total)
                    .append(String.format(Locale.ROOT, "  %.2f runs/s", rate));
            if (rate > 0) {
                sb.append(String.format(Locale.ROOT, "  ETA %ds", Math.round((total - done) / rate)));
            }
            if (best != null) {
                sb.append("  best ").append(best.parameters());
                if (value != null) {
                    sb.append(String.format(Locale.ROOT, " = %.4f", value));
                }
            }
            err.print(sb.append(' '));
            err.flush();
            drawn = true;
        }

        void done() {
            if (drawn) {
                err.println();
                drawn = false;
            }
        }
    }

    /** A one-line progress bar redrawn in place: percent of events, events/s, time left. */
    static final class ProgressBar implements ProgressListener {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private boolean drawn;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void progress(long done, long total, double rate) {
            StringBuilder sb = new StringBuilder("\r");
            if (total > 0) {
                double f = Math.min(1, (double) done / total);
                int filled = (int) Math.round(f * WIDTH);
                sb.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                        .append(String.format(Locale.ROOT, "%3.0f%%", f * 100));
                if (rate > 0) {
                    long left = Math.max(0, total - done);
                    sb.append(String.format(Locale.ROOT, "  ETA %ds", Math.round(left / rate)));
                }
            } else {
                sb.append(done).append(" events");
            }
            sb.append(String.format(Locale.ROOT, "  %.2f M events/s ", rate / 1e6));
            err.print(sb);
            err.flush();
            drawn = true;
        }

        void done() {
            if (drawn) {
                err.println();
                drawn = false;
            }
        }
    }
}
