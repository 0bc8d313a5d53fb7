package io.nautilus.benchmarks.marketdata;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.Subscription;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.internal.MarketDataConfig;
import io.nautilus.marketdata.internal.MarketDataEngine;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the market-data engine in process: normalise + validate + bars + fan-out to N subscribers.
 *
 * <p>Drives the real {@link MarketDataEngine} through the entry a Camel feed uses
 * ({@link io.nautilus.marketdata.api.MarketDataIngest#quote}/{@code trade} with decimal text as the venue sent it)
 * from one feed thread (this one), round robin over a few instruments, with increasing feed sequences and exchange
 * times (1 µs of event time per tick) so every tick passes validation (price band and staleness checks on). The
 * subscribers are plain {@link MarketDataSubscriber}s that count what they get, on their own delivery threads.
 *
 * <p>A measured phase publishes the ticks flat out, then a marker trade; it ends when every subscriber has seen
 * the marker (a slow subscriber is conflated, so it always ends with the latest value of each instrument). Reported:
 * ticks/s in (the feed thread's publish rate), ticks/s through the engine thread, end-to-end ticks/s (until the
 * last subscriber is done), updates delivered and conflated per subscriber, bytes allocated per tick on the feed,
 * engine and subscriber threads ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), GCs and CPU time
 * per thread. A warm-up phase, not measured, runs the same way first. Prints human-readable lines, then one JSON
 * line.
 *
 * <p>Run: {@code benchmarks/marketdata/throughput.sh} (3 runs, medians) or {@code java -cp
 * benchmarks/target/nautilus-benchmarks.jar io.nautilus.benchmarks.marketdata.MarketDataThroughput --help}.
 */
public final class MarketDataThroughput {

    private static final String FEED = "bench-feed";
    private static final String ENGINE_THREAD = "nautilus-md-engine";
    private static final String SUBSCRIBER_THREAD = "nautilus-md-bench-";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long EVENT_NANOS_PER_TICK = 1_000;
    /** Exchange time of the first tick: 2026-01-01T00:00:00Z. */
    private static final long EPOCH_NANOS = 1_767_225_600_000_000_000L;

    private final ThroughputOptions options;
    private final TickPool pool;
    private final MarketDataEngine engine;
    private final List<CountingSubscriber> subscribers = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Global index of the next tick (drives sequences and times). */
    private long next;

    private MarketDataThroughput(ThroughputOptions options) {
        this.options = options;
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < options.instruments(); i++) {
            instruments.add(new Instrument(InstrumentId.of("SIM-I" + i), "I" + i, VenueId.of("SIM"), 1, 1, 1, 2, 4,
                    "USD"));
        }
        this.pool = new TickPool(options.instruments(), 42);
        MarketDataConfig config = new MarketDataConfig(options.ring(), TimeUnit.SECONDS.toNanos(5), 500, Map.of(),
                options.barMillis() == 0 ? List.of() : List.of(BarSpec.time(options.barMillis() * 1_000_000L)),
                options.queue(), 10);
        this.engine = new MarketDataEngine(instruments, config);
        for (int i = 0; i < options.subscribers(); i++) {
            CountingSubscriber subscriber = new CountingSubscriber(options.work());
            subscribers.add(subscriber);
            subscriptions.add(engine.subscribe("bench-" + i, subscriber));
        }
    }

    /**
     * Entry point.
     *
     * @param args see {@link ThroughputOptions#USAGE}
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(ThroughputOptions.USAGE);
            return;
        }
        ThroughputOptions options;
        try {
            options = ThroughputOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("MarketDataThroughput: " + e.getMessage());
            System.err.print(ThroughputOptions.USAGE);
            System.exit(2);
            return;
        }
        MarketDataThroughput benchmark = new MarketDataThroughput(options);
        try {
            benchmark.run();
        } catch (Exception e) {
            System.err.println("MarketDataThroughput: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        } finally {
            benchmark.engine.close();
        }
    }

    private void run() throws InterruptedException {
        System.out.println("market data throughput: " + options.describe() + "; "
                + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        if (options.warmup() > 0) {
            Phase warm = phase(options.warmup());
            System.out.printf(Locale.ROOT, "warm-up: %d ticks in %.2f s%n", options.warmup(), warm.endToEndNanos / 1e9);
        }
        System.gc();
        Phase measured = phase(options.ticks());
        report(measured);
    }

    /** What one phase measured. */
    private static final class Phase {
        long ticks;
        long publishNanos;
        long engineNanos;
        long endToEndNanos;
        long[] delivered;
        long[] conflated;
        long bars;
        Map<String, Long> allocated;
        Map<String, Long> cpu;
        long gcCount;
        long gcMillis;
    }

    private Phase phase(int ticks) throws InterruptedException {
        Phase phase = new Phase();
        phase.ticks = ticks;
        SubscriptionStats[] before = stats();
        long bars = bars();
        Map<String, long[]> threadsBefore = threadCounters();
        long[] gcBefore = gc();

        long start = System.nanoTime();
        publish(ticks);
        long published = System.nanoTime();
        long marker = publishMarker();
        if (!engine.awaitProcessed(TimeUnit.MINUTES.toMillis(2))) {
            throw new IllegalStateException("the engine did not catch up within 2 minutes");
        }
        long processed = System.nanoTime();
        long deadline = processed + TimeUnit.MINUTES.toNanos(2);
        for (CountingSubscriber subscriber : subscribers) {
            while (subscriber.lastTradeTime < marker) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("a subscriber did not see the last tick within 2 minutes");
                }
                Thread.onSpinWait();
                Thread.yield();
            }
        }
        long end = System.nanoTime();

        Map<String, long[]> threadsAfter = threadCounters();
        long[] gcAfter = gc();
        SubscriptionStats[] after = stats();
        phase.publishNanos = published - start;
        phase.engineNanos = processed - start;
        phase.endToEndNanos = end - start;
        phase.delivered = new long[after.length];
        phase.conflated = new long[after.length];
        for (int i = 0; i < after.length; i++) {
            phase.delivered[i] = after[i].delivered() - before[i].delivered();
            phase.conflated[i] = after[i].conflated() - before[i].conflated();
        }
        phase.bars = bars() - bars;
        phase.allocated = new LinkedHashMap<>();
        phase.cpu = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : threadsAfter.entrySet()) {
            long[] b = threadsBefore.get(e.getKey());
            if (b != null) {
                phase.cpu.put(e.getKey(), e.getValue()[0] - b[0]);
                phase.allocated.put(e.getKey(), e.getValue()[1] - b[1]);
            }
        }
        phase.gcCount = gcAfter[0] - gcBefore[0];
        phase.gcMillis = gcAfter[1] - gcBefore[1];
        return phase;
    }

    private void publish(int ticks) {
        int instruments = options.instruments();
        int tradeEvery = options.tradeEvery();
        TickPool p = pool;
        long g = next;
        for (int i = 0; i < ticks; i++, g++) {
            int k = (int) (g % p.size);
            int instrument = (int) (g % instruments);
            long seq = g / instruments + 1;
            long time = EPOCH_NANOS + g * EVENT_NANOS_PER_TICK;
            if (tradeEvery > 0 && g % tradeEvery == tradeEvery - 1) {
                engine.trade(FEED, p.symbols[instrument], seq, p.tradePrice[k], p.tradeSize[k],
                        (k & 1) == 0 ? Side.BUY : Side.SELL, null, time, time);
            } else {
                engine.quote(FEED, p.symbols[instrument], seq, p.bidPrice[k], p.bidSize[k], p.askPrice[k],
                        p.askSize[k], time, time);
            }
        }
        next = g;
    }

    /** Publishes a trade of the first instrument that every subscriber must see last; returns its time. */
    private long publishMarker() {
        long g = next;
        while (g % options.instruments() != 0) {
            g++;
        }
        long time = EPOCH_NANOS + g * EVENT_NANOS_PER_TICK;
        int k = (int) (g % pool.size);
        engine.trade(FEED, pool.symbols[0], g / options.instruments() + 1, pool.tradePrice[k], pool.tradeSize[k],
                Side.BUY, null, time, time);
        next = g + 1;
        return time;
    }

    private SubscriptionStats[] stats() {
        SubscriptionStats[] stats = new SubscriptionStats[subscriptions.size()];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = subscriptions.get(i).stats();
        }
        return stats;
    }

    private long bars() {
        return subscribers.isEmpty() ? 0 : subscribers.get(0).bars;
    }

    private void report(Phase phase) {
        double seconds = phase.endToEndNanos / 1e9;
        double in = phase.ticks / (phase.publishNanos / 1e9);
        double engineRate = phase.ticks / (phase.engineNanos / 1e9);
        double endToEnd = phase.ticks / seconds;
        long delivered = 0;
        long conflated = 0;
        for (int i = 0; i < phase.delivered.length; i++) {
            delivered += phase.delivered[i];
            conflated += phase.conflated[i];
        }
        double deliveredRate = delivered / seconds;
        long producerBytes = 0;
        long engineBytes = 0;
        long subscriberBytes = 0;
        double producerCpu = 0;
        double engineCpu = 0;
        double subscriberCpu = 0;
        double otherCpu = 0;
        for (Map.Entry<String, Long> e : phase.allocated.entrySet()) {
            String name = e.getKey();
            double cpu = phase.cpu.get(name) / 1e9;
            if (name.equals(Thread.currentThread().getName())) {
                producerBytes += e.getValue();
                producerCpu += cpu;
            } else if (name.equals(ENGINE_THREAD)) {
                engineBytes += e.getValue();
                engineCpu += cpu;
            } else if (name.startsWith(SUBSCRIBER_THREAD)) {
                subscriberBytes += e.getValue();
                subscriberCpu += cpu;
            } else {
                otherCpu += cpu;
            }
        }
        long rejected = 0;
        long flagged = 0;
        for (FeedStats feed : engine.feedStats()) {
            for (long n : feed.rejected().values()) {
                rejected += n;
            }
            for (long n : feed.flagged().values()) {
                flagged += n;
            }
        }
        double perTick = (double) (producerBytes + engineBytes + subscriberBytes) / phase.ticks;
        System.out.printf(Locale.ROOT, "measured: %d ticks in %.3f s%n", phase.ticks, seconds);
        System.out.printf(Locale.ROOT, "  in (feed thread publish)    %,12.0f ticks/s%n", in);
        System.out.printf(Locale.ROOT, "  through the engine thread   %,12.0f ticks/s%n", engineRate);
        System.out.printf(Locale.ROOT, "  end to end (%d subscribers)  %,12.0f ticks/s%n", phase.delivered.length,
                endToEnd);
        for (int i = 0; i < phase.delivered.length; i++) {
            System.out.printf(Locale.ROOT, "  subscriber bench-%d: delivered %,d (%,.0f/s), conflated %,d%n", i,
                    phase.delivered[i], phase.delivered[i] / seconds, phase.conflated[i]);
        }
        System.out.printf(Locale.ROOT, "  bars delivered per subscriber %d, rejected %d, flagged %d (whole run)%n",
                phase.bars, rejected, flagged);
        System.out.printf(Locale.ROOT, "  allocated per tick: %.1f B (feed thread %.1f, engine %.1f, subscribers %.1f);"
                        + " GCs %d, %d ms%n", perTick, (double) producerBytes / phase.ticks,
                (double) engineBytes / phase.ticks, (double) subscriberBytes / phase.ticks, phase.gcCount,
                phase.gcMillis);
        System.out.printf(Locale.ROOT, "  CPU s: feed thread %.2f, engine %.2f, subscribers %.2f, other %.2f"
                + " (wall %.2f)%n", producerCpu, engineCpu, subscriberCpu, otherCpu, seconds);
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"marketdata-throughput\",\"ticks\":%d,\"subscribers\":%d,"
                        + "\"instruments\":%d,\"tradeEvery\":%d,\"queue\":%d,\"work\":%d,\"seconds\":%.4f,"
                        + "\"ticksInPerSecond\":%.0f,\"engineTicksPerSecond\":%.0f,\"endToEndTicksPerSecond\":%.0f,"
                        + "\"deliveredPerSecond\":%.0f,\"delivered\":%d,\"conflated\":%d,\"bars\":%d,\"rejected\":%d,"
                        + "\"flagged\":%d,\"bytesPerTick\":%.1f,\"bytesPerTickFeed\":%.1f,\"bytesPerTickEngine\":%.1f,"
                        + "\"bytesPerTickSubscribers\":%.1f,\"gcCount\":%d,\"gcMillis\":%d,\"cpuFeed\":%.3f,"
                        + "\"cpuEngine\":%.3f,\"cpuSubscribers\":%.3f,\"cpuOther\":%.3f,\"cores\":%d}%n",
                phase.ticks, phase.delivered.length, options.instruments(), options.tradeEvery(), options.queue(),
                options.work(), seconds, in, engineRate, endToEnd, deliveredRate, delivered, conflated, phase.bars,
                rejected, flagged, perTick, (double) producerBytes / phase.ticks, (double) engineBytes / phase.ticks,
                (double) subscriberBytes / phase.ticks, phase.gcCount, phase.gcMillis, producerCpu, engineCpu,
                subscriberCpu, otherCpu, Runtime.getRuntime().availableProcessors());
    }

    /** Per live thread name: {CPU ns, allocated bytes}. */
    private static Map<String, long[]> threadCounters() {
        Map<String, long[]> counters = new LinkedHashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long id = info.getThreadId();
            long allocated = THREADS instanceof com.sun.management.ThreadMXBean sun
                    && sun.isThreadAllocatedMemoryEnabled() ? sun.getThreadAllocatedBytes(id) : 0;
            String name = info.getThreadName();
            long[] previous = counters.get(name);
            long cpu = Math.max(0, THREADS.getThreadCpuTime(id));
            counters.put(name, previous == null ? new long[] {cpu, allocated}
                    : new long[] {previous[0] + cpu, previous[1] + allocated});
        }
        return counters;
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /**
     * Pre-built decimal text of ticks, as a JSON feed would hand it over: a random walk per instrument around
     * 30000.00 with a spread of one to three ticks, sizes with up to 4 decimals.
     */
    private static final class TickPool {
        final int size;
        final String[] symbols;
        final String[] bidPrice;
        final String[] bidSize;
        final String[] askPrice;
        final String[] askSize;
        final String[] tradePrice;
        final String[] tradeSize;

        TickPool(int instruments, long seed) {
            this.size = instruments * 4096;
            this.symbols = new String[instruments];
            for (int i = 0; i < instruments; i++) {
                symbols[i] = "I" + i;
            }
            bidPrice = new String[size];
            bidSize = new String[size];
            askPrice = new String[size];
            askSize = new String[size];
            tradePrice = new String[size];
            tradeSize = new String[size];
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            long[] mid = new long[instruments];
            java.util.Arrays.fill(mid, 3_000_000);
            for (int k = 0; k < size; k++) {
                int instrument = k % instruments;
                // a walk that returns to its start, so the pool repeats without a price jump
                long offset = Math.round(2_000 * Math.sin(2 * Math.PI * (k / instruments) / (size / instruments)));
                long m = 3_000_000 + offset + random.nextInt(-5, 6);
                mid[instrument] = m;
                long spread = 1 + random.nextInt(3);
                bidPrice[k] = decimal(m - spread, 2);
                askPrice[k] = decimal(m + spread, 2);
                bidSize[k] = decimal(1 + random.nextInt(50_000), 4);
                askSize[k] = decimal(1 + random.nextInt(50_000), 4);
                tradePrice[k] = decimal(m + (random.nextBoolean() ? spread : -spread), 2);
                tradeSize[k] = decimal(1 + random.nextInt(20_000), 4);
            }
        }

        private static String decimal(long units, int scale) {
            return java.math.BigDecimal.valueOf(units, scale).toPlainString();
        }
    }

    /** Counts what it is handed; optional busy work per update. */
    private static final class CountingSubscriber implements MarketDataSubscriber {
        private final int work;
        long quotes;
        long trades;
        volatile long bars;
        long checksum;
        /** Latest exchange time of the trades seen; read by the benchmark thread. */
        volatile long lastTradeTime;

        CountingSubscriber(int work) {
            this.work = work;
        }

        @Override
        public void onQuote(Quote quote) {
            quotes++;
            checksum += quote.bidPrice() ^ quote.askSize();
            spin();
        }

        @Override
        public void onTrade(Trade trade) {
            trades++;
            checksum += trade.price();
            if (trade.timestampNanos() > lastTradeTime) {
                lastTradeTime = trade.timestampNanos();
            }
            spin();
        }

        @Override
        public void onBar(BarSpec spec, Bar bar) {
            bars++;
            checksum += bar.close();
        }

        private void spin() {
            long x = checksum;
            for (int i = 0; i < work; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            checksum = x;
        }
    }
}
