package io.nautilus.data;

import io.nautilus.data.internal.StoreFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a store holds: one entry per instrument, day and kind. */
public final class MarketDataStore {

    /**
     * One instrument's data of one kind on one UTC day.
     *
     * @param instrument     the instrument folder's name
     * @param day            the day, {@code yyyy-MM-dd}
     * @param kind           quotes, trades or bars
     * @param rows           number of rows
     * @param firstTimestamp first timestamp, nanoseconds since the epoch
     * @param lastTimestamp  last timestamp, nanoseconds since the epoch
     * @param barInterval    bar interval in nanoseconds (bars), else 0
     */
    public record Entry(String instrument, String day, String kind, long rows, long firstTimestamp,
                        long lastTimestamp, long barInterval) {
    }

    private MarketDataStore() {
    }

    /**
     * Lists a store, sorted by instrument, day and kind (bars, quotes, trades).
     *
     * @param root the store root
     * @return the entries; none if the root does not exist
     * @throws IOException if it cannot be read or a meta file is bad
     */
    public static List<Entry> list(Path root) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        for (Path instrument : children(root)) {
            if (instrument.getFileName().toString().startsWith(".")) {
                continue;
            }
            for (Path day : children(instrument)) {
                if (!StoreFormat.DAY.matcher(day.getFileName().toString()).matches()) {
                    continue;
                }
                for (byte kind : StoreFormat.KINDS) {
                    String name = StoreFormat.kindName(kind);
                    Path meta = day.resolve(name + ".meta");
                    if (Files.isRegularFile(meta)) {
                        StoreFormat.Meta m = StoreFormat.Meta.read(meta);
                        out.add(new Entry(instrument.getFileName().toString(), day.getFileName().toString(), name,
                                m.rows(), m.first(), m.last(), m.barInterval()));
                    }
                }
            }
        }
        return out;
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory).sorted().forEach(out::add);
        }
        return out;
    }
}
