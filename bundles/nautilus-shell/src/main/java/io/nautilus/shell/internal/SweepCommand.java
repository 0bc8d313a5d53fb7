package io.nautilus.shell.internal;

import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.backtest.api.BacktestState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code nautilus:sweep <options of bin/nautilus-backtest with --sweep ...> [--wait]}: a parameter sweep inside the
 * platform, queued as one run of the backtest service ({@link BacktestService#startSweep}); {@code nautilus:backtest
 * list}, {@code status}, {@code show} and {@code cancel} see it like a backtest (its events are the ended runs). Its
 * backtests run on the cluster when the cluster bundle offers its executor, else on this JVM's threads
 * ({@code --workers}, default the available processors).
 */
@Command(scope = "nautilus", name = "sweep",
        description = "Parameter sweep inside the platform: <options of bin/nautilus-backtest> --sweep key=from..to:step"
                + " | --sweep key=v1,v2,... (repeatable) [--random N] [--objective sharpe|cagr|calmar|-maxDrawdown|...]"
                + " [--constraint 'maxDrawdown>-0.2'] [--workers N] [--wait]; files under"
                + " data/nautilus/backtests/<id>/ (sweep.csv, runs/<index>/, best-<k>.html)")
@Service
public final class SweepCommand implements Action {

    /** Rows of {@code sweep.csv} printed after {@code --wait}. */
    static final int BEST_ROWS = 10;

    @Reference(optional = true)
    BacktestService backtests;

    @Option(name = "--data", description = "data path (repeatable)", multiValued = true)
    List<String> data;

    @Option(name = "--strategy", description = "strategy factory name")
    String strategy;

    @Option(name = "--param", description = "strategy parameter key=value (repeatable)", multiValued = true)
    List<String> param;

    @Option(name = "--strategy-jar", description = "refused in the platform", multiValued = true)
    List<String> strategyJar;

    @Option(name = "--instruments", description = "instruments file")
    String instruments;

    @Option(name = "--risk", description = "risk limits file")
    String risk;

    @Option(name = "--from", description = "start time")
    String from;

    @Option(name = "--to", description = "end time")
    String to;

    @Option(name = "--capital", description = "starting cash")
    String capital;

    @Option(name = "--seed", description = "random seed (also of --random)")
    String seed;

    @Option(name = "--latency-us", description = "order latency, microseconds")
    String latencyUs;

    @Option(name = "--jitter-us", description = "latency jitter bound, microseconds")
    String jitterUs;

    @Option(name = "--cancel-latency-us", description = "cancel latency, microseconds")
    String cancelLatencyUs;

    @Option(name = "--fill-model", description = "touch, queue or prob")
    String fillModel;

    @Option(name = "--fill-prob", description = "prob model's chance")
    String fillProb;

    @Option(name = "--slippage-ticks", description = "slippage of taking fills, ticks")
    String slippageTicks;

    @Option(name = "--fee-per-unit", description = "fee per unit")
    String feePerUnit;

    @Option(name = "--min-fee", description = "minimum fee per order")
    String minFee;

    @Option(name = "--bars", description = "bar spec built from ticks")
    String bars;

    @Option(name = "--out", description = "ignored")
    String out;

    @Option(name = "--sweep", description = "key=from..to:step or key=v1,v2,... (repeatable)", multiValued = true)
    List<String> sweep;

    @Option(name = "--random", description = "N combinations drawn, seeded by --seed")
    String random;

    @Option(name = "--objective", description = "figure ranking the runs, '-' minimises (default sharpe)")
    String objective;

    @Option(name = "--constraint", description = "'FIGURE OP VALUE' (repeatable)", multiValued = true)
    List<String> constraint;

    @Option(name = "--workers", description = "backtests at the same time")
    String workers;

    @Argument(index = 0, name = "more", multiValued = true, description = "more options of bin/nautilus-backtest, after"
            + " the first word that is not an option")
    List<String> args;

    @Option(name = "--wait", description = "print the progress until the sweep ends, then its best runs (Ctrl-C"
            + " stops waiting, not the sweep)")
    boolean waitForEnd;

    /** Milliseconds between two progress lines of {@code --wait}. */
    long pollMillis = 1_000;

    /** @return the options given, as {@code bin/nautilus-backtest} takes them, then the remaining words */
    List<String> words() {
        List<String> words = new ArrayList<>();
        if (data != null) {
            data.forEach(v -> words.addAll(List.of("--data", v)));
        }
        if (strategy != null) {
            words.addAll(List.of("--strategy", strategy));
        }
        if (param != null) {
            param.forEach(v -> words.addAll(List.of("--param", v)));
        }
        if (strategyJar != null) {
            strategyJar.forEach(v -> words.addAll(List.of("--strategy-jar", v)));
        }
        if (instruments != null) {
            words.addAll(List.of("--instruments", instruments));
        }
        if (risk != null) {
            words.addAll(List.of("--risk", risk));
        }
        if (from != null) {
            words.addAll(List.of("--from", from));
        }
        if (to != null) {
            words.addAll(List.of("--to", to));
        }
        if (capital != null) {
            words.addAll(List.of("--capital", capital));
        }
        if (seed != null) {
            words.addAll(List.of("--seed", seed));
        }
        if (latencyUs != null) {
            words.addAll(List.of("--latency-us", latencyUs));
        }
        if (jitterUs != null) {
            words.addAll(List.of("--jitter-us", jitterUs));
        }
        if (cancelLatencyUs != null) {
            words.addAll(List.of("--cancel-latency-us", cancelLatencyUs));
        }
        if (fillModel != null) {
            words.addAll(List.of("--fill-model", fillModel));
        }
        if (fillProb != null) {
            words.addAll(List.of("--fill-prob", fillProb));
        }
        if (slippageTicks != null) {
            words.addAll(List.of("--slippage-ticks", slippageTicks));
        }
        if (feePerUnit != null) {
            words.addAll(List.of("--fee-per-unit", feePerUnit));
        }
        if (minFee != null) {
            words.addAll(List.of("--min-fee", minFee));
        }
        if (bars != null) {
            words.addAll(List.of("--bars", bars));
        }
        if (out != null) {
            words.addAll(List.of("--out", out));
        }
        if (sweep != null) {
            sweep.forEach(v -> words.addAll(List.of("--sweep", v)));
        }
        if (random != null) {
            words.addAll(List.of("--random", random));
        }
        if (objective != null) {
            words.addAll(List.of("--objective", objective));
        }
        if (constraint != null) {
            constraint.forEach(v -> words.addAll(List.of("--constraint", v)));
        }
        if (workers != null) {
            words.addAll(List.of("--workers", workers));
        }
        if (args != null) {
            words.addAll(args);
        }
        return words;
    }

    @Override
    public Object execute() throws Exception {
        if (backtests == null) {
            throw new CommandException(BacktestCommand.NOT_RUNNING);
        }
        try {
            run(backtests, System.out);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new CommandException("nautilus: " + e.getMessage(), e);
        }
        return null;
    }

    /**
     * Does the command's work.
     *
     * @param service the backtest service
     * @param out     where to print
     * @throws CommandException when the command fails; its message is the one line the admin sees
     */
    void run(BacktestService service, PrintStream out) throws CommandException {
        List<String> words = words();
        boolean wait = waitForEnd | words.remove("--wait");
        BacktestInfo run = service.startSweep(words);
        out.println("sweep " + run.id() + " " + run.state() + ": " + run.request().strategy() + " on "
                + String.join(", ", run.data()) + "; files in " + run.outDir()
                + " (nautilus:backtest status " + run.id() + ")");
        if (!wait) {
            return;
        }
        String last = "";
        while (!run.state().isFinished()) {
            String line = String.format(Locale.ROOT, "%s %s %.1f%%, %d runs ended, %.2f runs/s", run.id(),
                    run.state(), run.progress() * 100, run.events(), run.eventsPerSecond());
            if (!line.equals(last)) {
                out.println(line);
                last = line;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("stopped waiting; sweep " + run.id() + " goes on (nautilus:backtest status " + run.id()
                        + ")");
                return;
            }
            String id = run.id();
            run = service.get(id).orElseThrow(() -> new CommandException("nautilus: sweep " + id + " is gone"));
        }
        ended(run, out);
        if (run.state() == BacktestState.FAILED) {
            throw new CommandException("nautilus: sweep " + run.id() + " FAILED: " + run.error());
        }
    }

    /** The sweep's figures and its best rows of {@code sweep.csv}. */
    static void ended(BacktestInfo run, PrintStream out) throws CommandException {
        ShellTable figures = new ShellTable();
        figures.column("FIELD");
        figures.column("VALUE");
        figures.addRow().addContent("id", run.id());
        figures.addRow().addContent("state", run.state());
        for (Map.Entry<String, Object> stat : new TreeMap<>(run.stats()).entrySet()) {
            figures.addRow().addContent(stat.getKey(), String.valueOf(stat.getValue()));
        }
        figures.addRow().addContent("folder", run.outDir());
        figures.print(out);
        Path csv = Path.of(run.outDir()).resolve("sweep.csv");
        if (!Files.isRegularFile(csv)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(csv);
            if (lines.size() < 2) {
                return;
            }
            String[] header = lines.get(0).split(",", -1);
            ShellTable table = new ShellTable();
            for (String h : header) {
                table.column(h.toUpperCase(Locale.ROOT));
            }
            for (String line : lines.subList(1, Math.min(lines.size(), BEST_ROWS + 1))) {
                table.addRow().addContent(new ArrayList<Object>(cells(line, header.length)));
            }
            out.println();
            out.println("sweep.csv (best " + Math.min(BEST_ROWS, lines.size() - 1) + " of " + (lines.size() - 1)
                    + " runs):");
            table.print(out);
        } catch (IOException e) {
            throw new CommandException("nautilus: cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    /** The cells of one CSV line (quoted cells may hold commas and doubled quotes). */
    static List<String> cells(String line, int count) {
        List<String> cells = new ArrayList<>(count);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        while (cells.size() < count) {
            cells.add("");
        }
        return cells;
    }
}
