package io.nautilus.backtest.engine;

import io.nautilus.backtest.api.BacktestRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestTest {

    static final String INSTRUMENTS = """
            SIM-ACME.priceScale = 2
            SIM-ACME.quantityScale = 0
            SIM-ACME.tickSize = 0.01
            SIM-ACME.lotSize = 1
            SIM-ACME.takerFeeBps = 10
            SIM-BTC.priceScale = 2
            SIM-BTC.quantityScale = 4
            SIM-BTC.tickSize = 0.50
            SIM-BTC.lotSize = 0.0010
            """;

    static final String QUOTES = """
            timestamp,instrument,bidPrice,bidSize,askPrice,askSize
            2024-01-02T09:30:00Z,SIM-ACME,100.00,50,100.02,40
            2024-01-02T09:30:01Z,SIM-ACME,100.01,50,100.03,40
            2024-01-02T09:30:02Z,SIM-ACME,100.05,50,100.07,40
            2024-01-02T09:30:03Z,SIM-ACME,100.10,50,100.12,40
            2024-01-03T09:30:00Z,SIM-ACME,101.00,50,101.02,40
            2024-01-03T09:30:01Z,SIM-ACME,101.10,50,101.12,40
            """;

    @TempDir
    Path dir;
    Environment env;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("instruments.cfg"), INSTRUMENTS);
        Files.writeString(dir.resolve("quotes.csv"), QUOTES);
        env = Environment.of(TestStrategies.catalog(TestStrategies.flipper()), dir.resolve("instruments.cfg"), dir,
                request -> QuoteExchange.factory(request.latencyMicros() * 1000));
    }

    BacktestResult run(String... args) throws BacktestException {
        List<String> all = new ArrayList<>(List.of(args));
        return Backtest.run(BacktestRequest.parse(all), env, ProgressListener.NONE, () -> false);
    }

    @Test
    void equityValuesAPositionAtTheExactQuoteMidEvenWhenItEndsInHalfAPriceUnit() throws Exception {
        Files.writeString(dir.resolve("odd.csv"), """
                timestamp,instrument,bidPrice,bidSize,askPrice,askSize
                2024-01-02T09:30:00Z,SIM-ACME,100.00,50,100.02,40
                2024-01-02T09:30:01Z,SIM-ACME,100.01,50,100.03,40
                2024-01-02T09:30:02Z,SIM-ACME,100.10,50,100.13,40
                """);

        run("--data", "odd.csv", "--strategy", "flipper", "--param", "sellAt=99", "--out", "out");

        // bought 10 at 100.03 (fee 1.01), marked at the mid 100.115: 100000 + 1001.15 - 1000.30 - 1.01
        assertThat(Files.readAllLines(dir.resolve("out/fills.csv")).get(1))
                .isEqualTo("2024-01-02T09:30:01Z,1,SIM-ACME,BUY,100.03,10,1.01,TAKER");
        assertThat(Files.readAllLines(dir.resolve("out/equity.csv"))).containsExactly("date,equity",
                "2024-01-02,99999.84");
        assertThat(Files.readString(dir.resolve("out/stats.json"))).contains("\"netPnl\": -0.16");
    }

    @Test
    void writesTheFourFilesWithTheirHeadersAndFillsAtTheNextQuote() throws Exception {
        BacktestResult result = run("--data", "quotes.csv", "--strategy", "flipper", "--out", "out");

        Path out = dir.resolve("out");
        assertThat(result.events()).isEqualTo(6);
        assertThat(result.fills()).isEqualTo(2);
        assertThat(Files.readAllLines(out.resolve("fills.csv"))).containsExactly(
                "timestamp,orderId,instrument,side,price,qty,fee,liquidity",
                "2024-01-02T09:30:01Z,1,SIM-ACME,BUY,100.03,10,1.01,TAKER",
                "2024-01-02T09:30:03Z,2,SIM-ACME,SELL,100.10,10,1.01,TAKER");
        assertThat(Files.readAllLines(out.resolve("orders.csv"))).containsExactly(
                Recorder.ORDERS_HEADER,
                "1,1,SIM-ACME,BUY,MARKET,IOC,,10,10,100.03,FILLED,,2024-01-02T09:30:00Z,2024-01-02T09:30:01Z",
                "2,2,SIM-ACME,SELL,MARKET,IOC,,10,10,100.10,FILLED,,2024-01-02T09:30:02Z,2024-01-02T09:30:03Z");
        assertThat(Files.readAllLines(out.resolve("equity.csv"))).containsExactly(
                "date,equity", "2024-01-02,99998.68", "2024-01-03,99998.68");
        String stats = Files.readString(out.resolve("stats.json"));
        assertThat(stats).contains("\"trades\": 2", "\"events\": 6", "\"roundTrips\": 1", "\"netPnl\": -1.32",
                "\"totalReturn\": -0.0000132,",
                "\"fees\": 2.02", "\"strategy\": \"flipper\"", "\"startDate\": \"2024-01-02\"");
        assertThat(stats).containsPattern("\"maxDrawdown\": -1\\.3[0-9]*E-5,")
                .contains("\"maxDrawdownStart\": \"2024-01-02\"", "\"maxDrawdownRecovery\": null",
                        "\"undefined\": {\"maxDrawdownRecovery\":\"not recovered by 2024-01-03\"", "\"var95\": ",
                        "\"periods\": 2,", "\"alpha\": null")
                .containsPattern("\"turnover\": [0-9.]+,");
        assertThat(stats.indexOf("\"sharpe\"")).isLessThan(stats.indexOf("\"trades\""));
        assertThat(stats.lines().toList().get(stats.lines().toList().size() - 3)).startsWith("  \"seconds\": ");
        assertThat(result.jsonLine()).startsWith("{\"events\":6,\"fills\":2,\"seconds\":")
                .endsWith(",\"out\":\"" + out + "\"}");
    }

    @Test
    void passesAccountIdAndTheDataBarIntervalToTheStrategy() throws Exception {
        Files.writeString(dir.resolve("bars.csv"), """
                timestamp,instrument,open,high,low,close,volume
                2024-01-02T09:35:00Z,SIM-ACME,100.00,100.50,99.50,100.20,1000
                2024-01-02T09:40:00Z,SIM-ACME,100.20,100.60,100.00,100.40,800
                """);
        run("--data", "bars.csv", "--strategy", "flipper", "--out", "out");

        assertThat(TestStrategies.SEEN.get(0)).contains("account=backtest", "barSpec=time:5m", "id=flipper");
        assertThat(TestStrategies.SEEN).contains("bar SIM-ACME 10020", "bar SIM-ACME 10040");
    }

    @Test
    void timersReplacesAndCancelsRunOnTheSimulatedClockThroughTheRealExchange() throws Exception {
        env = Environment.standard(TestStrategies.catalog(TestStrategies.worker()), dir.resolve("instruments.cfg"),
                dir);
        run("--data", "quotes.csv", "--strategy", "worker", "--out", "out");

        assertThat(TestStrategies.SEEN).containsSubsequence(
                "timer once at 2024-01-02T09:30:01.500Z",
                "cancelAll 1",
                "timer repeating at 2024-01-02T09:31:00Z",
                "timer repeating at 2024-01-02T09:32:00Z",
                "cancelTimer true",
                "stop at 2024-01-03T09:30:01Z");
        assertThat(TestStrategies.SEEN).filteredOn(l -> l.startsWith("timer repeating")).hasSize(2);
        assertThat(TestStrategies.SEEN).contains("REPLACED NEW working [1]", "CANCELED CANCELED working []");
        assertThat(Files.readAllLines(dir.resolve("out/orders.csv")).get(1))
                .startsWith("1,1,SIM-ACME,BUY,LIMIT,GTC,91.00,10,0,,CANCELED,")
                .endsWith(",2024-01-02T09:30:00Z,2024-01-02T09:30:02Z");
    }

    @Test
    void latencyDelaysTheArrival() throws Exception {
        run("--data", "quotes.csv", "--strategy", "flipper", "--latency-us", "1500000", "--out", "out");

        assertThat(Files.readAllLines(dir.resolve("out/fills.csv")).get(1))
                .isEqualTo("2024-01-02T09:30:02Z,1,SIM-ACME,BUY,100.07,10,1.01,TAKER");
    }

    @Test
    void theSameRunTwiceWritesTheSameFiles() throws Exception {
        run("--data", "quotes.csv", "--strategy", "flipper", "--out", "a");
        run("--data", "quotes.csv", "--strategy", "flipper", "--out", "b");

        for (String f : List.of("fills.csv", "orders.csv", "equity.csv")) {
            assertThat(Files.readString(dir.resolve("b").resolve(f))).isEqualTo(Files.readString(dir.resolve("a")
                    .resolve(f)));
        }
        assertThat(withoutTiming(dir.resolve("b/stats.json"))).isEqualTo(withoutTiming(dir.resolve("a/stats.json")));
    }

    static List<String> withoutTiming(Path stats) throws IOException {
        return Files.readAllLines(stats).stream()
                .filter(l -> !l.contains("\"seconds\"") && !l.contains("\"eventsPerSecond\"")).toList();
    }

    @Test
    void anOrderOpenAtTheEndIsCanceledAndListed() throws Exception {
        run("--data", "quotes.csv", "--strategy", "flipper", "--param", "buyAt=6", "--param", "sellAt=99",
                "--out", "out");

        assertThat(Files.readAllLines(dir.resolve("out/orders.csv")).get(1))
                .startsWith("1,1,SIM-ACME,BUY,MARKET,IOC,,10,0,,CANCELED,");
    }

    @Test
    void anOrderArrivingAfterTheDataIsListedWithoutOrderId() throws Exception {
        run("--data", "quotes.csv", "--strategy", "flipper", "--param", "buyAt=6", "--param", "sellAt=99",
                "--latency-us", "1000", "--out", "out");

        assertThat(Files.readAllLines(dir.resolve("out/orders.csv")).get(1)).isEqualTo(
                ",1,SIM-ACME,BUY,MARKET,IOC,,10,0,,PENDING_NEW,the data ended before it reached the exchange,"
                        + "2024-01-03T09:30:01Z,");
    }

    @Test
    void aStrategyThatThrowsFailsTheRunNamingCallbackTimeAndException() throws IOException {
        Files.writeString(dir.resolve("bars.csv"), """
                timestamp,instrument,open,high,low,close,volume
                2024-01-02T09:35:00Z,SIM-ACME,100.00,100.50,99.50,100.20,1000
                """);

        assertThatThrownBy(() -> run("--data", "bars.csv", "--strategy", "flipper", "--param", "throwIn=onBar",
                "--out", "out"))
                .isInstanceOf(BacktestException.class)
                .hasMessage("strategy flipper failed in onBar at 2024-01-02T09:35:00Z: "
                        + "java.lang.IllegalStateException: boom in onBar");
    }

    @Test
    void anUnknownStrategyListsTheKnownOnes() {
        assertThatThrownBy(() -> run("--data", "quotes.csv", "--strategy", "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown strategy 'nope'; known: flipper");
    }

    @Test
    void anUnknownParameterIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> run("--data", "quotes.csv", "--strategy", "flipper", "--param", "speed=3",
                "--out", "out"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("strategy flipper: unknown parameter 'speed'; it takes id, account");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aParameterTheStrategyRefusesIsABadInput() {
        assertThatThrownBy(() -> run("--data", "quotes.csv", "--strategy", "flipper", "--param", "quantity=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flipper: quantity must be greater than zero");
    }

    @Test
    void missingDataIsABadInput() {
        assertThatThrownBy(() -> run("--data", "nothere.csv", "--strategy", "flipper"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--data nothere.csv: no such file or folder");
    }

    @Test
    void anEmptyDateRangeIsRefused() {
        assertThatThrownBy(() -> run("--data", "quotes.csv", "--strategy", "flipper", "--from", "2024-01-03",
                "--to", "2024-01-02"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("empty date range");
        assertThatThrownBy(() -> run("--data", "quotes.csv", "--strategy", "flipper", "--from", "2025-01-01",
                "--out", "out"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the data has no events between --from 2025-01-01T00:00:00Z and --to (open)");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputThatIsAFileOrCannotBeCreatedIsRefused() throws IOException {
        Files.writeString(dir.resolve("taken"), "x");

        assertThatThrownBy(() -> run("--data", "quotes.csv", "--strategy", "flipper", "--out", "taken"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--out taken is a file, not a folder");
        assertThatThrownBy(() -> run("--data", "quotes.csv", "--strategy", "flipper", "--out", "taken/sub"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--out taken/sub: cannot create the folder");
    }

    @Test
    void malformedDataFailsNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), """
                timestamp,instrument,bidPrice,bidSize,askPrice,askSize
                2024-01-02T09:30:00Z,SIM-ACME,100.00,50,100.02,40
                2024-01-02T09:30:01Z,SIM-ACME,abc,50,100.03,40
                """);

        assertThatThrownBy(() -> run("--data", "bad.csv", "--strategy", "flipper", "--out", "out"))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("bad.csv:3");
    }

    @Test
    void unsortedDataFailsNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("unsorted.csv"), """
                timestamp,instrument,bidPrice,bidSize,askPrice,askSize
                2024-01-02T09:30:05Z,SIM-ACME,100.00,50,100.02,40
                2024-01-02T09:30:01Z,SIM-ACME,100.01,50,100.03,40
                """);

        assertThatThrownBy(() -> run("--data", "unsorted.csv", "--strategy", "flipper", "--out", "out"))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("unsorted.csv:3");
    }

    @Test
    void dataOfAnUnknownInstrumentFails() throws IOException {
        Files.writeString(dir.resolve("unknown.csv"), """
                timestamp,instrument,bidPrice,bidSize,askPrice,askSize
                2024-01-02T09:30:00Z,SIM-NOPE,100.00,50,100.02,40
                """);

        assertThatThrownBy(() -> run("--data", "unknown.csv", "--strategy", "flipper", "--out", "out"))
                .isInstanceOf(BacktestException.class)
                .hasMessageContaining("unknown.csv:2")
                .hasMessageContaining("SIM-NOPE");
    }

    @Test
    void aStrategyInstrumentWithoutDataIsRefused() {
        assertThatThrownBy(() -> run("--data", "quotes.csv", "--strategy", "flipper", "--param",
                "instrument=SIM-BTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy flipper: the data has no events of instrument SIM-BTC");
    }

    @Test
    void aCancelStopsTheRunKeepingItsFiles() {
        assertThatThrownBy(() -> Backtest.run(BacktestRequest.parse(List.of("--data", "quotes.csv", "--strategy",
                "flipper", "--out", "out")), env, ProgressListener.NONE, () -> true))
                .isInstanceOf(BacktestException.class)
                .matches(e -> ((BacktestException) e).isCanceled());
        assertThat(dir.resolve("out/fills.csv")).exists();
        assertThat(dir.resolve("out/stats.json")).doesNotExist();
    }
}
