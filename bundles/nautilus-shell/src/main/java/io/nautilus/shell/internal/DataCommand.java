package io.nautilus.shell.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.MarketDataImport;
import io.nautilus.data.MarketDataStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code nautilus:data import PATH... [--skip-bad] [--replace]} imports CSV files of quotes, trades or bars into the
 * historical market-data store ({@code data/nautilus/marketdata} of the distribution) with the live core's
 * instruments; {@code nautilus:data list} shows what the store holds.
 */
@Command(scope = "nautilus", name = "data",
        description = "Historical market data for backtests. 'import PATH...' reads CSV files or folders of them"
                + " (quotes, trades or bars, told apart by their header; .csv.gz accepted) with the trading core's"
                + " instruments into data/nautilus/marketdata: nothing is written unless every file reads without"
                + " error. 'list' shows per instrument and kind the days, rows and time range.")
@Service
public final class DataCommand extends CoreCommand {

    @Argument(index = 0, name = "what", required = true, description = "import or list")
    @Completion(value = StringsCompleter.class, values = {"import", "list"})
    String what;

    @Argument(index = 1, name = "paths", multiValued = true, description = "import: CSV files or folders on the"
            + " platform's machine (relative to the distribution folder, or absolute)")
    List<String> paths;

    @Option(name = "--skip-bad", description = "import: skip bad rows, count them by reason and show the first few,"
            + " instead of failing")
    boolean skipBad;

    @Option(name = "--replace", description = "import: overwrite days that already hold the imported kind of an"
            + " instrument (refused otherwise)")
    boolean replace;

    /** The distribution folder: relative paths start there. */
    Path base = Path.of(System.getProperty("karaf.base", "."));

    /** The store root. */
    Path store = storeRoot();

    private static Path storeRoot() {
        String data = System.getProperty("karaf.data");
        if (data != null && Path.of(data).toAbsolutePath().getParent() != null) {
            return Path.of(data).toAbsolutePath().getParent().resolve("data/nautilus/marketdata");
        }
        return Path.of(System.getProperty("karaf.base", ".")).resolve("data/nautilus/marketdata");
    }

    @Override
    void run(PrintStream out) throws CommandException {
        switch (what.strip()) { // exactly as typed: the shell ACL matches the lower-case word
            case "import" -> importData(out);
            case "list" -> {
                if (paths != null && !paths.isEmpty() || skipBad || replace) {
                    throw new IllegalArgumentException("list takes no paths or options");
                }
                list(out);
            }
            default -> throw new IllegalArgumentException("unknown data command '" + what + "'; use import or list");
        }
    }

    private void importData(PrintStream out) throws CommandException {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("import needs at least one CSV file or folder");
        }
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        for (Instrument i : core().instruments()) {
            instruments.put(i.symbol(), i);
            instruments.putIfAbsent(i.id().value(), i);
        }
        List<Path> inputs = new ArrayList<>();
        for (String p : paths) {
            inputs.add(base.resolve(p));
        }
        MarketDataImport.Report r;
        try {
            r = new MarketDataImport(store, instruments).skipBad(skipBad).replace(replace).run(inputs);
        } catch (NoSuchFileException e) {
            throw new CommandException("nautilus: " + e.getFile() + ": "
                    + (e.getReason() == null ? "no such file" : e.getReason()));
        } catch (IOException e) {
            throw new CommandException("nautilus: " + e.getMessage());
        }
        ShellTable table = new ShellTable();
        table.column("Files").alignRight();
        table.column("Quotes").alignRight();
        table.column("Trades").alignRight();
        table.column("Bars").alignRight();
        table.column("Skipped").alignRight();
        table.column("Seconds").alignRight();
        table.column("Rows/s").alignRight();
        table.addRow().addContent(r.files(), r.quotes(), r.trades(), r.bars(), r.skipped(),
                String.format(Locale.ROOT, "%.3f", r.seconds()), Math.round(r.rowsPerSecond()));
        table.print(out);
        if (r.skipped() > 0) {
            out.println("skipped by reason: " + r.skippedByReason());
            for (String example : r.examples()) {
                out.println("  " + example);
            }
        }
        out.println("store: " + store);
    }

    private void list(PrintStream out) throws CommandException {
        List<MarketDataStore.Entry> entries;
        try {
            entries = MarketDataStore.list(store);
        } catch (IOException e) {
            throw new CommandException("nautilus: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            out.println("no data in " + store);
            return;
        }
        Map<String, List<MarketDataStore.Entry>> groups = new TreeMap<>();
        for (MarketDataStore.Entry e : entries) {
            groups.computeIfAbsent(e.instrument() + "\t" + e.kind(), k -> new ArrayList<>()).add(e);
        }
        ShellTable table = new ShellTable();
        table.column("Instrument");
        table.column("Kind");
        table.column("Days").alignRight();
        table.column("First day");
        table.column("Last day");
        table.column("Rows").alignRight();
        table.column("From");
        table.column("To");
        for (Map.Entry<String, List<MarketDataStore.Entry>> g : groups.entrySet()) {
            List<MarketDataStore.Entry> days = g.getValue();
            long rows = 0;
            long from = Long.MAX_VALUE;
            long to = Long.MIN_VALUE;
            long interval = 0;
            for (MarketDataStore.Entry e : days) {
                rows += e.rows();
                from = Math.min(from, e.firstTimestamp());
                to = Math.max(to, e.lastTimestamp());
                interval = e.barInterval() > 0 && (interval == 0 || e.barInterval() < interval) ? e.barInterval()
                        : interval;
            }
            String kind = interval > 0 ? days.get(0).kind() + " " + interval / 1_000_000_000L + "s" : days.get(0).kind();
            table.addRow().addContent(days.get(0).instrument(), kind, days.size(), days.get(0).day(),
                    days.get(days.size() - 1).day(), rows, instant(from), instant(to));
        }
        table.print(out);
    }

    private static String instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                .toString();
    }
}
