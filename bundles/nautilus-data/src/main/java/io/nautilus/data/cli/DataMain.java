package io.nautilus.data.cli;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.embedded.EmbeddedCore;
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

/**
 * {@code bin/nautilus-data}: imports CSV files into the historical market-data store and lists it.
 *
 * <pre>
 * nautilus-data import PATH... [--instruments FILE] [--store DIR] [--skip-bad] [--replace]
 * nautilus-data list [--store DIR]
 * </pre>
 *
 * An import prints one JSON line on stdout; a progress bar goes to stderr when {@code -Dnautilus.tty=1}. A failure is
 * one line on stderr and exit code 1 (2 for a usage error).
 */
public final class DataMain {

    private static final String USAGE = """
            usage: nautilus-data import PATH... [--instruments FILE] [--store DIR] [--skip-bad] [--replace]
                   nautilus-data list [--store DIR]

              import   CSV files or folders of them (*.csv, *.csv.gz): quotes, trades or bars, told apart by their
                       header; written into the store only if every file reads without error
                --instruments FILE  instruments in the etc/io.nautilus.core.instruments.cfg format
                                    (default: the distribution's)
                --store DIR         the store (default: data/nautilus/marketdata of the distribution)
                --skip-bad          skip bad rows, count them by reason and report them, instead of failing
                --replace           overwrite days that already hold the imported kind of an instrument
              list     instruments, days, kinds, rows and time range of the store
            """;

    private DataMain() {
    }

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the tool.
     *
     * @param args the command line
     * @param out  standard output (the JSON line, the listing)
     * @param err  standard error (errors, progress)
     * @return 0 on success, 1 on failure, 2 on a usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        List<Path> paths = new ArrayList<>();
        Path instruments = Path.of(System.getProperty("nautilus.instruments", "etc/io.nautilus.core.instruments.cfg"));
        Path store = Path.of(System.getProperty("nautilus.store", "data/nautilus/marketdata"));
        boolean skipBad = false;
        boolean replace = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--instruments", "--store" -> {
                    if (i + 1 >= args.length) {
                        err.println("nautilus-data: " + a + " needs a value");
                        return 2;
                    }
                    Path value = Path.of(args[++i]);
                    if (a.equals("--store")) {
                        store = value;
                    } else {
                        instruments = value;
                    }
                }
                case "--skip-bad" -> skipBad = true;
                case "--replace" -> replace = true;
                default -> {
                    if (a.startsWith("--")) {
                        err.println("nautilus-data: unknown option " + a + " (nautilus-data --help)");
                        return 2;
                    }
                    paths.add(Path.of(a));
                }
            }
        }
        try {
            switch (command) {
                case "import" -> {
                    if (paths.isEmpty()) {
                        err.println("nautilus-data: import needs at least one file or folder (nautilus-data --help)");
                        return 2;
                    }
                    return importData(paths, loadInstruments(instruments), store, skipBad, replace, out, err);
                }
                case "list" -> {
                    if (!paths.isEmpty() || skipBad || replace) {
                        err.println("nautilus-data: list takes only --store DIR");
                        return 2;
                    }
                    list(store, out);
                    return 0;
                }
                default -> {
                    err.println("nautilus-data: unknown command '" + command + "' (import or list)");
                    return 2;
                }
            }
        } catch (NoSuchFileException e) {
            err.println("nautilus-data: " + e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("nautilus-data: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    /**
     * Reads an instruments file ({@code etc/io.nautilus.core.instruments.cfg} format) into instruments by symbol.
     *
     * @param file the file
     * @return the instruments by symbol
     * @throws IOException if it cannot be read or is invalid
     */
    public static Map<String, Instrument> loadInstruments(Path file) throws IOException {
        Map<String, Instrument> map = new LinkedHashMap<>();
        List<EmbeddedCore.Definition> defs;
        try {
            defs = EmbeddedCore.parseInstruments(EmbeddedCore.readConfig(file));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such instruments file (--instruments FILE)");
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        for (EmbeddedCore.Definition d : defs) {
            map.put(d.instrument().symbol(), d.instrument());
            map.putIfAbsent(d.instrument().id().value(), d.instrument());
        }
        if (map.isEmpty()) {
            throw new IOException(file + ": defines no instruments");
        }
        return map;
    }

    private static int importData(List<Path> paths, Map<String, Instrument> instruments, Path store, boolean skipBad,
                                  boolean replace, PrintStream out, PrintStream err) throws IOException {
        ProgressBar bar = "1".equals(System.getProperty("nautilus.tty")) ? new ProgressBar(err) : null;
        MarketDataImport.Report r;
        try {
            r = new MarketDataImport(store, instruments).skipBad(skipBad).replace(replace).progress(bar).run(paths);
        } finally {
            if (bar != null) {
                bar.end();
            }
        }
        if (r.skipped() > 0) {
            err.println("nautilus-data: skipped " + r.skipped() + " bad rows: " + r.skippedByReason());
            for (String example : r.examples()) {
                err.println("  " + example);
            }
        }
        StringBuilder json = new StringBuilder();
        json.append("{\"rows\":").append(r.rows()).append(",\"quotes\":").append(r.quotes())
                .append(",\"trades\":").append(r.trades()).append(",\"bars\":").append(r.bars())
                .append(",\"skipped\":").append(r.skipped());
        if (r.skipped() > 0) {
            json.append(",\"skippedByReason\":{");
            String sep = "";
            for (Map.Entry<String, Long> e : r.skippedByReason().entrySet()) {
                json.append(sep).append(quote(e.getKey())).append(':').append(e.getValue());
                sep = ",";
            }
            json.append('}');
        }
        json.append(",\"seconds\":").append(String.format(Locale.ROOT, "%.3f", r.seconds()))
                .append(",\"rowsPerSecond\":").append(Math.round(r.rowsPerSecond()))
                .append(",\"store\":").append(quote(store.toAbsolutePath().normalize().toString())).append('}');
        out.println(json);
        return 0;
    }

    private static void list(Path store, PrintStream out) throws IOException {
        List<MarketDataStore.Entry> entries = MarketDataStore.list(store);
        if (entries.isEmpty()) {
            out.println("no data in " + store.toAbsolutePath().normalize());
            return;
        }
        Map<String, long[]> rows = new TreeMap<>();
        Map<String, String[]> days = new TreeMap<>();
        for (MarketDataStore.Entry e : entries) {
            String key = e.instrument() + "\t" + e.kind();
            long[] r = rows.computeIfAbsent(key, k -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0});
            r[0] += e.rows();
            r[1]++;
            r[2] = Math.min(r[2], e.firstTimestamp());
            r[3] = Math.max(r[3], e.lastTimestamp());
            r[4] = e.barInterval() > 0 && (r[4] == 0 || e.barInterval() < r[4]) ? e.barInterval() : r[4];
            String[] d = days.computeIfAbsent(key, k -> new String[] {e.day(), e.day()});
            d[1] = e.day();
        }
        String format = "%-14s %-10s %5s %-23s %12s  %-30s  %-30s%n";
        out.printf(Locale.ROOT, format, "INSTRUMENT", "KIND", "DAYS", "FIRST..LAST DAY", "ROWS", "FROM", "TO");
        for (Map.Entry<String, long[]> e : rows.entrySet()) {
            String[] k = e.getKey().split("\t");
            long[] r = e.getValue();
            String[] d = days.get(e.getKey());
            String kind = r[4] > 0 ? k[1] + " " + r[4] / 1_000_000_000L + "s" : k[1];
            out.printf(Locale.ROOT, format, k[0], kind, r[1], d[0] + ".." + d[1], r[0], instant(r[2]), instant(r[3]));
        }
    }

    private static String instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                .toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A one-line progress bar on a terminal: percent of bytes, rows per second, time left. */
    private static final class ProgressBar implements MarketDataImport.Progress {
        private final PrintStream err;
        private final long started = System.nanoTime();
        private long lastPrint;
        private boolean printed;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void update(long bytesRead, long totalBytes, long rows) {
            long now = System.nanoTime();
            if (now - lastPrint < 200_000_000L && bytesRead < totalBytes) {
                return;
            }
            lastPrint = now;
            double fraction = totalBytes > 0 ? Math.min(1.0, (double) bytesRead / totalBytes) : 1.0;
            double seconds = (now - started) / 1e9;
            double rate = seconds > 0 ? rows / seconds : 0;
            long eta = fraction > 0 ? Math.round(seconds / fraction - seconds) : 0;
            int filled = (int) (fraction * 30);
            err.printf(Locale.ROOT, "\r[%-30s] %3d%%  %,.0f rows/s  ETA %ds ", "#".repeat(filled),
                    Math.round(fraction * 100), rate, eta);
            err.flush();
            printed = true;
        }

        void end() {
            if (printed) {
                err.println();
            }
        }
    }
}
