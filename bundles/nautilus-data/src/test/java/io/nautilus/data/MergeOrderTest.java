package io.nautilus.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.nautilus.data.TestData.INSTRUMENTS;
import static io.nautilus.data.TestData.readAll;
import static io.nautilus.data.TestData.write;
import static org.assertj.core.api.Assertions.assertThat;

class MergeOrderTest {

    @TempDir
    Path dir;

    private static long t(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private List<Path> files() throws Exception {
        Path trades = write(dir, "1-trades.csv", "timestamp,instrument,price,size",
                "2024-01-02T00:01:00Z,SIM-ETH,2000,1",
                "2024-01-02T00:01:00Z,SIM-ACME,100,1",
                "2024-01-02T00:02:00Z,SIM-ACME,100,2");
        Path quotes = write(dir, "2-quotes.csv", "timestamp,instrument,bidPrice,bidSize,askPrice,askSize",
                "2024-01-02T00:00:30Z,SIM-BTC,30000,1,30001,1",
                "2024-01-02T00:01:00Z,SIM-BTC,30000,1,30001,1",
                "2024-01-02T00:01:00Z,SIM-ACME,100,1,100.01,1");
        Path bars = write(dir, "3-bars.csv", "timestamp,instrument,open,high,low,close,volume",
                "2024-01-02T00:01:00Z,SIM-ETH,2000,2000,2000,2000,1",
                "2024-01-02T00:02:00Z,SIM-ETH,2000,2000,2000,2000,1");
        Path moreTrades = write(dir, "4-trades.csv", "timestamp,instrument,price,size",
                "2024-01-02T00:01:00Z,SIM-ACME,101,9");
        return List.of(trades, quotes, bars, moreTrades);
    }

    private static String key(MarketEvent e) {
        String kind = e.kind == MarketEvent.BAR ? "B" : e.kind == MarketEvent.QUOTE ? "Q" : "T";
        return e.timestamp / 1_000_000_000L % 3600 + kind + e.instrument
                + (e.kind == MarketEvent.TRADE ? "/" + e.size : "");
    }

    @Test
    void equalTimestampsComeBarsQuotesTradesThenInstrumentThenSource() throws Exception {
        try (MarketEventSource s = MarketData.open(files(), INSTRUMENTS, Long.MIN_VALUE, Long.MAX_VALUE)) {
            assertThat(s.instruments()).extracting(i -> i.symbol()).containsExactly("SIM-ACME", "SIM-BTC", "SIM-ETH");
            assertThat(s.kinds(0)).isEqualTo((1 << MarketEvent.QUOTE) | (1 << MarketEvent.TRADE));
            assertThat(s.kinds(2)).isEqualTo((1 << MarketEvent.BAR) | (1 << MarketEvent.TRADE));
            assertThat(s.barIntervalNanos(2)).isEqualTo(60_000_000_000L);
            assertThat(s.estimatedEvents()).isEqualTo(9);
            assertThat(readAll(s)).extracting(MergeOrderTest::key).containsExactly(
                    "30Q1", "60B2", "60Q0", "60Q1", "60T0/1", "60T0/9", "60T2/1000", "120B2", "120T0/2");
            assertThat(s.eventsRead()).isEqualTo(9);
        }
    }

    @Test
    void theSameOrderFromAStore() throws Exception {
        Path root = dir.resolve("store");
        List<Path> files = files();
        new MarketDataImport(root, INSTRUMENTS).run(files.subList(0, 3));
        try (MarketEventSource s = MarketData.open(List.of(root, files.get(3)), INSTRUMENTS, Long.MIN_VALUE,
                Long.MAX_VALUE)) {
            assertThat(readAll(s)).extracting(MergeOrderTest::key).containsExactly(
                    "30Q1", "60B2", "60Q0", "60Q1", "60T0/1", "60T0/9", "60T2/1000", "120B2", "120T0/2");
        }
    }

    @Test
    void fromIsInclusiveToExclusiveForCsvAndStore() throws Exception {
        Path root = dir.resolve("store");
        List<Path> files = files();
        new MarketDataImport(root, INSTRUMENTS).run(files.subList(0, 3));
        long from = t("2024-01-02T00:01:00Z");
        long to = t("2024-01-02T00:02:00Z");
        for (List<Path> paths : List.of(files, List.of(root, files.get(3)))) {
            try (MarketEventSource s = MarketData.open(paths, INSTRUMENTS, from, to)) {
                assertThat(s.estimatedEvents()).isEqualTo(6);
                assertThat(readAll(s)).extracting(MergeOrderTest::key).containsExactly(
                        "60B2", "60Q0", "60Q1", "60T0/1", "60T0/9", "60T2/1000");
            }
        }
        try (MarketEventSource s = MarketData.open(List.of(root), INSTRUMENTS, t("2025-01-01T00:00:00Z"),
                Long.MAX_VALUE)) {
            assertThat(s.estimatedEvents()).isZero();
            assertThat(readAll(s)).isEmpty();
        }
    }
}
