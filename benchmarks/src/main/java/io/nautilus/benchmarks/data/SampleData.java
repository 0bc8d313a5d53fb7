package io.nautilus.benchmarks.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Deterministic generator of the shipped sample data ({@code karaf-assembly/src/main/resources/samples/marketdata})
 * and of larger data for the benchmarks: quotes and 1-minute bars (timestamp = close time) of SIM-BTC, SIM-ETH and
 * SIM-ACME with the scales and ticks of {@code etc/io.nautilus.core.instruments.cfg}, a random walk with trending
 * stretches that stays within 10 % of each instrument's reference price.
 *
 * <pre>
 * java -cp benchmarks/target/nautilus-benchmarks.jar io.nautilus.benchmarks.data.SampleData --out DIR
 *     [--start 2024-01-02] [--days 3] [--seed 11] [--gap-ms 15000:30000] [--plain]
 * </pre>
 *
 * Writes {@code sim-quotes.csv.gz} and {@code sim-bars-1m.csv.gz} ({@code .csv} with {@code --plain}) and prints, per
 * instrument, how many times a 5/20-bar moving-average crossover would buy.
 */
public final class SampleData {

    /** One instrument's grid and random walk. */
    private static final class Sim {
        final String symbol;
        final int tickUnits;
        final int lotUnits;
        final int quantityScale;
        final double reference;
        final int maxLots;
        double logMid;
        double drift;
        long regimeEnd;

        Sim(String symbol, double tick, int lotUnits, int quantityScale, double reference, int maxLots) {
            this.symbol = symbol;
            this.tickUnits = (int) Math.round(tick * 100);
            this.lotUnits = lotUnits;
            this.quantityScale = quantityScale;
            this.reference = reference;
            this.maxLots = maxLots;
            this.logMid = Math.log(reference);
        }
    }

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private SampleData() {
    }

    /**
     * @param args see the class comment
     * @throws IOException if the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = null;
        LocalDate start = LocalDate.of(2024, 1, 2);
        int days = 3;
        long seed = 11;
        long gapMin = 15_000;
        long gapMax = 30_000;
        boolean plain = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--start" -> start = LocalDate.parse(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--gap-ms" -> {
                    String[] g = args[++i].split(":");
                    gapMin = Long.parseLong(g[0]);
                    gapMax = Long.parseLong(g[g.length - 1]);
                }
                case "--plain" -> plain = true;
                default -> {
                    System.err.println("usage: SampleData --out DIR [--start 2024-01-02] [--days 3] [--seed 11]"
                            + " [--gap-ms 15000:30000] [--plain]");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("SampleData: --out DIR is required");
            System.exit(2);
        }
        Files.createDirectories(out);
        String ext = plain ? ".csv" : ".csv.gz";
        generate(out.resolve("sim-quotes" + ext), out.resolve("sim-bars-1m" + ext), start, days, seed, gapMin,
                gapMax);
    }

    /**
     * Writes the quotes and bars files.
     *
     * @param quotesFile quotes ({@code .gz}: gzip)
     * @param barsFile   1-minute bars ({@code .gz}: gzip)
     * @param start      first UTC day
     * @param days       number of days
     * @param seed       random seed
     * @param gapMin     smallest gap between two quotes of an instrument, ms
     * @param gapMax     largest gap, ms
     * @throws IOException if a file cannot be written
     */
    public static void generate(Path quotesFile, Path barsFile, LocalDate start, int days, long seed, long gapMin,
                                long gapMax) throws IOException {
        Sim[] sims = {
            new Sim("SIM-ACME", 0.01, 1, 0, 100.00, 20),
            new Sim("SIM-BTC", 0.50, 10, 4, 30000.00, 50),
            new Sim("SIM-ETH", 0.05, 1, 3, 2000.00, 200),
        };
        SplittableRandom random = new SplittableRandom(seed);
        long t0 = start.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * SECOND;
        long end = t0 + days * 86_400L * SECOND;
        int n = sims.length;
        long[] next = new long[n];
        for (int i = 0; i < n; i++) {
            next[i] = t0 + gap(random, gapMin, gapMax) / 2;
        }
        // per instrument, the current minute's bar
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        boolean[] hasBar = new boolean[n];
        long[] lastMid = new long[n];
        List<List<Long>> closes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            closes.add(new ArrayList<>());
        }
        try (Writer quotes = writer(quotesFile); Writer bars = writer(barsFile)) {
            quotes.write("timestamp,instrument,bidPrice,bidSize,askPrice,askSize\n");
            bars.write("timestamp,instrument,open,high,low,close,volume\n");
            long minuteEnd = t0 + MINUTE;
            long lastBarClose = end - MINUTE;
            while (true) {
                int k = 0;
                for (int i = 1; i < n; i++) {
                    if (next[i] < next[k]) {
                        k = i;
                    }
                }
                long t = next[k];
                while (minuteEnd <= t && minuteEnd <= lastBarClose) {
                    for (int i = 0; i < n; i++) {
                        if (!hasBar[i]) {
                            if (lastMid[i] == 0) {
                                continue;
                            }
                            open[i] = high[i] = low[i] = close[i] = lastMid[i];
                        }
                        bars.write(time(minuteEnd) + "," + sims[i].symbol + "," + price(open[i]) + ","
                                + price(high[i]) + "," + price(low[i]) + "," + price(close[i]) + ","
                                + quantity(volume[i], sims[i].quantityScale) + "\n");
                        closes.get(i).add(close[i]);
                        hasBar[i] = false;
                        volume[i] = 0;
                    }
                    minuteEnd += MINUTE;
                }
                if (t >= end) {
                    break;
                }
                Sim s = sims[k];
                step(s, random, t);
                long mid = Math.round(Math.exp(s.logMid) * 100 / s.tickUnits) * s.tickUnits;
                int spreadTicks = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(1, 3));
                long bid = mid - (spreadTicks / 2) * (long) s.tickUnits;
                long ask = bid + spreadTicks * (long) s.tickUnits;
                long bidSize = (long) random.nextInt(1, s.maxLots + 1) * s.lotUnits;
                long askSize = (long) random.nextInt(1, s.maxLots + 1) * s.lotUnits;
                quotes.write(time(t) + "," + s.symbol + "," + price(bid) + "," + quantity(bidSize, s.quantityScale)
                        + "," + price(ask) + "," + quantity(askSize, s.quantityScale) + "\n");
                if (!hasBar[k]) {
                    open[k] = high[k] = low[k] = mid;
                    hasBar[k] = true;
                }
                high[k] = Math.max(high[k], mid);
                low[k] = Math.min(low[k], mid);
                close[k] = mid;
                lastMid[k] = mid;
                volume[k] += (long) random.nextInt(1, s.maxLots + 1) * s.lotUnits;
                next[k] = t + gap(random, gapMin, gapMax);
            }
        }
        for (int i = 0; i < n; i++) {
            System.out.println(sims[i].symbol + ": " + closes.get(i).size() + " bars, 5/20 crossover buys "
                    + crossoverBuys(closes.get(i), 5, 20) + ", last close " + price(lastMid[i]));
        }
    }

    /** Moves the walk to time t: regimes of 1 to 4 hours with a drift, noise, and a pull back towards the reference. */
    private static void step(Sim s, SplittableRandom random, long t) {
        if (t >= s.regimeEnd) {
            s.regimeEnd = t + (60 + random.nextInt(180)) * MINUTE;
            double strength = 0.4 + random.nextDouble() * 1.2;
            s.drift = (random.nextBoolean() ? 1 : -1) * strength * 1e-4 / 3;
        }
        double deviation = s.logMid - Math.log(s.reference);
        double pull = -deviation * 0.002;
        double noise = (random.nextDouble() * 2 - 1) * 1.0e-4;
        s.logMid += s.drift + pull + noise;
        double limit = 0.08;
        if (Math.abs(s.logMid - Math.log(s.reference)) > limit) {
            s.logMid = Math.log(s.reference) + Math.signum(deviation) * limit;
        }
    }

    private static long gap(SplittableRandom random, long minMs, long maxMs) {
        long ms = maxMs > minMs ? random.nextLong(minMs, maxMs + 1) : minMs;
        long micros = random.nextLong(1000);
        return ms * 1_000_000L + micros * 1000;
    }

    static int crossoverBuys(List<Long> closes, int fast, int slow) {
        int buys = 0;
        double previousDiff = Double.NaN;
        for (int i = slow - 1; i < closes.size(); i++) {
            double f = 0;
            double sl = 0;
            for (int j = i - slow + 1; j <= i; j++) {
                sl += closes.get(j);
                if (j > i - fast) {
                    f += closes.get(j);
                }
            }
            double diff = f / fast - sl / slow;
            if (!Double.isNaN(previousDiff) && diff > 0 && previousDiff <= 0) {
                buys++;
            }
            previousDiff = diff;
        }
        return buys;
    }

    private static Writer writer(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
    }

    private static String time(long nanos) {
        return Instant.ofEpochSecond(nanos / SECOND, nanos % SECOND).toString();
    }

    private static String price(long units) {
        return String.format(Locale.ROOT, "%d.%02d", units / 100, units % 100);
    }

    private static String quantity(long units, int scale) {
        if (scale == 0) {
            return Long.toString(units);
        }
        long p = 1;
        for (int i = 0; i < scale; i++) {
            p *= 10;
        }
        return String.format(Locale.ROOT, "%d.%0" + scale + "d", units / p, units % p);
    }
}
