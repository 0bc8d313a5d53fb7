package io.nautilus.data;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

final class TestData {

    static final Instrument BTC = instrument("SIM-BTC", 2, 4, 50);
    static final Instrument ETH = instrument("SIM-ETH", 2, 3, 5);
    static final Instrument ACME = instrument("SIM-ACME", 2, 0, 1);

    static final Map<String, Instrument> INSTRUMENTS = Map.of("SIM-BTC", BTC, "SIM-ETH", ETH, "SIM-ACME", ACME);

    private TestData() {
    }

    static Instrument instrument(String symbol, int priceScale, int quantityScale, long tick) {
        return new Instrument(InstrumentId.of(symbol), symbol, VenueId.of("SIM"), tick, 1, 1, priceScale,
                quantityScale, "USD");
    }

    static Path write(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }

    static List<MarketEvent> readAll(MarketEventSource source) throws IOException {
        List<MarketEvent> out = new ArrayList<>();
        MarketEvent e = new MarketEvent();
        while (source.next(e)) {
            MarketEvent copy = new MarketEvent();
            copy.copyFrom(e);
            out.add(copy);
        }
        return out;
    }

    static List<MarketEvent> read(List<Path> paths) throws IOException {
        try (MarketEventSource s = MarketData.open(paths, INSTRUMENTS, Long.MIN_VALUE, Long.MAX_VALUE)) {
            return readAll(s);
        }
    }

    /** Every file under a folder with its size, to compare a store before and after. */
    static Map<String, Long> snapshot(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (var s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? -1L : Files.size(p));
            }
        }
        return out;
    }
}
