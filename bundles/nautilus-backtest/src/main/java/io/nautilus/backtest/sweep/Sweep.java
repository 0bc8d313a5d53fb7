package io.nautilus.backtest.sweep;

import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.SweepRequest;
import io.nautilus.backtest.engine.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a parameter sweep: checks it, hands one {@link SweepTask} per combination to a {@link SweepExecutor}, ranks
 * the outcomes by the objective and writes into the sweep's folder ({@code --out}) {@code sweep.csv} and the three
 * best runs' reports as {@code best-<k>.html}; each run wrote its own files into {@code runs/<index>/}.
 *
 * <p>Ranking, best first: completed runs that meet every constraint, then completed runs that do not, then failed
 * runs; within each, runs with the objective figure by it (greatest first, or least with a leading '-'; drawdown
 * figures by their size, so {@code -maxDrawdown} puts the shallowest first), then runs without it; ties by run
 * index. The same sweep gives the same {@code sweep.csv} whatever the executor and number of workers.
 */
public final class Sweep {

    /**
     * The statistics columns of {@code sweep.csv}, after the swept parameters (a figure a run's {@code stats.json}
     * lacks is left empty).
     */
    public static final List<String> STATS_COLUMNS = List.of("totalReturn", "cagr", "volatility", "sharpe",
            "sortino", "calmar", "maxDrawdown", "var95", "cvar95", "var99", "cvar99", "skew", "kurtosis", "winRate",
            "trades", "roundTrips", "netPnl", "fees", "finalEquity");
    /** The last columns of {@code sweep.csv}. */
    public static final List<String> RANK_COLUMNS = List.of("rank", "run", "constraintsMet", "error");
    /** How many of the best runs' reports are copied as {@code best-<k>.html}. */
    public static final int BEST_REPORTS = 3;

    private Sweep() {
    }

    /**
     * Checks a sweep before anything runs: the strategy exists and takes every swept parameter, the data exist, the
     * output is not a file.
     *
     * @param request the sweep
     * @param env     where strategies and data are found
     * @return the sweep's folder
     * @throws IllegalArgumentException one line naming the bad input
     */
    public static Path check(SweepRequest request, Environment env) {
        BacktestRequest backtest = request.backtest();
        StrategyFactory factory = env.strategies().find(backtest.strategy());
        if (factory == null) {
            List<String> known = env.strategies().names();
            throw new IllegalArgumentException("unknown strategy '" + backtest.strategy() + "'; known: "
                    + (known.isEmpty() ? "none (no strategy jar found)" : String.join(", ", known)));
        }
        Map<String, Object> declared = factory.parameters();
        for (SweepRequest.Dimension d : request.dimensions()) {
            if (!declared.containsKey(d.name())) {
                throw new IllegalArgumentException("--sweep " + d.name() + ": strategy " + factory.name()
                        + " does not take it; it takes " + String.join(", ", declared.keySet()));
            }
        }
        for (String d : backtest.data()) {
            if (!Files.exists(env.baseDir().resolve(d))) {
                throw new IllegalArgumentException("--data " + d + ": no such file or folder");
            }
        }
        Path out = env.baseDir().resolve(backtest.out()).toAbsolutePath().normalize();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + backtest.out() + " is a file, not a folder");
        }
        return out;
    }

    /**
     * Checks and runs a sweep, writing {@code sweep.csv} and {@code best-<k>.html} into its folder (also when
     * canceled: the runs that ended).
     *
     * @param request   the sweep
     * @param env       where strategies, instruments and data are found on this node
     * @param executor  runs the tasks (not closed here)
     * @param progress  hears each ended run
     * @param cancelled polled by the executor; true stops starting runs
     * @return the ranked runs
     * @throws IllegalArgumentException one line naming bad input, found before any run ({@link #check})
     * @throws UncheckedIOException     if the sweep's folder or {@code sweep.csv} cannot be written
     */
    public static SweepResult run(SweepRequest request, Environment env, SweepExecutor executor,
                                  SweepProgress progress, BooleanSupplier cancelled) {
        Path out = check(request, env);
        try {
            Files.createDirectories(out.resolve("runs"));
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + request.backtest().out() + ": cannot create the folder ("
                    + e + ")");
        }
        List<Map<String, String>> combinations = request.combinations();
        List<SweepTask> tasks = new ArrayList<>(combinations.size());
        for (int i = 0; i < combinations.size(); i++) {
            tasks.add(new SweepTask(i, combinations.get(i), request.baseArgs()));
        }
        Ranking ranking = new Ranking(request);
        Collector collector = new Collector(tasks.size(), ranking, progress);
        boolean interrupted = false;
        try {
            executor.execute(tasks, collector::accept, cancelled);
        } catch (InterruptedException e) {
            interrupted = true;
            Thread.currentThread().interrupt();
        }
        SweepOutcome[] outcomes = collector.outcomes();
        List<SweepResult.Row> rows = ranking.rank(outcomes);
        int failed = 0;
        for (SweepResult.Row r : rows) {
            failed += r.outcome().failed() ? 1 : 0;
        }
        SweepResult result = new SweepResult(rows, tasks.size(), failed, collector.seconds(), request.objective(),
                out, interrupted || rows.size() < tasks.size());
        try {
            Files.writeString(out.resolve("sweep.csv"), csv(request, rows), StandardCharsets.UTF_8);
            copyBestReports(out, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("sweep " + out + ": cannot write sweep.csv (" + e + ")", e);
        }
        return result;
    }

    /**
     * The text of {@code sweep.csv}: a header (the swept parameters, {@link #STATS_COLUMNS}, the objective's figure
     * when not among them, {@link #RANK_COLUMNS}) and one row per run, best first.
     *
     * @param request the sweep
     * @param rows    the ranked runs
     * @return the file's text
     */
    public static String csv(SweepRequest request, List<SweepResult.Row> rows) {
        List<String> stats = new ArrayList<>(STATS_COLUMNS);
        if (!stats.contains(request.objectiveFigure())) {
            stats.add(request.objectiveFigure());
        }
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (SweepRequest.Dimension d : request.dimensions()) {
            header.add(d.name());
        }
        header.addAll(stats);
        header.addAll(RANK_COLUMNS);
        line(sb, header);
        for (SweepResult.Row r : rows) {
            List<String> cells = new ArrayList<>(header.size());
            for (SweepRequest.Dimension d : request.dimensions()) {
                cells.add(r.outcome().parameters().getOrDefault(d.name(), ""));
            }
            for (String s : stats) {
                cells.add(cell(r.outcome().stats().get(s)));
            }
            cells.add(Integer.toString(r.rank()));
            cells.add(Integer.toString(r.outcome().index()));
            cells.add(Boolean.toString(r.constraintsMet()));
            cells.add(r.outcome().error() == null ? "" : r.outcome().error());
            line(sb, cells);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? SweepResult.number(d) : "";
        }
        return v.toString();
    }

    private static void copyBestReports(Path out, List<SweepResult.Row> rows) throws IOException {
        for (int k = 1; k <= BEST_REPORTS; k++) {
            Files.deleteIfExists(out.resolve("best-" + k + ".html"));
        }
        int k = 0;
        for (SweepResult.Row r : rows) {
            if (k == BEST_REPORTS || r.outcome().failed()) {
                break;
            }
            k++;
            Path report = out.resolve("runs").resolve(Integer.toString(r.outcome().index())).resolve("report.html");
            if (Files.isRegularFile(report)) {
                Files.copy(report, out.resolve("best-" + k + ".html"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Orders outcomes best first and tells whether they meet the constraints. */
    static final class Ranking {
        private final SweepRequest request;
        private final String figure;
        private final boolean bySize;

        Ranking(SweepRequest request) {
            this.request = request;
            this.figure = request.objectiveFigure();
            this.bySize = figure.toLowerCase(Locale.ROOT).contains("drawdown");
        }

        Double value(SweepOutcome o) {
            return o.failed() ? null : o.number(figure);
        }

        boolean meets(SweepOutcome o) {
            if (o.failed()) {
                return false;
            }
            for (SweepRequest.Constraint c : request.constraints()) {
                if (!c.test(o.number(c.figure()))) {
                    return false;
                }
            }
            return true;
        }

        /** Negative when {@code a} is better than {@code b}. */
        int compare(SweepOutcome a, SweepOutcome b) {
            int ga = group(a);
            int gb = group(b);
            if (ga != gb) {
                return Integer.compare(ga, gb);
            }
            Double va = value(a);
            Double vb = value(b);
            if (va != null && vb != null) {
                double ka = bySize ? Math.abs(va) : va;
                double kb = bySize ? Math.abs(vb) : vb;
                int c = request.minimise() ? Double.compare(ka, kb) : Double.compare(kb, ka);
                if (c != 0) {
                    return c;
                }
            } else if (va != null || vb != null) {
                return va != null ? -1 : 1;
            }
            return Integer.compare(a.index(), b.index());
        }

        private int group(SweepOutcome o) {
            return o.failed() ? 2 : meets(o) ? 0 : 1;
        }

        List<SweepResult.Row> rank(SweepOutcome[] outcomes) {
            List<SweepOutcome> ended = new ArrayList<>();
            for (SweepOutcome o : outcomes) {
                if (o != null) {
                    ended.add(o);
                }
            }
            ended.sort(this::compare);
            List<SweepResult.Row> rows = new ArrayList<>(ended.size());
            for (SweepOutcome o : ended) {
                rows.add(new SweepResult.Row(rows.size() + 1, o, value(o), meets(o)));
            }
            return rows;
        }
    }

    /** Gathers the outcomes from the executor's threads and reports the progress. */
    private static final class Collector {
        private final SweepOutcome[] outcomes;
        private final Ranking ranking;
        private final SweepProgress progress;
        private final long start = System.nanoTime();
        private int done;
        private SweepOutcome best;
        private long end;

        Collector(int size, Ranking ranking, SweepProgress progress) {
            this.outcomes = new SweepOutcome[size];
            this.ranking = ranking;
            this.progress = progress;
        }

        synchronized void accept(SweepOutcome o) {
            if (o.index() < 0 || o.index() >= outcomes.length || outcomes[o.index()] != null) {
                return;
            }
            outcomes[o.index()] = o;
            done++;
            if (ranking.meets(o) && (best == null || ranking.compare(o, best) < 0)) {
                best = o;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try {
                progress.progress(done, outcomes.length, seconds > 0 ? done / seconds : 0, best,
                        best == null ? null : ranking.value(best));
            } catch (RuntimeException ignored) {
                // a listener's failure does not stop the sweep
            }
        }

        synchronized SweepOutcome[] outcomes() {
            end = System.nanoTime();
            return outcomes.clone();
        }

        synchronized double seconds() {
            return ((end == 0 ? System.nanoTime() : end) - start) / 1e9;
        }
    }
}
