package io.nautilus.benchmarks.marketdata;

import java.util.Locale;

/**
 * Command-line options of {@link MarketDataThroughput}.
 *
 * @param ticks        measured ticks
 * @param warmup       ticks published first and not measured
 * @param subscribers  subscriptions, each on its own delivery thread
 * @param instruments  instruments the ticks are spread over, round robin
 * @param tradeEvery   every n-th tick is a trade, the others quotes; 0 for quotes only
 * @param queue        per-subscriber queue capacity before conflation
 * @param ring         the engine's ring size
 * @param barMillis    time-bar interval in milliseconds of event time (one tick advances event time by 1 µs); 0 for
 *                     no bars
 * @param work         busy work per delivered update in each subscriber, in iterations of a cheap loop; 0 for none
 */
record ThroughputOptions(int ticks, int warmup, int subscribers, int instruments, int tradeEvery, int queue, int ring,
                         long barMillis, int work) {

    static final String USAGE = """
            Usage: MarketDataThroughput [options]
              --ticks N         measured ticks (default 5000000)
              --warmup N        ticks published first, not measured (default 3000000)
              --subscribers N   subscriptions, each with its own delivery thread (default 4)
              --instruments N   instruments, ticks round robin over them (default 8)
              --trade-every N   every N-th tick is a trade, the rest quotes; 0 = quotes only (default 5)
              --queue N         per-subscriber queue before conflation (default 4096, the engine's default)
              --ring N          the engine's ring size, a power of two (default 65536)
              --bar-millis N    time bars of N ms of event time (a tick is 1 µs of event time); 0 = none (default 1)
              --work N          busy-loop iterations per delivered update in each subscriber (default 0)
            Prints human-readable lines, then one JSON line.
            """;

    static ThroughputOptions parse(String[] args) {
        int ticks = 5_000_000;
        int warmup = 3_000_000;
        int subscribers = 4;
        int instruments = 8;
        int tradeEvery = 5;
        int queue = 4096;
        int ring = 1 << 16;
        long barMillis = 1;
        int work = 0;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--ticks" -> ticks = positive(name, value);
                case "--warmup" -> warmup = notNegative(name, value);
                case "--subscribers" -> subscribers = notNegative(name, value);
                case "--instruments" -> instruments = positive(name, value);
                case "--trade-every" -> tradeEvery = notNegative(name, value);
                case "--queue" -> queue = positive(name, value);
                case "--ring" -> ring = positive(name, value);
                case "--bar-millis" -> barMillis = notNegative(name, value);
                case "--work" -> work = notNegative(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new ThroughputOptions(ticks, warmup, subscribers, instruments, tradeEvery, queue, ring, barMillis, work);
    }

    private static int positive(String name, String value) {
        int n = notNegative(name, value);
        if (n == 0) {
            throw new IllegalArgumentException(name + " must be greater than 0");
        }
        return n;
    }

    private static int notNegative(String name, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n < 0) {
                throw new IllegalArgumentException(name + " " + value + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
        }
    }

    String describe() {
        return String.format(Locale.ROOT, "%d ticks (+%d warm-up), %d subscribers, %d instruments, %s, queue %d,"
                        + " ring %d, %s, subscriber work %d", ticks, warmup, subscribers, instruments,
                tradeEvery == 0 ? "quotes only" : "every " + tradeEvery + "th tick a trade", queue, ring,
                barMillis == 0 ? "no bars" : barMillis + " ms time bars", work);
    }
}
