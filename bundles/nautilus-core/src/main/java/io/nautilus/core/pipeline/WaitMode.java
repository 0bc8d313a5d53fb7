package io.nautilus.core.pipeline;

import java.util.Locale;

/**
 * How the pipeline's threads wait for work. Every mode also wakes the threads when a query or snapshot is submitted
 * and once per idle tick (a safety net, and the PERIODIC fsync check).
 *
 * <p>The default ({@code wait.strategy = auto}) is the layout's ({@link PipelineLayout#defaultWaitStrategy()}):
 * {@link #PHASED} for every layout. {@link #YIELDING} has the
 * lowest hand-off latency short of busy-spin, but its threads never leave the run queue: the distribution running its
 * demo on 2 cores used 199% CPU with it and 14% with phased (measured), so yielding is for benchmarks and dedicated
 * machines. Measured here, 3 idle threads: busy-spin ~190% of a core, yielding 50-150%, sleeping 30-60%, phased and
 * blocking ~1%. Phased keeps a busy ring's threads in
 * the spin and yield phases, where the hand-off from publisher to handler takes well under a microsecond; its price
 * is the wake-up of the first command after more than ~100 µs of quiet (a futex wake, tens of µs).
 */
public enum WaitMode {
    /** Spin on the sequence: lowest latency, burns a whole core per thread even when idle. */
    BUSY_SPIN,
    /**
     * Spin ~5 µs, then {@link Thread#yield()}: low latency, still a core per thread when nothing else runs (what
     * exchange-core's throughput test uses).
     */
    YIELDING,
    /**
     * Spin ~5 µs, yield until ~50 µs, then park 1 µs doubling to 100 µs (LMAX's "sleeping" idea): no lock on the
     * publishing path, but idle threads still wake ~10,000 times a second.
     */
    SLEEPING,
    /** Block on a lock at once (publishers signal only when a consumer is blocked): least CPU, every hand-off
     * pays a futex wake-up. */
    BLOCKING,
    /** Spin ~10 µs, yield until ~100 µs, then block like {@link #BLOCKING}: the default of every layout. */
    PHASED;

    /**
     * Parses a mode as written in configuration: {@code busy-spin}, {@code yielding}, {@code sleeping},
     * {@code blocking}, {@code phased} (case and {@code -}/{@code _} insensitive).
     *
     * @param text the text
     * @return the mode
     * @throws IllegalArgumentException naming the accepted values
     */
    public static WaitMode parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (WaitMode mode : values()) {
            if (mode.name().equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown wait strategy '" + text
                + "' (expected busy-spin, yielding, sleeping, blocking or phased)");
    }
}
