package io.nautilus.backtest.engine;

import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.strategy.smacross.SmaCrossFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine with its real parts: the simulated exchange, nautilus-data's CSV reader, the market-data pipeline and
 * the smacross reference strategy, over generated SIM-ACME quotes (every 10 s) and 1-minute bars for two days.
 */
class EndToEndTest {

    static final Path INSTRUMENTS = Path.of("../../etc/io.nautilus.core.instruments.cfg").toAbsolutePath();
    static final long START = Instant.parse("2024-01-02T00:00:00Z").getEpochSecond();
    static final int DAYS = 2;
    static final int MINUTES = DAYS * 24 * 60;

    @TempDir
    Path dir;
    Environment env;
    final List<long[]> quotes = new ArrayList<>();
    final List<long[]> bars = new ArrayList<>();

    /** Mid price in cents: a 90-minute sine wave around 100.00, so the averages cross many times a day. */
    static long mid(long second) {
        return Math.round(10_000 + 200 * Math.sin(2 * Math.PI * second / 5400.0) + 30 * Math.sin(second / 700.0));
    }

    @BeforeEach
    void setUp() throws IOException {
        StringBuilder q = new StringBuilder("timestamp,instrument,bidPrice,bidSize,askPrice,askSize\n");
        StringBuilder b = new StringBuilder("timestamp,instrument,open,high,low,close,volume\n");
        for (int m = 0; m < MINUTES; m++) {
            long open = 0;
            long high = Long.MIN_VALUE;
            long low = Long.MAX_VALUE;
            long close = 0;
            for (int s = 0; s < 60; s += 10) {
                long second = (long) m * 60 + s;
                long mid = mid(second);
                open = s == 0 ? mid : open;
                high = Math.max(high, mid);
                low = Math.min(low, mid);
                close = mid;
                quotes.add(new long[] {(START + second) * 1_000_000_000L, mid - 1, mid + 1});
                q.append(Instant.ofEpochSecond(START + second)).append(",SIM-ACME,").append(cents(mid - 1))
                        .append(",500,").append(cents(mid + 1)).append(",400\n");
            }
            long end = START + (m + 1) * 60L;
            bars.add(new long[] {end * 1_000_000_000L, open});
            b.append(Instant.ofEpochSecond(end)).append(",SIM-ACME,").append(cents(open)).append(',')
                    .append(cents(high)).append(',').append(cents(low)).append(',').append(cents(close))
                    .append(",1000\n");
        }
        Files.writeString(dir.resolve("quotes.csv"), q);
        Files.writeString(dir.resolve("bars.csv"), b);
        env = Environment.standard(TestStrategies.catalog(new SmaCrossFactory()), INSTRUMENTS, dir);
    }

    static String cents(long c) {
        return BigDecimal.valueOf(c, 2).toPlainString();
    }

    BacktestResult run(String... args) throws BacktestException {
        List<String> all = new ArrayList<>(List.of("--strategy", "smacross", "--param", "instrument=SIM-ACME",
                "--param", "fast=3", "--param", "slow=8", "--param", "quantity=10"));
        all.addAll(List.of(args));
        return Backtest.run(BacktestRequest.parse(all), env, ProgressListener.NONE, () -> false);
    }

    @Test
    void smacrossOverQuotesAndBarsWritesTheFourFilesWithOneEquityRowPerDay() throws Exception {
        BacktestResult result = run("--data", "quotes.csv", "--data", "bars.csv", "--out", "out");

        Path out = dir.resolve("out");
        assertThat(result.events()).isEqualTo(quotes.size() + bars.size());
        assertThat(result.fills()).isGreaterThan(20);
        List<String> fills = Files.readAllLines(out.resolve("fills.csv"));
        assertThat(fills.get(0)).isEqualTo("timestamp,orderId,instrument,side,price,qty,fee,liquidity");
        assertThat(fills).hasSize((int) result.fills() + 1);
        assertThat(fills.get(1)).matches("2024-01-02T[0-9:]+Z,1,SIM-ACME,BUY,[0-9]+\\.[0-9]{2},10,[0-9]+\\.[0-9]{2},"
                + "TAKER");
        // the last bar closes at 2024-01-04T00:00Z: that day has data too
        List<String> equity = Files.readAllLines(out.resolve("equity.csv"));
        assertThat(equity).hasSize(DAYS + 2).first().isEqualTo("date,equity");
        assertThat(equity.subList(1, equity.size())).satisfiesExactly(
                l -> assertThat(l).matches("2024-01-02,[0-9]+\\.[0-9]{2}"),
                l -> assertThat(l).matches("2024-01-03,[0-9]+\\.[0-9]{2}"),
                l -> assertThat(l).matches("2024-01-04,[0-9]+\\.[0-9]{2}"));
        assertThat(Files.readAllLines(out.resolve("orders.csv")).get(0)).isEqualTo(Recorder.ORDERS_HEADER);
        assertThat(Files.readString(out.resolve("stats.json"))).contains("\"totalReturn\": ", "\"sharpe\": ",
                "\"maxDrawdown\": ", "\"trades\": " + result.fills(), "\"barSpec\":\"time:1m\"",
                "\"startDate\": \"2024-01-02\"", "\"endDate\": \"2024-01-04\"");
    }

    @Test
    void theShippedSampleRunsSmacrossAndTwoRunsAreByteIdentical() throws Exception {
        Path sample = Path.of("../../karaf-assembly/src/main/resources/samples/marketdata").toAbsolutePath();
        List<String> args = List.of("--data", sample.toString(), "--strategy", "smacross", "--param",
                "instrument=SIM-ACME", "--param", "quantity=10", "--latency-us", "1000", "--jitter-us", "500");
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--out", "a"));
        List<String> b = new ArrayList<>(args);
        b.addAll(List.of("--out", "b"));

        BacktestResult first = Backtest.run(BacktestRequest.parse(a), env, ProgressListener.NONE, () -> false);
        Backtest.run(BacktestRequest.parse(b), env, ProgressListener.NONE, () -> false);

        assertThat(first.events()).isGreaterThan(40_000);
        assertThat(first.fills()).isPositive();
        for (String f : List.of("fills.csv", "orders.csv", "equity.csv", "report.html")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
        }
        assertThat(Files.readString(dir.resolve("a/report.html")))
                .contains("<title>smacross · barSpec=time:1m, instrument=SIM-ACME, quantity=10 · seed 1</title>")
                .contains("data-chart=\"equity\"").contains("<h2>Trades (" + first.fills() + ")</h2>");
        assertThat(BacktestTest.withoutTiming(dir.resolve("b/stats.json")))
                .isEqualTo(BacktestTest.withoutTiming(dir.resolve("a/stats.json")))
                .contains("  \"strategy\": \"smacross\",");
        assertThat(Files.readString(dir.resolve("a/stats.json"))).contains("\"barSpec\":\"time:1m\"");
        assertThat(Files.readAllLines(dir.resolve("a/equity.csv"))).hasSizeGreaterThanOrEqualTo(4)
                .first().isEqualTo("date,equity");
    }

    @Test
    void twoRunsWithTheSameSeedAreByteIdentical() throws Exception {
        run("--data", "quotes.csv", "--data", "bars.csv", "--latency-us", "2500000", "--jitter-us", "3000000",
                "--seed", "7", "--out", "a");
        run("--data", "quotes.csv", "--data", "bars.csv", "--latency-us", "2500000", "--jitter-us", "3000000",
                "--seed", "7", "--out", "b");

        for (String f : List.of("fills.csv", "orders.csv", "equity.csv", "report.html")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
        }
        assertThat(BacktestTest.withoutTiming(dir.resolve("b/stats.json")))
                .isEqualTo(BacktestTest.withoutTiming(dir.resolve("a/stats.json")));
    }

    @Test
    void marketBuysFillAtTheAskOfTheFirstQuoteAtOrAfterArrival() throws Exception {
        long latency = 5_000_000_000L;
        run("--data", "quotes.csv", "--data", "bars.csv", "--latency-us", String.valueOf(latency / 1000),
                "--out", "out");

        List<String> orders = Files.readAllLines(dir.resolve("out/orders.csv"));
        List<String> fills = Files.readAllLines(dir.resolve("out/fills.csv"));
        int checked = 0;
        for (String fill : fills.subList(1, fills.size())) {
            String[] f = fill.split(",");
            if (!f[3].equals("BUY")) {
                continue;
            }
            String[] order = orders.stream().filter(o -> o.startsWith(f[1] + ",")).findFirst().orElseThrow()
                    .split(",", -1);
            long arrival = nanos(order[12]) + latency;
            long[] quote = quotes.stream().filter(x -> x[0] >= arrival).findFirst().orElseThrow();
            assertThat(f[4]).as("fill %s", fill).isEqualTo(cents(quote[2]));
            assertThat(nanos(f[0])).as("fill %s", fill).isEqualTo(quote[0]);
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void withBarsOnlyMarketOrdersFillAtTheNextBarsOpen() throws Exception {
        run("--data", "bars.csv", "--out", "out");

        List<String> orders = Files.readAllLines(dir.resolve("out/orders.csv"));
        List<String> fills = Files.readAllLines(dir.resolve("out/fills.csv"));
        assertThat(fills.size()).isGreaterThan(20);
        for (String fill : fills.subList(1, fills.size())) {
            String[] f = fill.split(",");
            String[] order = orders.stream().filter(o -> o.startsWith(f[1] + ",")).findFirst().orElseThrow()
                    .split(",", -1);
            long decided = nanos(order[12]);
            long[] next = bars.stream().filter(x -> x[0] > decided).findFirst().orElseThrow();
            assertThat(f[4]).as("fill %s", fill).isEqualTo(cents(next[1]));
        }
    }

    @Test
    void withQuotesOnlyTimeBarsAreBuiltFromTheMidsAndSmacrossTrades() throws Exception {
        run("--data", "quotes.csv", "--out", "out");

        List<String> orders = Files.readAllLines(dir.resolve("out/orders.csv"));
        assertThat(orders.size()).isGreaterThan(20);
        for (String order : orders.subList(1, orders.size())) {
            // decided when a 1-minute bar of mids closed: on the first quote of the next minute, at :00
            long decided = nanos(order.split(",", -1)[12]);
            assertThat(decided % 60_000_000_000L).as(order).isZero();
        }
        assertThat(Files.readAllLines(dir.resolve("out/fills.csv")).size()).isGreaterThan(20);
    }

    static long nanos(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
