package io.nautilus.data;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.internal.BadRowException;
import io.nautilus.data.internal.CsvReader;
import io.nautilus.data.internal.DayWriter;
import io.nautilus.data.internal.Inputs;
import io.nautilus.data.internal.StoreFormat;
import io.nautilus.data.internal.Text;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Imports CSV files of quotes, trades and bars into a store ({@code <root>/<instrument>/<yyyy-MM-dd>/}, see
 * {@code docs/historical-data.md}). Rows are written streaming into a staging folder under the root; only when every
 * input was read without error is each day's data moved into place, so a failed import leaves the store as it was.
 * A day that already holds a kind for an instrument is refused unless {@link #replace}; with {@link #skipBad} bad
 * rows are counted by reason instead of failing the import.
 */
public final class MarketDataImport {

    /** Receives progress while an import runs (on the importing thread). */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param bytesRead  bytes of the input files read so far (compressed size for {@code .gz})
         * @param totalBytes the input files' total size
         * @param rows       rows imported so far
         */
        void update(long bytesRead, long totalBytes, long rows);
    }

    /**
     * What an import did.
     *
     * @param files           input files read
     * @param quotes          quote rows imported
     * @param trades          trade rows imported
     * @param bars            bar rows imported
     * @param skipped         bad rows skipped ({@link #skipBad})
     * @param skippedByReason skipped rows per reason, sorted by reason
     * @param examples        the first few skipped rows as {@code file:line: problem}
     * @param days            instrument days written, as {@code instrument/yyyy-MM-dd/kind}
     * @param seconds         wall-clock duration
     * @param store           the store root
     */
    public record Report(int files, long quotes, long trades, long bars, long skipped,
                         SortedMap<String, Long> skippedByReason, List<String> examples, List<String> days,
                         double seconds, Path store) {

        /** @return rows imported, all kinds */
        public long rows() {
            return quotes + trades + bars;
        }

        /** @return rows imported per second */
        public double rowsPerSecond() {
            return seconds > 0 ? rows() / seconds : 0;
        }
    }

    private static final int EXAMPLES = 5;

    private final Path root;
    private final Map<String, Instrument> instruments;
    private boolean replace;
    private boolean skipBad;
    private Progress progress;

    /**
     * @param root        the store root (created if missing)
     * @param instruments instruments by the name the CSV files use
     */
    public MarketDataImport(Path root, Map<String, Instrument> instruments) {
        this.root = root;
        this.instruments = instruments;
    }

    /**
     * @param replace true to overwrite the days that already hold a kind being imported
     * @return this
     */
    public MarketDataImport replace(boolean replace) {
        this.replace = replace;
        return this;
    }

    /**
     * @param skipBad true to skip and count bad rows instead of failing
     * @return this
     */
    public MarketDataImport skipBad(boolean skipBad) {
        this.skipBad = skipBad;
        return this;
    }

    /**
     * @param progress called every few thousand rows and at the end of each file, or null
     * @return this
     */
    public MarketDataImport progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /**
     * Imports files and folders of CSV files (a folder's {@code *.csv} and {@code *.csv.gz} children, by name).
     *
     * @param paths files or folders
     * @return what was imported
     * @throws DataFormatException if a row is bad (without {@link #skipBad}) or a day already holds the data (without
     *                             {@link #replace}); the store is unchanged
     * @throws IOException         if a file cannot be read or written; the store is unchanged
     */
    public Report run(List<Path> paths) throws IOException {
        long started = System.nanoTime();
        List<Path> files = Inputs.expand(paths);
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += Files.size(f);
        }
        Files.createDirectories(root);
        Path staging = Files.createTempDirectory(root, ".import-");
        Map<String, DayWriter> writers = new HashMap<>();
        long[] counts = new long[4];
        long skipped = 0;
        SortedMap<String, Long> reasons = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        long bytesDone = 0;
        try {
            MarketEvent e = new MarketEvent();
            for (Path file : files) {
                try (CsvReader reader = new CsvReader(file, instruments)) {
                    DayWriter[] current = new DayWriter[0];
                    long[] dayEnd = new long[0];
                    List<DayWriter> touched = new ArrayList<>();
                    while (true) {
                        try {
                            if (!reader.next(e)) {
                                break;
                            }
                            int local = e.instrument;
                            if (local >= current.length) {
                                current = Arrays.copyOf(current, local + 8);
                                dayEnd = Arrays.copyOf(dayEnd, local + 8);
                            }
                            DayWriter w = current[local];
                            if (w == null || e.timestamp >= dayEnd[local]) {
                                if (w != null) {
                                    w.close();
                                }
                                Instrument instrument = reader.instruments().get(local);
                                long day = Text.dayOf(e.timestamp);
                                w = writer(writers, staging, instrument, day, e.kind, reader);
                                current[local] = w;
                                dayEnd[local] = (day + 1) * Text.nanosPerDay();
                                if (!touched.contains(w)) {
                                    touched.add(w);
                                }
                            }
                            if (e.timestamp < w.last()) {
                                throw new BadRowException(reader.name(), reader.line(), "out of time order",
                                        "out of time order: before the last " + StoreFormat.kindName(e.kind)
                                                + " row of " + reader.instruments().get(local).id()
                                                + " in an earlier file");
                            }
                            w.append(e);
                            counts[e.kind]++;
                            if (progress != null && (counts[1] + counts[2] + counts[3]) % 65536 == 0) {
                                progress.update(bytesDone + reader.bytesRead(), totalBytes,
                                        counts[1] + counts[2] + counts[3]);
                            }
                        } catch (BadRowException bad) {
                            if (!skipBad) {
                                throw bad;
                            }
                            skipped++;
                            reasons.merge(bad.reason(), 1L, Long::sum);
                            if (examples.size() < EXAMPLES) {
                                examples.add(bad.getMessage());
                            }
                        }
                    }
                    for (DayWriter w : touched) {
                        w.close();
                    }
                    if (reader.kind() == MarketEvent.BAR) {
                        for (int local = 0; local < reader.instruments().size(); local++) {
                            String prefix = reader.instruments().get(local).id().value() + "/";
                            for (Map.Entry<String, DayWriter> w : writers.entrySet()) {
                                if (w.getKey().startsWith(prefix) && w.getValue().kind() == MarketEvent.BAR
                                        && touched.contains(w.getValue())) {
                                    w.getValue().barInterval(reader.barInterval(local));
                                }
                            }
                        }
                    }
                    bytesDone += Files.size(file);
                    if (progress != null) {
                        progress.update(bytesDone, totalBytes, counts[1] + counts[2] + counts[3]);
                    }
                }
            }
            List<String> keys = new ArrayList<>(writers.keySet());
            Collections.sort(keys);
            for (String key : keys) {
                writers.get(key).finish();
            }
            for (String key : keys) {
                checkFree(key, null);
            }
            for (String key : keys) {
                commit(staging, key);
            }
            long rows = counts[1] + counts[2] + counts[3];
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Report(files.size(), counts[MarketEvent.QUOTE], counts[MarketEvent.TRADE],
                    counts[MarketEvent.BAR], skipped, Collections.unmodifiableSortedMap(reasons),
                    List.copyOf(examples), List.copyOf(keys), rows == 0 && seconds == 0 ? 0 : seconds, root);
        } finally {
            for (DayWriter w : writers.values()) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // the staging folder goes below anyway
                }
            }
            Inputs.deleteTree(staging);
        }
    }

    private DayWriter writer(Map<String, DayWriter> writers, Path staging, Instrument instrument, long day, byte kind,
                             CsvReader reader) throws IOException {
        String key = instrument.id().value() + "/" + LocalDate.ofEpochDay(day) + "/" + StoreFormat.kindName(kind);
        DayWriter w = writers.get(key);
        if (w == null) {
            checkFree(key, reader);
            w = new DayWriter(staging.resolve(key).getParent(), kind, instrument);
            writers.put(key, w);
        }
        return w;
    }

    private void checkFree(String key, CsvReader reader) throws DataFormatException {
        if (replace) {
            return;
        }
        String[] parts = key.split("/");
        if (Files.exists(root.resolve(parts[0]).resolve(parts[1]).resolve(parts[2] + ".meta"))) {
            String problem = parts[0] + " " + parts[1] + " already holds " + parts[2] + " in the store " + root
                    + " (--replace to overwrite)";
            throw reader == null ? new DataFormatException(root.toString(), 0, problem)
                    : new DataFormatException(reader.name(), reader.line(), problem);
        }
    }

    private void commit(Path staging, String key) throws IOException {
        String[] parts = key.split("/");
        Path from = staging.resolve(parts[0]).resolve(parts[1]);
        Path to = root.resolve(parts[0]).resolve(parts[1]);
        Files.createDirectories(to);
        Path meta = to.resolve(parts[2] + ".meta");
        Files.deleteIfExists(meta);
        for (String column : StoreFormat.columns(kindOf(parts[2]))) {
            String name = parts[2] + "." + column;
            move(from.resolve(name), to.resolve(name));
        }
        move(from.resolve(parts[2] + ".meta"), meta);
    }

    private static byte kindOf(String name) {
        return switch (name) {
            case "quotes" -> MarketEvent.QUOTE;
            case "trades" -> MarketEvent.TRADE;
            default -> MarketEvent.BAR;
        };
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
