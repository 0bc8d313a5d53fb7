package io.nautilus.benchmarks.data;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.MarketData;
import io.nautilus.data.MarketDataImport;
import io.nautilus.data.MarketEvent;
import io.nautilus.data.MarketEventSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Historical data benchmarks (issue 11), one JSON line each:
 * <ul>
 *   <li>{@code --mode import --data DIR [--runs 3]}: CSV files of DIR imported into a fresh store in a temp folder,
 *   rows/s per run and the median;</li>
 *   <li>{@code --mode read --store DIR [--runs 5]}: a full time-ordered read of a store through
 *   {@link MarketEventSource#next}, events/s per run and the median, and heap bytes allocated per event;</li>
 *   <li>{@code --mode rss --store DIR [--passes 1]}: full reads, then the process's peak resident memory (VmHWM) and its
 *   resident memory at the end (VmRSS), in MB.</li>
 * </ul>
 * The instruments are those of {@code etc/io.nautilus.core.instruments.cfg} (the sample generator's).
 */
public final class DataBench {

    private DataBench() {
    }

    /**
     * @param args see the class comment
     * @throws IOException if data cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        String mode = null;
        Path data = null;
        Path store = null;
        int runs = 3;
        int passes = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--store" -> store = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> usage();
            }
        }
        if (mode == null) {
            usage();
        }
        switch (mode) {
            case "import" -> importBench(data, store, runs);
            case "read" -> readBench(store, runs);
            case "rss" -> rssBench(store, passes);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: DataBench --mode import --data DIR [--store DIR] [--runs 3]"
                + " | --mode read --store DIR [--runs 5] | --mode rss --store DIR");
        System.exit(2);
    }

    static Map<String, Instrument> instruments() {
        return Map.of(
                "SIM-BTC", instrument("SIM-BTC", 50, 10, 2, 4),
                "SIM-ETH", instrument("SIM-ETH", 5, 1, 2, 3),
                "SIM-ACME", instrument("SIM-ACME", 1, 1, 2, 0));
    }

    private static Instrument instrument(String symbol, long tick, long lot, int ps, int qs) {
        return new Instrument(InstrumentId.of(symbol), symbol, VenueId.of("SIM"), tick, lot, lot, ps, qs, "USD");
    }

    private static void importBench(Path data, Path keep, int runs) throws IOException {
        List<Double> rates = new ArrayList<>();
        long rows = 0;
        long bytes;
        try (Stream<Path> s = Files.list(data)) {
            bytes = s.mapToLong(p -> p.toFile().length()).sum();
        }
        for (int r = 0; r < runs; r++) {
            Path store = keep != null && r == runs - 1 ? keep : Files.createTempDirectory("nautilus-data-bench-");
            try {
                MarketDataImport.Report report = new MarketDataImport(store, instruments()).replace(true)
                        .run(List.of(data));
                rows = report.rows();
                rates.add(report.rowsPerSecond());
                System.err.printf(Locale.ROOT, "run %d: %d rows in %.2f s, %.0f rows/s%n", r + 1, rows,
                        report.seconds(), report.rowsPerSecond());
            } finally {
                if (store != keep) {
                    delete(store);
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"data-import\",\"data\":\"%s\",\"bytes\":%d,\"rows\":%d,"
                + "\"rowsPerSecond\":%.0f,\"runs\":%s}%n", data, bytes, rows, median(rates), list(rates));
    }

    private static void readBench(Path store, int runs) throws IOException {
        List<Double> rates = new ArrayList<>();
        long events = 0;
        double bytesPerEvent = 0;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long checksum = 0;
        for (int r = 0; r < runs; r++) {
            long allocated = threads.getThreadAllocatedBytes(tid);
            long started = System.nanoTime();
            try (MarketEventSource source = MarketData.open(List.of(store), instruments(), Long.MIN_VALUE,
                    Long.MAX_VALUE)) {
                long loopAllocated = threads.getThreadAllocatedBytes(tid);
                MarketEvent e = new MarketEvent();
                long n = 0;
                while (source.next(e)) {
                    checksum += e.timestamp + e.instrument + (e.kind == MarketEvent.QUOTE ? e.bidPrice : e.close);
                    n++;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long loopBytes = threads.getThreadAllocatedBytes(tid) - loopAllocated;
                events = n;
                bytesPerEvent = n > 0 ? (double) loopBytes / n : 0;
                rates.add(n / seconds);
                System.err.printf(Locale.ROOT, "run %d: %d events in %.2f s, %.0f events/s, %.4f B/event in the"
                        + " loop (%d B opening)%n", r + 1, n, seconds, n / seconds, bytesPerEvent,
                        loopAllocated - allocated);
            }
        }
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"data-store-read\",\"store\":\"%s\",\"events\":%d,"
                + "\"eventsPerSecond\":%.0f,\"bytesAllocatedPerEvent\":%.4f,\"runs\":%s,\"checksum\":%d}%n", store,
                events, median(rates), bytesPerEvent, list(rates), checksum);
    }

    private static void rssBench(Path store, int passes) throws IOException {
        long started = System.nanoTime();
        long n = 0;
        long checksum = 0;
        for (int p = 0; p < passes; p++) {
            try (MarketEventSource source = MarketData.open(List.of(store), instruments(), Long.MIN_VALUE,
                    Long.MAX_VALUE)) {
                MarketEvent e = new MarketEvent();
                while (source.next(e)) {
                    checksum += e.timestamp;
                    n++;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String status = Files.readString(Path.of("/proc/self/status"));
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"data-store-read-rss\",\"store\":\"%s\",\"events\":%d,"
                + "\"passes\":%d,\"seconds\":%.2f,\"peakRssMb\":%.1f,\"endRssMb\":%.1f,\"endRssAnonMb\":%.1f,"
                + "\"endRssFileMb\":%.1f,\"checksum\":%d}%n", store, n, passes, seconds, kb(status, "VmHWM") / 1024.0,
                kb(status, "VmRSS") / 1024.0, kb(status, "RssAnon") / 1024.0, kb(status, "RssFile") / 1024.0,
                checksum);
    }

    private static long kb(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        if (v.length == 0) {
            return 0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String list(List<Double> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i > 0 ? "," : "").append(Math.round(values.get(i)));
        }
        return b.append(']').toString();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.toList());
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(all.get(i));
            }
        }
    }
}
