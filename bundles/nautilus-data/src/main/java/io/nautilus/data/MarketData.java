package io.nautilus.data;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.internal.CsvCursor;
import io.nautilus.data.internal.CsvReader;
import io.nautilus.data.internal.Cursor;
import io.nautilus.data.internal.Inputs;
import io.nautilus.data.internal.MergedSource;
import io.nautilus.data.internal.StoreCursor;
import io.nautilus.data.internal.StoreFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Opens historical market data for reading: CSV files, folders of them, and imported stores, merged in time order
 * into one {@link MarketEventSource}.
 */
public final class MarketData {

    /** Rows of a CSV file read ahead to learn its instruments and bar intervals before the first event. */
    static final long PEEK_ROWS = 1_000_000;

    private MarketData() {
    }

    /**
     * Opens data for a time-ordered read. Each path is a CSV file ({@code .csv}, {@code .csv.gz}), a folder of CSV
     * files (its direct children, by name), a store root, an instrument folder or a day folder of a store. The
     * instruments are indexed by symbol over those the data has; events outside [from, to) are skipped.
     *
     * <p>Each CSV file is read ahead (up to a million rows) to learn its instruments and, for bars, each
     * instrument's interval (the smallest positive gap between its bar timestamps; 60 s for a single bar). A file
     * longer than that makes every instrument of {@code instruments} part of the index, and the event count an
     * estimate.
     *
     * @param paths       the data, in source order (the last tie-breaker)
     * @param instruments instruments by the name the data uses (CSV instrument column, store folder name)
     * @param fromNanos   first timestamp wanted, inclusive ({@link Long#MIN_VALUE} for all)
     * @param toNanos     end of the wanted time, exclusive ({@link Long#MAX_VALUE} for all)
     * @return the source; close it when done
     * @throws DataFormatException if a header, a row read ahead, or a store's metadata is bad, or an instrument is
     *                             unknown
     * @throws IOException         if a path does not exist or cannot be read
     */
    public static MarketEventSource open(List<Path> paths, Map<String, Instrument> instruments, long fromNanos,
                                         long toNanos) throws IOException {
        List<Object> sources = new ArrayList<>();
        for (Path p : paths) {
            classify(p, instruments, sources);
        }
        Map<Instrument, Integer> kinds = new HashMap<>();
        Map<Instrument, Long> intervals = new HashMap<>();
        Map<Path, Map<Instrument, Long>> fileIntervals = new HashMap<>();
        boolean allKnown = true;
        long estimated = 0;
        boolean estimateKnown = true;
        for (Object s : sources) {
            if (s instanceof Path file) {
                Peek peek = peek(file, instruments, fromNanos, toNanos);
                fileIntervals.put(file, peek.intervals);
                for (Instrument i : peek.instruments) {
                    kinds.merge(i, 1 << peek.kind, (a, b) -> a | b);
                }
                peek.intervals.forEach((i, v) -> intervals.merge(i, v, Math::min));
                if (!peek.complete) {
                    allKnown = false;
                    for (Instrument i : instruments.values()) {
                        kinds.merge(i, 1 << peek.kind, (a, b) -> a | b);
                    }
                }
                if (peek.estimate < 0) {
                    estimateKnown = false;
                } else {
                    estimated += peek.estimate;
                }
            } else {
                StoreSeries series = (StoreSeries) s;
                kinds.merge(series.instrument, 1 << series.kind, (a, b) -> a | b);
                if (series.kind == MarketEvent.BAR) {
                    for (StoreCursor.Day d : series.days) {
                        if (d.meta().barInterval() > 0) {
                            intervals.merge(series.instrument, d.meta().barInterval(), Math::min);
                        }
                    }
                }
                estimated += StoreCursor.count(series.days, series.kind, fromNanos, toNanos);
            }
        }
        List<Instrument> sorted = new ArrayList<>(kinds.keySet());
        sorted.sort(Comparator.comparing(Instrument::symbol).thenComparing(i -> i.id().value()));
        Map<Instrument, Integer> index = new HashMap<>();
        int[] kindBits = new int[sorted.size()];
        long[] barIntervals = new long[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Instrument instrument = sorted.get(i);
            index.put(instrument, i);
            kindBits[i] = kinds.get(instrument);
            Long iv = intervals.get(instrument);
            barIntervals[i] = (kindBits[i] & (1 << MarketEvent.BAR)) == 0 ? 0 : iv == null ? 60_000_000_000L : iv;
        }
        List<Cursor> cursors = new ArrayList<>();
        try {
            for (Object s : sources) {
                if (s instanceof Path file) {
                    cursors.add(new CsvCursor(file, instruments, index, fileIntervals.get(file), fromNanos, toNanos));
                } else {
                    StoreSeries series = (StoreSeries) s;
                    cursors.add(new StoreCursor(series.kind, index.get(series.instrument), series.days, fromNanos,
                            toNanos));
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Cursor c : cursors) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // the first failure is the one reported
                }
            }
            throw e;
        }
        return new MergedSource(sorted, kindBits, barIntervals, cursors,
                estimateKnown || allKnown ? estimated : -1);
    }

    private record StoreSeries(Instrument instrument, byte kind, List<StoreCursor.Day> days) {
    }

    private record Peek(byte kind, List<Instrument> instruments, Map<Instrument, Long> intervals, boolean complete,
                        long estimate) {
    }

    private static Peek peek(Path file, Map<String, Instrument> instruments, long from, long to) throws IOException {
        try (CsvReader reader = new CsvReader(file, instruments)) {
            MarketEvent e = new MarketEvent();
            long rows = 0;
            long inRange = 0;
            boolean complete = true;
            while (reader.next(e)) {
                rows++;
                if (e.timestamp >= from && e.timestamp < to) {
                    inRange++;
                }
                if (rows >= PEEK_ROWS) {
                    complete = !reader.next(e);
                    break;
                }
            }
            Map<Instrument, Long> intervals = new LinkedHashMap<>();
            if (reader.kind() == MarketEvent.BAR) {
                for (int i = 0; i < reader.instruments().size(); i++) {
                    intervals.put(reader.instruments().get(i), reader.barInterval(i));
                }
            }
            long estimate = inRange;
            if (!complete) {
                long size = Files.size(file);
                estimate = reader.bytesRead() > 0 ? (long) (rows * (double) size / reader.bytesRead()) : -1;
            }
            return new Peek(reader.kind(), List.copyOf(reader.instruments()), intervals, complete, estimate);
        }
    }

    private static void classify(Path p, Map<String, Instrument> instruments, List<Object> sources)
            throws IOException {
        if (Files.isRegularFile(p)) {
            sources.add(p);
            return;
        }
        if (!Files.isDirectory(p)) {
            throw new NoSuchFileException(p.toString(), null, "no such file or folder");
        }
        if (hasMeta(p)) {
            addDays(p.toAbsolutePath().getParent(), List.of(p), instruments, sources);
            return;
        }
        List<Path> days = dayFolders(p);
        if (!days.isEmpty()) {
            addDays(p, days, instruments, sources);
            return;
        }
        List<Path> csv = Inputs.csvFiles(p);
        if (!csv.isEmpty()) {
            sources.addAll(csv);
            return;
        }
        List<Path> children = new ArrayList<>();
        try (Stream<Path> s = Files.list(p)) {
            s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted()
                    .forEach(children::add);
        }
        boolean any = false;
        for (Path child : children) {
            List<Path> d = dayFolders(child);
            if (!d.isEmpty()) {
                addDays(child, d, instruments, sources);
                any = true;
            }
        }
        if (!any) {
            throw new NoSuchFileException(p.toString(), null,
                    "no market data (neither CSV files nor a store of imported data)");
        }
    }

    private static boolean hasMeta(Path dir) {
        for (byte kind : StoreFormat.KINDS) {
            if (Files.isRegularFile(dir.resolve(StoreFormat.kindName(kind) + ".meta"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> dayFolders(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(d -> Files.isDirectory(d) && StoreFormat.DAY.matcher(d.getFileName().toString()).matches())
                    .sorted().forEach(out::add);
        }
        return out;
    }

    private static void addDays(Path instrumentDir, List<Path> days, Map<String, Instrument> instruments,
                                List<Object> sources) throws IOException {
        String name = instrumentDir.getFileName().toString();
        Instrument instrument = instruments.get(name);
        if (instrument == null) {
            for (Instrument i : instruments.values()) {
                if (i.id().value().equals(name)) {
                    instrument = i;
                }
            }
        }
        if (instrument == null) {
            throw new DataFormatException(instrumentDir.toString(), 0, "unknown instrument '" + name + "'");
        }
        Map<Byte, List<StoreCursor.Day>> byKind = new TreeMap<>(Comparator.comparingInt(k -> Cursor.rank(k)));
        for (Path day : days) {
            for (byte kind : StoreFormat.KINDS) {
                Path meta = day.resolve(StoreFormat.kindName(kind) + ".meta");
                if (!Files.isRegularFile(meta)) {
                    continue;
                }
                StoreFormat.Meta m = StoreFormat.Meta.read(meta);
                if (m.priceScale() != instrument.priceScale() || m.quantityScale() != instrument.quantityScale()) {
                    throw new DataFormatException(meta.toString(), 0, "imported at price/quantity scales "
                            + m.priceScale() + "/" + m.quantityScale() + " but " + instrument.id() + " has "
                            + instrument.priceScale() + "/" + instrument.quantityScale() + " (import it again)");
                }
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new StoreCursor.Day(day, m));
            }
        }
        for (Map.Entry<Byte, List<StoreCursor.Day>> e : byKind.entrySet()) {
            sources.add(new StoreSeries(instrument, e.getKey(), e.getValue()));
        }
    }
}
