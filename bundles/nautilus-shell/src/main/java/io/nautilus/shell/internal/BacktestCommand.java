package io.nautilus.shell.internal;

import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.backtest.api.BacktestState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code nautilus:backtest run <options of bin/nautilus-backtest> [--wait]}, {@code list}, {@code status <id>},
 * {@code cancel <id>} and {@code show <id>}: backtests inside the platform, on their own threads, against the
 * installed strategy bundles; each run's files are under {@code data/nautilus/backtests/<id>/}.
 *
 * <p>The words after {@code run} are the options of {@code bin/nautilus-backtest}, read by
 * {@link BacktestRequest#parse} ({@code --out} is ignored: a run writes to its own folder). The backtest service is
 * an optional reference: without it the command fails with one line.
 */
@Command(scope = "nautilus", name = "backtest",
        description = "Backtests inside the platform: run <options of bin/nautilus-backtest> [--wait] queues one"
                + " (--data PATH... --strategy NAME [--param key=value...] [--from T] [--to T] ...; relative paths"
                + " start at the distribution folder); list shows the runs, newest first; status <id> where one is;"
                + " cancel <id> stops one; show <id> its figures, files and last equity rows.")
@Service
public final class BacktestCommand implements Action {

    /** The line printed when the backtest service is not registered. */
    static final String NOT_RUNNING = "nautilus: the backtest service is not running";

    /** The sub-commands. */
    static final List<String> ACTIONS = List.of("run", "list", "status", "cancel", "show");

    /** Equity rows {@code show} prints at most. */
    static final int EQUITY_ROWS = 5;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Reference(optional = true)
    BacktestService backtests;

    @Argument(index = 0, name = "action", required = true, description = "run, list, status, cancel or show")
    @Completion(value = StringsCompleter.class, values = {"run", "list", "status", "cancel", "show"})
    String action;

    @Argument(index = 1, name = "args", multiValued = true, description = "run: the options of"
            + " bin/nautilus-backtest (and --wait); status, cancel, show: the run id")
    @Completion(BacktestIdCompleter.class)
    List<String> args;

    @Option(name = "--wait", description = "run: print the progress until the run ends, then its figures (Ctrl-C"
            + " stops waiting, not the run)")
    boolean waitForEnd;

    /** Milliseconds between two progress lines of {@code run --wait}. */
    long pollMillis = 1_000;

    @Override
    public Object execute() throws Exception {
        if (backtests == null) {
            throw new CommandException(NOT_RUNNING);
        }
        try {
            run(backtests, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
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
        List<String> words = args == null ? new ArrayList<>() : new ArrayList<>(args);
        String name = action.strip(); // exactly as typed: the shell ACL matches the lower-case words
        switch (name) {
            case "run" -> {
                boolean wait = waitForEnd | words.remove("--wait");
                BacktestInfo run = service.start(BacktestRequest.parse(words));
                out.println("backtest " + run.id() + " " + run.state() + ": " + run.request().strategy() + " on "
                        + String.join(", ", run.data()) + "; files in " + run.outDir());
                if (wait) {
                    waitForEnd(service, run.id(), out);
                }
            }
            case "list" -> {
                noMore(name, words, 0);
                list(service.list(), out);
            }
            case "status" -> status(find(service, id(name, words)), out);
            case "cancel" -> {
                String id = id(name, words);
                BacktestInfo run = find(service, id);
                if (!service.cancel(id)) {
                    throw new CommandException("nautilus: backtest " + id + " is " + run.state()
                            + "; only a QUEUED or RUNNING one can be canceled");
                }
                out.println("backtest " + id + ": cancel asked (" + find(service, id).state() + ")");
            }
            case "show" -> show(find(service, id(name, words)), out);
            default -> throw new IllegalArgumentException("unknown action '" + action + "'; use one of "
                    + String.join(", ", ACTIONS));
        }
    }

    private void waitForEnd(BacktestService service, String id, PrintStream out) throws CommandException {
        String last = "";
        BacktestInfo run = find(service, id);
        while (!run.state().isFinished()) {
            String line = progress(run);
            if (!line.equals(last)) {
                out.println(line);
                last = line;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("stopped waiting; backtest " + id + " goes on (nautilus:backtest status " + id + ")");
                return;
            }
            run = find(service, id);
        }
        show(run, out);
        if (run.state() == BacktestState.FAILED) {
            throw new CommandException("nautilus: backtest " + id + " FAILED: " + run.error());
        }
    }

    /** The runs as a table. */
    static void list(List<BacktestInfo> runs, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("STATE");
        table.column("STRATEGY");
        table.column("SUBMITTED (UTC)");
        table.column("PROGRESS").alignRight();
        table.column("EVENTS").alignRight();
        table.column("FILLS").alignRight();
        table.column("EVENTS/S").alignRight();
        table.column("ERROR");
        for (BacktestInfo run : runs) {
            table.addRow().addContent(run.id(), run.state(), run.request().strategy(), time(run.submitted()),
                    percent(run), run.events(), run.fills(), rate(run.eventsPerSecond()),
                    run.error() == null ? "" : run.error());
        }
        table.print(out);
    }

    /** Where a run is, one field a row. */
    static void status(BacktestInfo run, PrintStream out) {
        fields(run).print(out);
    }

    /** A run's fields, figures, files and last equity rows. */
    static void show(BacktestInfo run, PrintStream out) throws CommandException {
        ShellTable table = fields(run);
        table.addRow().addContent("options", String.join(" ", options(run.request())));
        for (Map.Entry<String, Object> stat : new TreeMap<>(run.stats()).entrySet()) {
            table.addRow().addContent(stat.getKey(), String.valueOf(stat.getValue()));
        }
        table.print(out);
        Path folder = Path.of(run.outDir());
        if (!Files.isDirectory(folder)) {
            out.println("(no folder " + folder + ")");
            return;
        }
        ShellTable files = new ShellTable();
        files.column("FILE");
        files.column("BYTES").alignRight();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                files.addRow().addContent(file.getFileName().toString(), Files.size(file));
            }
            out.println();
            files.print(out);
            Path equity = folder.resolve("equity.csv");
            if (Files.isRegularFile(equity)) {
                List<String> lines = Files.readAllLines(equity);
                if (lines.size() > 1) {
                    out.println();
                    out.println("equity.csv (last " + Math.min(EQUITY_ROWS, lines.size() - 1) + " of "
                            + (lines.size() - 1) + " days):");
                    out.println("  " + lines.get(0));
                    for (String line : lines.subList(Math.max(1, lines.size() - EQUITY_ROWS), lines.size())) {
                        out.println("  " + line);
                    }
                }
            }
        } catch (IOException e) {
            throw new CommandException("nautilus: cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    private static ShellTable fields(BacktestInfo run) {
        ShellTable table = new ShellTable();
        table.column("FIELD");
        table.column("VALUE");
        table.addRow().addContent("id", run.id());
        table.addRow().addContent("state", run.state());
        if (run.error() != null) {
            table.addRow().addContent("error", run.error());
        }
        table.addRow().addContent("strategy", run.request().strategy());
        table.addRow().addContent("parameters", run.request().parameters().isEmpty() ? "-"
                : run.request().parameters().toString());
        table.addRow().addContent("data", String.join(", ", run.data()));
        table.addRow().addContent("submitted", time(run.submitted()));
        table.addRow().addContent("started", time(run.started()));
        table.addRow().addContent("finished", time(run.finished()));
        table.addRow().addContent("progress", percent(run));
        table.addRow().addContent("events", run.events());
        table.addRow().addContent("events/s", rate(run.eventsPerSecond()));
        table.addRow().addContent("fills", run.fills());
        table.addRow().addContent("folder", run.outDir());
        return table;
    }

    private static String progress(BacktestInfo run) {
        return run.id() + " " + run.state() + " " + percent(run) + ", " + run.events() + " events, "
                + rate(run.eventsPerSecond()) + " events/s, " + run.fills() + " fills";
    }

    private static List<String> options(BacktestRequest request) {
        List<String> options = new ArrayList<>();
        for (Map.Entry<String, String> p : request.parameters().entrySet()) {
            options.add("--param " + p.getKey() + "=" + p.getValue());
        }
        if (request.fromNanos() != null) {
            options.add("--from " + Instant.ofEpochSecond(0, request.fromNanos()));
        }
        if (request.toNanos() != null) {
            options.add("--to " + Instant.ofEpochSecond(0, request.toNanos()));
        }
        options.add("--capital " + request.capital().toPlainString());
        options.add("--seed " + request.seed());
        options.add("--latency-us " + request.latencyMicros());
        options.add("--fill-model " + request.fillModel().option());
        return options;
    }

    private static String percent(BacktestInfo run) {
        return String.format(Locale.ROOT, "%.1f%%", run.progress() * 100);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String time(Instant time) {
        return time == null ? "-" : TIME.format(time);
    }

    private static BacktestInfo find(BacktestService service, String id) throws CommandException {
        return service.get(id).orElseThrow(() -> new CommandException("nautilus: no backtest " + id
                + " (nautilus:backtest list shows them)"));
    }

    private static String id(String action, List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("backtest " + action + " needs a run id, e.g. nautilus:backtest "
                    + action + " bt-20261206-0001");
        }
        noMore(action, words, 1);
        return words.get(0).strip();
    }

    private static void noMore(String action, List<String> words, int allowed) {
        if (words.size() > allowed) {
            throw new IllegalArgumentException("backtest " + action + " takes " + (allowed == 0 ? "no arguments"
                    : "one run id") + "; unexpected '" + words.get(allowed) + "'");
        }
    }
}
