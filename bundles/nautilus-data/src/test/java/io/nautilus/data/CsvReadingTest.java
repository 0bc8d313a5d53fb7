package io.nautilus.data;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.nautilus.data.TestData.read;
import static io.nautilus.data.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReadingTest {

    @TempDir
    Path dir;

    private static long nanos(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void readsQuotesWithExtraColumnsAndEmptySides() throws Exception {
        Path f = write(dir, "q.csv",
                "timestamp,instrument,bidPrice,bidSize,askPrice,askSize,venue",
                "2024-01-02T09:30:00.123456789Z,SIM-BTC,30000.5,0.0012,30001,1.5,X",
                "2024-01-02T09:30:01Z,SIM-BTC,,,30001.00,2,Y");
        List<MarketEvent> events = read(List.of(f));
        assertThat(events).hasSize(2);
        MarketEvent e = events.get(0);
        assertThat(e.kind).isEqualTo(MarketEvent.QUOTE);
        assertThat(e.timestamp).isEqualTo(nanos("2024-01-02T09:30:00.123456789Z"));
        assertThat(e.bidPrice).isEqualTo(3_000_050L);
        assertThat(e.bidSize).isEqualTo(12L);
        assertThat(e.askPrice).isEqualTo(3_000_100L);
        assertThat(e.askSize).isEqualTo(15_000L);
        assertThat(events.get(1).bidPrice).isEqualTo(FixedPoint.NULL);
        assertThat(events.get(1).bidSize).isZero();
    }

    @Test
    void readsTradesWithAndWithoutAggressorGzipped() throws Exception {
        Path a = write(dir, "t1.csv.gz",
                "timestamp,instrument,price,size,aggressor",
                "1704187800000000000,SIM-ETH,2000.05,1.5,BUY",
                "1704187800000000001,SIM-ETH,2000.10,0.001,sell",
                "1704187800000000002,SIM-ETH,2000.10,0.001,");
        Path b = write(dir, "t2.csv", "timestamp,instrument,price,size", "2024-01-02,SIM-ACME,100.01,7");
        List<MarketEvent> events = read(List.of(a, b));
        assertThat(events).extracting(e -> e.kind).containsOnly(MarketEvent.TRADE);
        assertThat(events.get(0).timestamp).isEqualTo(nanos("2024-01-02T00:00:00Z"));
        assertThat(events.get(0).price).isEqualTo(10_001L);
        assertThat(events.get(0).size).isEqualTo(7L);
        assertThat(events.get(0).aggressor).isNull();
        assertThat(events.get(1).price).isEqualTo(200_005L);
        assertThat(events.get(1).size).isEqualTo(1_500L);
        assertThat(events.get(1).aggressor).isEqualTo(Side.BUY);
        assertThat(events.get(2).aggressor).isEqualTo(Side.SELL);
        assertThat(events.get(3).aggressor).isNull();
    }

    @Test
    void readsBarsWithCloseTimestampsAndDetectsTheInterval() throws Exception {
        Path f = write(dir, "b.csv",
                "timestamp,instrument,open,high,low,close,volume",
                "2024-01-02T00:05:00Z,SIM-ACME,100,101,99.5,100.5,10",
                "2024-01-02T00:10:00Z,SIM-ACME,100.5,101,100,100.75,3",
                "2024-01-02T00:20:00Z,SIM-ACME,100.5,101,100,100.75,3",
                "2024-01-02T00:05:00Z,SIM-BTC,30000,30001,29999,30000.5,0.5");
        assertThatThrownBy(() -> read(List.of(f))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("b.csv:5").hasMessageContaining("out of time order");
        Path g = write(dir, "b2.csv",
                "timestamp,instrument,open,high,low,close,volume",
                "2024-01-02T00:05:00Z,SIM-ACME,100,101,99.5,100.5,10",
                "2024-01-02T00:05:00Z,SIM-BTC,30000,30001,29999,30000.5,0.5",
                "2024-01-02T00:10:00Z,SIM-ACME,100.5,101,100,100.75,3",
                "2024-01-02T00:20:00Z,SIM-ACME,100.5,101,100,100.75,3");
        try (MarketEventSource s = MarketData.open(List.of(g), TestData.INSTRUMENTS, Long.MIN_VALUE,
                Long.MAX_VALUE)) {
            assertThat(s.instruments()).extracting(i -> i.symbol()).containsExactly("SIM-ACME", "SIM-BTC");
            assertThat(s.barIntervalNanos(0)).isEqualTo(300_000_000_000L);
            assertThat(s.barIntervalNanos(1)).isEqualTo(60_000_000_000L);
            assertThat(s.kinds(0)).isEqualTo(1 << MarketEvent.BAR);
            assertThat(s.estimatedEvents()).isEqualTo(4);
            List<MarketEvent> events = TestData.readAll(s);
            MarketEvent first = events.get(0);
            assertThat(first.timestamp).isEqualTo(nanos("2024-01-02T00:05:00Z"));
            assertThat(first.barStart).isEqualTo(nanos("2024-01-02T00:00:00Z"));
            assertThat(first.low).isEqualTo(9_950L);
            assertThat(events.get(1).instrument).isEqualTo(1);
            assertThat(events.get(1).barStart).isEqualTo(nanos("2024-01-02T00:04:00Z"));
        }
    }

    @Test
    void unknownHeaderNamesTheFileAndLine() throws Exception {
        Path f = write(dir, "x.csv", "time,sym,px", "1,SIM-BTC,1");
        assertThatThrownBy(() -> read(List.of(f))).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(f + ":1: unknown header 'time,sym,px'");
    }

    @Test
    void badRowsNameTheFileAndLine() throws Exception {
        String header = "timestamp,instrument,price,size";
        assertBad(header, "2024-01-02T00:00:01Z,SIM-BTC,12x.5,1", "bad number '12x.5'");
        assertBad(header, "2024-01-02T00:00:01Z,SIM-BTC,30000.125,1", "more decimals than its price scale 2");
        assertBad(header, "2024-01-02T00:00:01Z,SIM-BTC,30000.12,0.00001", "more decimals than its quantity scale 4");
        assertBad(header, "2024-01-02T00:00:01Z,SIM-XYZ,1,1", "unknown instrument 'SIM-XYZ'");
        assertBad(header, "2024-01-01T00:00:01Z,SIM-BTC,1,1", "out of time order");
        assertBad(header, "2024-13-01T00:00:01Z,SIM-BTC,1,1", "bad timestamp");
        assertBad(header, "2024-01-02T00:00:01,SIM-BTC,1,1", "bad timestamp");
        assertBad(header, "2024-01-02T00:00:01Z,SIM-BTC,1", "missing field");
        assertBad("timestamp,instrument,open,high,low,close,volume",
                "2024-01-02T00:00:01Z,SIM-BTC,10,11,10.5,10.75,1", "bar invariant");
    }

    @Test
    void trailingZerosBeyondTheScaleAreExact() throws Exception {
        Path f = write(dir, "t.csv", "timestamp,instrument,price,size", "5,SIM-BTC,30000.1000,0.00010");
        MarketEvent e = read(List.of(f)).get(0);
        assertThat(e.price).isEqualTo(3_000_010L);
        assertThat(e.size).isEqualTo(1L);
        assertThat(e.timestamp).isEqualTo(5L);
    }

    @Test
    void crlfLinesBlankLinesAndNoFinalNewline() throws Exception {
        Path f = dir.resolve("crlf.csv");
        java.nio.file.Files.writeString(f, "Timestamp,Instrument,Price,Size\r\n3,SIM-ACME,1.5,2\r\n\r\n4,SIM-ACME,1.25,3");
        List<MarketEvent> events = read(List.of(f));
        assertThat(events).extracting(e -> e.timestamp + ":" + e.price + "x" + e.size)
                .containsExactly("3:150x2", "4:125x3");
    }

    @Test
    void longFilesCrossTheReadBuffer() throws Exception {
        StringBuilder b = new StringBuilder("timestamp,instrument,price,size\n");
        for (int i = 0; i < 60_000; i++) {
            b.append(1_000_000L + i).append(",SIM-ETH,2000.05,0.001\n");
        }
        Path f = dir.resolve("long.csv");
        java.nio.file.Files.writeString(f, b);
        List<MarketEvent> events = read(List.of(f));
        assertThat(events).hasSize(60_000);
        assertThat(events.get(59_999).timestamp).isEqualTo(1_059_999L);
        assertThat(events).allSatisfy(e -> assertThat(e.price).isEqualTo(200_005L));
    }

    private void assertBad(String header, String row, String message) throws Exception {
        String first = header.contains("open") ? "2024-01-02T00:00:00Z,SIM-BTC,30000,30000,30000,30000,1"
                : "2024-01-02T00:00:00Z,SIM-BTC,30000,1";
        Path f = write(dir, "bad.csv", header, first, row);
        Path file = f;
        assertThatThrownBy(() -> read(List.of(file))).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ":3: ").hasMessageContaining(message)
                .satisfies(t -> assertThat(((DataFormatException) t).line()).isEqualTo(3));
    }
}
