package io.nautilus.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.nautilus.data.TestData.INSTRUMENTS;
import static io.nautilus.data.TestData.read;
import static io.nautilus.data.TestData.snapshot;
import static io.nautilus.data.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketDataImportTest {

    @TempDir
    Path dir;

    private Path quotes() throws Exception {
        return write(dir, "in/quotes.csv.gz",
                "timestamp,instrument,bidPrice,bidSize,askPrice,askSize",
                "2024-01-02T23:59:59.999999999Z,SIM-BTC,30000.00,0.5,30000.50,0.25",
                "2024-01-02T23:59:59.999999999Z,SIM-ETH,2000.00,1.5,2000.05,2",
                "2024-01-03T00:00:00Z,SIM-BTC,,,30001.00,1",
                "2024-01-03T00:00:01Z,SIM-ACME,99.99,100,100.01,200");
    }

    private Path trades() throws Exception {
        return write(dir, "in/trades.csv",
                "timestamp,instrument,price,size,aggressor",
                "2024-01-02T12:00:00Z,SIM-BTC,30000.50,0.001,BUY",
                "2024-01-03T00:00:00Z,SIM-BTC,30001.00,0.002,SELL",
                "2024-01-03T00:00:00Z,SIM-ETH,2000.05,0.5,");
    }

    private Path bars() throws Exception {
        return write(dir, "in/bars.csv",
                "timestamp,instrument,open,high,low,close,volume",
                "2024-01-02T00:01:00Z,SIM-ACME,100,100.5,99.5,100.25,10",
                "2024-01-02T00:02:00Z,SIM-ACME,100.25,100.5,100,100,5",
                "2024-01-02T00:04:00Z,SIM-ACME,100,100.5,100,100.5,",
                "2024-01-03T00:00:00Z,SIM-ACME,100.5,100.5,100.5,100.5,1");
    }

    @Test
    void storeRoundTripIsExactAndListed() throws Exception {
        Path root = dir.resolve("store");
        List<Path> inputs = List.of(quotes(), trades(), bars());
        MarketDataImport.Report report = new MarketDataImport(root, INSTRUMENTS).run(inputs);
        assertThat(report.quotes()).isEqualTo(4);
        assertThat(report.trades()).isEqualTo(3);
        assertThat(report.bars()).isEqualTo(4);
        assertThat(report.skipped()).isZero();
        assertThat(report.files()).isEqualTo(3);

        List<MarketEvent> fromCsv = read(inputs);
        List<MarketEvent> fromStore = read(List.of(root));
        assertThat(fromStore).hasSize(11);
        assertThat(fromStore).usingRecursiveFieldByFieldElementComparator().isEqualTo(fromCsv);
        assertThat(Files.list(root).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("SIM-ACME", "SIM-BTC", "SIM-ETH");

        List<MarketDataStore.Entry> entries = MarketDataStore.list(root);
        assertThat(entries).extracting(e -> e.instrument() + "/" + e.day() + "/" + e.kind() + "=" + e.rows())
                .containsExactly("SIM-ACME/2024-01-02/bars=3", "SIM-ACME/2024-01-03/bars=1",
                        "SIM-ACME/2024-01-03/quotes=1", "SIM-BTC/2024-01-02/quotes=1",
                        "SIM-BTC/2024-01-02/trades=1", "SIM-BTC/2024-01-03/quotes=1", "SIM-BTC/2024-01-03/trades=1",
                        "SIM-ETH/2024-01-02/quotes=1", "SIM-ETH/2024-01-03/trades=1");
        assertThat(entries.get(0).barInterval()).isEqualTo(60_000_000_000L);
        assertThat(entries.get(1).barInterval()).isEqualTo(60_000_000_000L);

        try (MarketEventSource s = MarketData.open(List.of(root), INSTRUMENTS, Long.MIN_VALUE, Long.MAX_VALUE)) {
            assertThat(s.estimatedEvents()).isEqualTo(11);
            assertThat(s.kinds(0)).isEqualTo((1 << MarketEvent.BAR) | (1 << MarketEvent.QUOTE));
            assertThat(s.barIntervalNanos(0)).isEqualTo(60_000_000_000L);
            assertThat(s.barIntervalNanos(1)).isZero();
        }
        // instrument folder and day folder of a store
        assertThat(read(List.of(root.resolve("SIM-BTC")))).hasSize(4);
        assertThat(read(List.of(root.resolve("SIM-BTC/2024-01-03")))).hasSize(2);
    }

    @Test
    void theBarIntervalIsDetectedPerInstrumentPerFile() throws Exception {
        Path root = dir.resolve("store");
        Path f = write(dir, "bars5.csv", "timestamp,instrument,open,high,low,close,volume",
                "2024-01-02T00:05:00Z,SIM-ETH,1,1,1,1,1",
                "2024-01-02T00:15:00Z,SIM-ETH,1,1,1,1,1",
                "2024-01-02T00:20:00Z,SIM-ETH,1,1,1,1,1",
                "2024-01-02T00:20:00Z,SIM-BTC,1,1,1,1,1");
        new MarketDataImport(root, INSTRUMENTS).run(List.of(f));
        assertThat(MarketDataStore.list(root)).extracting(e -> e.instrument() + "=" + e.barInterval())
                .containsExactly("SIM-BTC=60000000000", "SIM-ETH=300000000000");
        List<MarketEvent> events = read(List.of(root));
        assertThat(events.get(0).barStart).isEqualTo(events.get(0).timestamp - 300_000_000_000L);
    }

    @Test
    void aBadRowInTheSecondFileLeavesTheStoreUnchanged() throws Exception {
        Path root = dir.resolve("store");
        new MarketDataImport(root, INSTRUMENTS).run(List.of(trades()));
        Map<String, Long> before = snapshot(root);
        Path bad = write(dir, "in2/z-bad.csv", "timestamp,instrument,price,size",
                "2024-01-05T00:00:00Z,SIM-ETH,2000.05,0.5",
                "2024-01-05T00:00:01Z,SIM-ETH,2000.051,0.5");
        assertThatThrownBy(() -> new MarketDataImport(root, INSTRUMENTS).run(List.of(quotes(), bad)))
                .isInstanceOf(DataFormatException.class).hasMessageStartingWith(bad + ":3: ")
                .hasMessageContaining("more decimals than its price scale 2");
        assertThat(snapshot(root)).isEqualTo(before);
    }

    @Test
    void skipBadCountsRowsByReason() throws Exception {
        Path root = dir.resolve("store");
        Path f = write(dir, "mixed.csv", "timestamp,instrument,price,size",
                "2024-01-02T00:00:00Z,SIM-ETH,2000.05,0.5",
                "2024-01-02T00:00:01Z,SIM-NOPE,1,1",
                "2024-01-02T00:00:02Z,SIM-ETH,abc,1",
                "2024-01-01T00:00:02Z,SIM-ETH,1,1",
                "2024-01-02T00:00:03Z,SIM-ETH,2000.10,0.5",
                "2024-01-02T00:00:04Z,SIM-ETH,2000.10,0.5001");
        assertThatThrownBy(() -> new MarketDataImport(root, INSTRUMENTS).run(List.of(f)))
                .hasMessageStartingWith(f + ":3: unknown instrument 'SIM-NOPE'");
        MarketDataImport.Report r = new MarketDataImport(root, INSTRUMENTS).skipBad(true).run(List.of(f));
        assertThat(r.trades()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(4);
        assertThat(r.skippedByReason()).containsExactly(Map.entry("bad number", 1L),
                Map.entry("off the quantity scale", 1L), Map.entry("out of time order", 1L),
                Map.entry("unknown instrument", 1L));
        assertThat(r.examples()).hasSize(4);
        assertThat(r.examples().get(0)).startsWith(f + ":3: ");
        assertThat(read(List.of(root))).hasSize(2);
    }

    @Test
    void aDayThatHoldsTheKindIsRefusedUnlessReplace() throws Exception {
        Path root = dir.resolve("store");
        new MarketDataImport(root, INSTRUMENTS).run(List.of(trades()));
        Map<String, Long> before = snapshot(root);
        Path again = write(dir, "again.csv", "timestamp,instrument,price,size",
                "2024-01-02T13:00:00Z,SIM-BTC,30002.00,0.001");
        assertThatThrownBy(() -> new MarketDataImport(root, INSTRUMENTS).run(List.of(again)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("SIM-BTC 2024-01-02 already holds trades").hasMessageContaining("--replace");
        assertThat(snapshot(root)).isEqualTo(before);
        // another kind on the same day is fine
        new MarketDataImport(root, INSTRUMENTS).run(List.of(quotes()));
        MarketDataImport.Report r = new MarketDataImport(root, INSTRUMENTS).replace(true).run(List.of(again));
        assertThat(r.trades()).isEqualTo(1);
        List<MarketEvent> day = read(List.of(root.resolve("SIM-BTC/2024-01-02")));
        assertThat(day).extracting(e -> e.kind == MarketEvent.TRADE ? "T" + e.price : "Q" + e.askPrice)
                .containsExactly("T3000200", "Q3000050");
    }

    @Test
    void rowsOfOneDaySpreadOverTwoFilesMustStayInOrder() throws Exception {
        Path root = dir.resolve("store");
        Path a = write(dir, "a.csv", "timestamp,instrument,price,size", "2024-01-02T10:00:00Z,SIM-ACME,1,1");
        Path b = write(dir, "b.csv", "timestamp,instrument,price,size", "2024-01-02T11:00:00Z,SIM-ACME,1,1");
        assertThat(new MarketDataImport(root, INSTRUMENTS).run(List.of(a, b)).trades()).isEqualTo(2);
        Path c = write(dir, "c.csv", "timestamp,instrument,price,size", "2024-01-03T10:00:00Z,SIM-ACME,1,1");
        Path d = write(dir, "d.csv", "timestamp,instrument,price,size", "2024-01-03T09:00:00Z,SIM-ACME,1,1");
        assertThatThrownBy(() -> new MarketDataImport(root, INSTRUMENTS).run(List.of(c, d)))
                .hasMessageStartingWith(d + ":2: out of time order");
    }

    @Test
    void aFolderOfCsvFilesIsReadByName() throws Exception {
        Path root = dir.resolve("store");
        quotes();
        trades();
        bars();
        MarketDataImport.Report r = new MarketDataImport(root, INSTRUMENTS).run(List.of(dir.resolve("in")));
        assertThat(r.files()).isEqualTo(3);
        assertThat(r.rows()).isEqualTo(11);
    }
}
