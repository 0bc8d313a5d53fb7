package io.nautilus.backtest.engine;

import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.strategy.smacross.SmaCrossFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * smacross through {@link Backtest#run} against an independent implementation of the same crossover, ta4j 0.17's,
 * over bars only (a market order fills at the next bar's open, {@code docs/backtesting.md}): the same fills (bar,
 * side, price, quantity) and the same {@code equity.csv} as computed from ta4j's trades (fees 0).
 *
 * <p>The ta4j side: {@code ClosePriceIndicator}, {@code SMAIndicator} fast and slow, entry
 * {@code CrossedUpIndicatorRule(fast, slow)}, exit {@code CrossedDownIndicatorRule(fast, slow)}, long only
 * ({@code BarSeriesManager.run} with a BUY starting type and the quantity as amount), {@code TradeOnNextOpenModel}
 * (a signal at bar {@code i} trades at the open of bar {@code i + 1}; none at the last bar), {@code DecimalNum}
 * (32 significant digits), {@code BaseStrategy} with {@code unstableBars = slow}.
 *
 * <p>Where ta4j's semantics, read from its source ({@code CrossIndicator}, {@code SMAIndicator} with
 * {@code RunningTotalIndicator}, {@code BaseStrategy}, {@code BarSeriesManager}, {@code TradeOnNextOpenModel}), can
 * differ from the issue's definition (cross above at bar {@code t}: fast &gt; slow at {@code t}, fast &le; slow at
 * {@code t - 1}; none until {@code slow} closes exist; below mirrored):
 * <ol>
 *   <li><b>None until slow closes exist.</b> ta4j's {@code SMAIndicator} has a value at every bar: while fewer than
 *       its bar count of closes exist it is the mean of the closes so far. The issue has no average then, and the
 *       first decision at the bar after the first full window (index {@code slow}, whose previous bar has both
 *       averages). {@code unstableBars = slow} gives ta4j the same first decision bar; without it ta4j trades on
 *       partial averages.</li>
 *   <li><b>The previous bar and ties.</b> {@code CrossIndicator(up, low)} at bar {@code i} is true when
 *       {@code up < low} at {@code i} and, at the <i>last bar before {@code i} where they differ</i> (ties skipped
 *       backwards, bar 0 at the earliest), {@code up > low}. The issue looks at the previous bar only. They agree
 *       unless the previous bar is an exact tie: a tie crossed through (below, tie, above) is a cross for both; a
 *       tie touched and left on the same side (above, tie, above: a "bounce") is a cross above for the issue and not
 *       for ta4j (below mirrored). ta4j's backward walk can also pass the first full window and compare partial
 *       averages.</li>
 *   <li><b>Exact ties.</b> smacross compares {@code sumFast × slow} with {@code sumSlow × fast} exactly; ta4j adds
 *       and subtracts closes exactly (running sum) and divides with 32 significant digits. Equal averages are the
 *       same rational rounded the same way, unequal ones at these prices differ far above the rounding: its ties
 *       are exact ties too.</li>
 * </ol>
 * On trades, long only, the rule difference 2 shows only while <b>flat with fast &gt; slow</b> (long with fast &lt;
 * slow does not happen: the cross below that leads there sells at the next open). After the first cross below,
 * every flat stretch starts at a cross below, so fast &gt; slow while flat needs a cross above, which both see; only
 * the start of the data, before the first cross, can be flat with fast &gt; slow. So:
 * <ul>
 *   <li>the shipped sample's bars (three instruments; its SIM-ACME bars with fast 5, slow 20 have 12 bars of equal
 *       averages, 8 crosses through a tie and 4 bounces) and a generated series with many crossings and exact ties
 *       of every kind (through-ties, bounces both ways, flat stretches where every average is equal: with fast 5,
 *       slow 20, 336 tied bars, 21 crosses through a tie, 18 bounces) give the same trades; the generated test also
 *       asserts that the rules differ on exactly its bounces, where the position makes them moot;</li>
 *   <li>two crafted starts (a bounce above while flat before any cross; a tie at the first full window after partial
 *       averages with fast above) make them differ: there smacross follows the issue, checked against
 *       {@link IssueCrossover}, a plain restatement of the issue's definition, and ta4j misses that round trip.</li>
 * </ul>
 */
class Ta4jReferenceTest {

    static final Path SAMPLE_BARS = Path.of("../../karaf-assembly/src/main/resources/samples/marketdata/"
            + "sim-bars-1m.csv.gz").toAbsolutePath();
    /** The shipped SIM instruments' scales, with no fees and no price band. */
    static final String INSTRUMENTS = """
            SIM-ACME.priceScale = 2
            SIM-ACME.quantityScale = 0
            SIM-ACME.tickSize = 0.01
            SIM-ACME.lotSize = 1
            SIM-BTC.priceScale = 2
            SIM-BTC.quantityScale = 4
            SIM-BTC.tickSize = 0.50
            SIM-BTC.lotSize = 0.0010
            SIM-ETH.priceScale = 2
            SIM-ETH.quantityScale = 3
            SIM-ETH.tickSize = 0.05
            SIM-ETH.lotSize = 0.001
            """;
    static final BigDecimal CAPITAL = new BigDecimal("100000");
    static final int MONEY_SCALE = 2;

    @TempDir
    Path dir;

    /** One bar: close time and prices. */
    record BarRow(Instant end, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
    }

    /** One fill: the index of the bar it happened at, side, price and quantity (trailing zeros stripped). */
    record Fill(int bar, String side, BigDecimal price, BigDecimal quantity) {
        static Fill of(int bar, String side, BigDecimal price, BigDecimal quantity) {
            return new Fill(bar, side, price.stripTrailingZeros(), quantity.stripTrailingZeros());
        }
    }

    @ParameterizedTest(name = "{0} fast {1} slow {2}")
    @CsvSource({"SIM-ACME, 5, 20, 10", "SIM-ACME, 10, 30, 10", "SIM-BTC, 5, 20, 0.01", "SIM-ETH, 10, 30, 0.1"})
    void theShippedSampleBarsGiveTheSameTradesAndEquityAsTa4j(String instrument, int fast, int slow, String quantity)
            throws Exception {
        List<BarRow> bars = readBars(SAMPLE_BARS, instrument);

        List<Fill> ours = runOurs(SAMPLE_BARS, instrument, bars, fast, slow, quantity);
        List<Fill> ta4j = runTa4j(bars, fast, slow, new BigDecimal(quantity), slow);

        assertThat(ours).as("smacross vs ta4j").isEqualTo(ta4j)
                .isEqualTo(IssueCrossover.of(bars, fast, slow).fills(new BigDecimal(quantity)));
        assertThat(ours.size()).as("fills").isGreaterThanOrEqualTo(10);
        assertThat(Files.readAllLines(dir.resolve("out/equity.csv"))).isEqualTo(equityCsv(bars, ta4j));
    }

    @ParameterizedTest(name = "fast {0} slow {1}")
    @CsvSource({"2, 5", "3, 8", "5, 20"})
    void aGeneratedSeriesWithManyCrossingsAndExactTiesGivesTheSameTradesAndEquity(int fast, int slow)
            throws Exception {
        List<BarRow> bars = generated(4 * 24 * 60, 11);
        Path csv = writeBars(bars, "SIM-ACME");
        IssueCrossover issue = IssueCrossover.of(bars, fast, slow);

        List<Fill> ours = runOurs(csv, "SIM-ACME", bars, fast, slow, "10");
        List<Fill> ta4j = runTa4j(bars, fast, slow, BigDecimal.TEN, slow);

        assertThat(ours).as("smacross vs ta4j").isEqualTo(ta4j).isEqualTo(issue.fills(BigDecimal.TEN));
        assertThat(ours.size()).as("fills").isGreaterThan(100);
        assertThat(Files.readAllLines(dir.resolve("out/equity.csv"))).isEqualTo(equityCsv(bars, ta4j));
        // the data covers every kind of tie
        assertThat(issue.ties()).as("bars with equal averages").isGreaterThan(50);
        assertThat(issue.crossesThroughATie()).as("crosses whose previous bar is a tie, other side before")
                .isGreaterThan(5);
        assertThat(issue.bounces()).as("ties touched and left on the same side").isGreaterThan(5);
        // ... where the rules differ, on exactly those bars, with the position making them moot
        BarSeries series = series(bars);
        SmaRules rules = new SmaRules(series, fast, slow);
        int differ = 0;
        for (int i = slow; i < bars.size(); i++) {
            boolean up = rules.up.isSatisfied(i, null);
            boolean down = rules.down.isSatisfied(i, null);
            if (up != issue.crossAbove(i) || down != issue.crossBelow(i)) {
                differ++;
                assertThat(issue.isBounce(i)).as("rules differ at bar %d", i).isTrue();
                assertThat(up || down).as("ta4j at bar %d", i).isFalse();
            }
        }
        assertThat(differ).isEqualTo(issue.bounces());
    }

    @Test
    void aBounceAboveWhileFlatBeforeAnyCrossIsACrossForTheIssueAndSmacrossButNotForTa4j() throws Exception {
        // fast 2, slow 4; index 3: fast 12.5 > slow 11.5 (first full window); 4: tie 11.5; 5: fast 13 > slow 12.75
        List<BarRow> bars = crafted(10, 11, 12, 13, 10, 16, 17, 18, 12, 11, 10, 9, 10, 12, 14, 15, 10, 9, 8);
        Path csv = writeBars(bars, "SIM-ACME");
        IssueCrossover issue = IssueCrossover.of(bars, 2, 4);
        assertThat(issue.isBounce(5)).isTrue();
        assertThat(issue.crossAbove(5)).isTrue();

        List<Fill> ours = runOurs(csv, "SIM-ACME", bars, 2, 4, "10");
        List<Fill> ta4j = runTa4j(bars, 2, 4, BigDecimal.TEN, 4);

        List<Fill> expected = issue.fills(BigDecimal.TEN);
        assertThat(ours).isEqualTo(expected);
        assertThat(expected.get(0)).isEqualTo(Fill.of(6, "BUY", bars.get(6).open(), BigDecimal.TEN));
        // ta4j misses the first round trip (bought at 6, sold at the first cross below) and then agrees
        assertThat(ta4j).isEqualTo(expected.subList(2, expected.size())).isNotEmpty();
    }

    @Test
    void aTieAtTheFirstFullWindowIsACrossForTheIssueWhereTa4jLooksAtPartialAverages() throws Exception {
        // fast 2, slow 4; index 2 (partial, ta4j only): fast 12.5 > mean 11.67; 3: tie 11; 4: fast 13 > slow 12.75
        List<BarRow> bars = crafted(10, 12, 13, 9, 17, 18, 12, 11, 10, 9, 10, 12, 14, 15, 10, 9, 8);
        Path csv = writeBars(bars, "SIM-ACME");
        IssueCrossover issue = IssueCrossover.of(bars, 2, 4);
        assertThat(issue.sign(3)).isZero();
        assertThat(issue.crossAbove(4)).isTrue();

        List<Fill> ours = runOurs(csv, "SIM-ACME", bars, 2, 4, "10");
        List<Fill> ta4j = runTa4j(bars, 2, 4, BigDecimal.TEN, 4);

        List<Fill> expected = issue.fills(BigDecimal.TEN);
        assertThat(ours).isEqualTo(expected);
        assertThat(expected.get(0)).isEqualTo(Fill.of(5, "BUY", bars.get(5).open(), BigDecimal.TEN));
        assertThat(ta4j).isEqualTo(expected.subList(2, expected.size())).isNotEmpty();
    }

    @Test
    void withoutUnstableBarsTa4jTradesOnPartialAveragesWhereTheIssueHasNone() throws Exception {
        // fast 2, slow 4; index 2 (partial, ta4j only): fast 9 < mean 9.33; 3 (first full window): fast 10.5 > 10
        List<BarRow> bars = crafted(10, 9, 9, 12, 13, 12, 11, 10, 9, 8, 9, 12, 14, 15, 10, 9, 8);
        Path csv = writeBars(bars, "SIM-ACME");
        IssueCrossover issue = IssueCrossover.of(bars, 2, 4);

        List<Fill> ours = runOurs(csv, "SIM-ACME", bars, 2, 4, "10");
        List<Fill> strict = runTa4j(bars, 2, 4, BigDecimal.TEN, 4);
        List<Fill> loose = runTa4j(bars, 2, 4, BigDecimal.TEN, 0);

        assertThat(ours).isEqualTo(strict).isEqualTo(issue.fills(BigDecimal.TEN));
        assertThat(ours.get(0).bar()).isGreaterThan(4);
        assertThat(loose.get(0)).isEqualTo(Fill.of(4, "BUY", bars.get(4).open(), BigDecimal.TEN));
    }

    // ---- our side

    List<Fill> runOurs(Path data, String instrument, List<BarRow> bars, int fast, int slow, String quantity)
            throws Exception {
        Path instruments = dir.resolve("instruments.cfg");
        Files.writeString(instruments, INSTRUMENTS);
        Environment env = Environment.standard(TestStrategies.catalog(new SmaCrossFactory()), instruments, dir);
        BacktestRequest request = BacktestRequest.parse(List.of("--data", data.toString(), "--strategy", "smacross",
                "--param", "instrument=" + instrument, "--param", "fast=" + fast, "--param", "slow=" + slow,
                "--param", "quantity=" + quantity, "--instruments", instruments.toString(), "--out", "out"));
        Backtest.run(request, env, ProgressListener.NONE, () -> false);
        Map<Instant, Integer> index = new HashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            index.put(bars.get(i).end(), i);
        }
        List<Fill> fills = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("out/fills.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertThat(f[2]).isEqualTo(instrument);
            Integer bar = index.get(Instant.parse(f[0]));
            assertThat(bar).as("bar of fill %s", line).isNotNull();
            fills.add(Fill.of(bar, f[3], new BigDecimal(f[4]), new BigDecimal(f[5])));
        }
        return fills;
    }

    // ---- ta4j's side

    static BarSeries series(List<BarRow> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName("reference").withNumTypeOf(DecimalNum.class).build();
        for (BarRow b : bars) {
            series.addBar(Duration.ofMinutes(1), b.end().atZone(ZoneOffset.UTC), b.open(), b.high(), b.low(),
                    b.close(), BigDecimal.ONE);
        }
        return series;
    }

    /** ta4j's crossover rules over a series. */
    static final class SmaRules {
        final Rule up;
        final Rule down;

        SmaRules(BarSeries series, int fast, int slow) {
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            SMAIndicator fastSma = new SMAIndicator(close, fast);
            SMAIndicator slowSma = new SMAIndicator(close, slow);
            up = new CrossedUpIndicatorRule(fastSma, slowSma);
            down = new CrossedDownIndicatorRule(fastSma, slowSma);
        }
    }

    static List<Fill> runTa4j(List<BarRow> bars, int fast, int slow, BigDecimal quantity, int unstableBars) {
        BarSeries series = series(bars);
        SmaRules rules = new SmaRules(series, fast, slow);
        BarSeriesManager manager = new BarSeriesManager(series, new TradeOnNextOpenModel());
        TradingRecord record = manager.run(new BaseStrategy("smacross", rules.up, rules.down, unstableBars),
                Trade.TradeType.BUY, DecimalNum.valueOf(quantity));
        List<Fill> fills = new ArrayList<>();
        for (Trade t : record.getTrades()) {
            fills.add(Fill.of(t.getIndex(), t.isBuy() ? "BUY" : "SELL", t.getPricePerAsset().bigDecimalValue(),
                    t.getAmount().bigDecimalValue()));
        }
        return fills;
    }

    /**
     * {@code equity.csv} as the docs define it, from a list of fills: per UTC day of the bars' close times, capital
     * + cash flows of the fills up to that day's last bar + the position at that bar's close, half-even to cents.
     */
    static List<String> equityCsv(List<BarRow> bars, List<Fill> fills) {
        List<String> out = new ArrayList<>(List.of("date,equity"));
        BigDecimal cash = CAPITAL;
        BigDecimal position = BigDecimal.ZERO;
        int next = 0;
        for (int i = 0; i < bars.size(); i++) {
            while (next < fills.size() && fills.get(next).bar() == i) {
                Fill f = fills.get(next++);
                BigDecimal signed = f.side().equals("BUY") ? f.quantity() : f.quantity().negate();
                position = position.add(signed);
                cash = cash.subtract(signed.multiply(f.price()));
            }
            String day = day(bars.get(i));
            if (i + 1 == bars.size() || !day(bars.get(i + 1)).equals(day)) {
                BigDecimal equity = cash.add(position.multiply(bars.get(i).close()));
                out.add(day + "," + equity.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN).toPlainString());
            }
        }
        assertThat(next).as("fills placed on bars").isEqualTo(fills.size());
        return out;
    }

    static String day(BarRow bar) {
        return bar.end().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    // ---- the issue's definition, restated plainly

    /**
     * The issue's smacross, written from its text with no attempt at speed: at each bar with {@code slow} closes,
     * the sign of (mean of the last {@code fast} closes − mean of the last {@code slow}), compared exactly; a cross
     * above at {@code t} when the sign is &gt; 0 at {@code t} and &le; 0 at {@code t - 1} (which must have a sign),
     * below mirrored; flat + cross above: buy, long + cross below: sell, at the next bar's open.
     */
    static final class IssueCrossover {
        static final int NONE = Integer.MIN_VALUE;
        final List<BarRow> bars;
        final int[] sign;

        private IssueCrossover(List<BarRow> bars, int[] sign) {
            this.bars = bars;
            this.sign = sign;
        }

        static IssueCrossover of(List<BarRow> bars, int fast, int slow) {
            int[] sign = new int[bars.size()];
            for (int t = 0; t < bars.size(); t++) {
                if (t + 1 < slow) {
                    sign[t] = NONE;
                    continue;
                }
                BigDecimal fastSum = BigDecimal.ZERO;
                BigDecimal slowSum = BigDecimal.ZERO;
                for (int k = t - slow + 1; k <= t; k++) {
                    slowSum = slowSum.add(bars.get(k).close());
                    if (k > t - fast) {
                        fastSum = fastSum.add(bars.get(k).close());
                    }
                }
                // fastSum / fast - slowSum / slow, times fast * slow > 0
                sign[t] = fastSum.multiply(BigDecimal.valueOf(slow))
                        .compareTo(slowSum.multiply(BigDecimal.valueOf(fast)));
            }
            return new IssueCrossover(bars, sign);
        }

        int sign(int t) {
            return sign[t];
        }

        boolean crossAbove(int t) {
            return t > 0 && sign[t] != NONE && sign[t - 1] != NONE && sign[t] > 0 && sign[t - 1] <= 0;
        }

        boolean crossBelow(int t) {
            return t > 0 && sign[t] != NONE && sign[t - 1] != NONE && sign[t] < 0 && sign[t - 1] >= 0;
        }

        /** A cross whose previous bar is a tie and whose last untied bar before that is on the same side. */
        boolean isBounce(int t) {
            if (!crossAbove(t) && !crossBelow(t) || sign[t - 1] != 0) {
                return false;
            }
            int k = t - 1;
            while (k > 0 && sign[k] == 0) {
                k--;
            }
            return sign[k] == sign[t];
        }

        int ties() {
            int n = 0;
            for (int s : sign) {
                n += s == 0 ? 1 : 0;
            }
            return n;
        }

        int bounces() {
            int n = 0;
            for (int t = 0; t < sign.length; t++) {
                n += isBounce(t) ? 1 : 0;
            }
            return n;
        }

        int crossesThroughATie() {
            int n = 0;
            for (int t = 0; t < sign.length; t++) {
                n += (crossAbove(t) || crossBelow(t)) && sign[t - 1] == 0 && !isBounce(t) ? 1 : 0;
            }
            return n;
        }

        List<Fill> fills(BigDecimal quantity) {
            List<Fill> fills = new ArrayList<>();
            boolean holding = false;
            for (int t = 0; t + 1 < bars.size(); t++) {
                if (!holding && crossAbove(t)) {
                    fills.add(Fill.of(t + 1, "BUY", bars.get(t + 1).open(), quantity));
                    holding = true;
                } else if (holding && crossBelow(t)) {
                    fills.add(Fill.of(t + 1, "SELL", bars.get(t + 1).open(), quantity));
                    holding = false;
                }
            }
            return fills;
        }
    }

    // ---- data

    static List<BarRow> readBars(Path gz, String instrument) throws IOException {
        List<BarRow> bars = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.US_ASCII))) {
            assertThat(r.readLine()).isEqualTo("timestamp,instrument,open,high,low,close,volume");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (f[1].equals(instrument)) {
                    bars.add(new BarRow(Instant.parse(f[0]), new BigDecimal(f[2]), new BigDecimal(f[3]),
                            new BigDecimal(f[4]), new BigDecimal(f[5])));
                }
            }
        }
        return bars;
    }

    Path writeBars(List<BarRow> bars, String instrument) throws IOException {
        StringBuilder sb = new StringBuilder("timestamp,instrument,open,high,low,close,volume\n");
        for (BarRow b : bars) {
            sb.append(b.end()).append(',').append(instrument).append(',').append(b.open().toPlainString()).append(',')
                    .append(b.high().toPlainString()).append(',').append(b.low().toPlainString()).append(',')
                    .append(b.close().toPlainString()).append(",100\n");
        }
        Path csv = dir.resolve("bars.csv");
        Files.writeString(csv, sb);
        return csv;
    }

    static final Instant START = Instant.parse("2024-01-02T00:01:00Z");

    /** Bars closing each minute from 00:01Z with the given whole closes; each opens 0.01 off the previous close. */
    static List<BarRow> crafted(long... closes) {
        List<BarRow> bars = new ArrayList<>();
        long previous = closes[0] * 100;
        for (int i = 0; i < closes.length; i++) {
            long close = closes[i] * 100;
            long open = previous + (i % 2 == 0 ? 1 : -1);
            bars.add(bar(i, open, close));
            previous = close;
        }
        return bars;
    }

    /**
     * {@code n} 1-minute bars of a seeded random walk in cents around 100.00: trends of random length and drift,
     * with flat stretches (every close equal, so every average is equal) of 0 to 40 bars between them; it starts
     * falling, so the first full window has fast &lt; slow. Opens gap up to 3 cents from the previous close.
     */
    static List<BarRow> generated(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BarRow> bars = new ArrayList<>();
        long close = 10_000;
        int drift = -1;
        int left = 40;
        boolean flat = false;
        for (int i = 0; i < n; i++) {
            if (left-- == 0) {
                flat = !flat && random.nextInt(3) == 0;
                left = flat ? random.nextInt(41) : 5 + random.nextInt(60);
                drift = random.nextInt(3) - 1;
            }
            long open = close + random.nextInt(7) - 3;
            if (!flat) {
                close = close + drift + random.nextInt(5) - 2;
            }
            close = Math.max(100, close);
            open = Math.max(100, open);
            bars.add(bar(i, open, close));
        }
        return bars;
    }

    static BarRow bar(int i, long open, long close) {
        return new BarRow(START.plusSeconds(60L * i), cents(open), cents(Math.max(open, close) + 2),
                cents(Math.min(open, close) - 2), cents(close));
    }

    static BigDecimal cents(long c) {
        return BigDecimal.valueOf(c, 2);
    }
}
