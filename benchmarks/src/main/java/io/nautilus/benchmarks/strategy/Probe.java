package io.nautilus.benchmarks.strategy;

import org.HdrHistogram.Histogram;

/**
 * What the strategy tells the trading port and the driver. Plain fields are written on the strategy instance's
 * thread only (one thread at a time, also across versions) and read by the driver after the instance has ended
 * (its termination future orders them) or, for the volatile {@link #lastTick}, while it runs.
 */
final class Probe {

    /** {@code System.nanoTime()} at set-up: exchange timestamps are {@code due - origin + OFFSET}. */
    final long origin;

    /** Tick due ({@code System.nanoTime()}) → the subscription's delivery thread handing the quote over. */
    final Histogram atSubscriber = ProbePorts.histogram();
    /** The subscription thread's hand-over to {@code StrategyEngine.onQuote} → the strategy's {@code onQuote}. */
    final Histogram engineHop = ProbePorts.histogram();
    /** Hand-over times by tick index (mask {@link #HANDED_MASK}): written before the hand-over, read after. */
    final long[] handedAt = new long[HANDED_MASK + 1];
    static final int HANDED_MASK = (1 << 20) - 1;
    /** Tick due → the strategy's {@code onQuote} called. */
    final Histogram atStrategy = ProbePorts.histogram();
    /** Ticks due before this are warm-up: not recorded (set by the driver before the first tick). */
    volatile long recordFrom = Long.MAX_VALUE;

    /** Scheduled send time ({@code System.nanoTime()}) of the tick the order being submitted answers. */
    long due;

    volatile long lastTick = -1;
    long quotes;
    long orders;
    long reports;
    long events;
    long lostEvents;
    long duplicateEvents;
    /** Ticks the strategy never saw: conflated by the subscription or refused by the instance's full queue. */
    long conflatedTicks;
    long duplicateTicks;
    int versionsStarted;

    /** Keeps exchange timestamps positive whatever {@code System.nanoTime()} returns. */
    static final long OFFSET = 1_000_000_000L;

    Probe(long origin) {
        this.origin = origin;
    }

    long timestampOf(long due) {
        return due - origin + OFFSET;
    }

    long dueOf(long timestampNanos) {
        return timestampNanos - OFFSET + origin;
    }

    /** Records {@code now - due} of a quote's tick into a single-writer histogram, unless it is warm-up. */
    void hop(Histogram h, long timestampNanos) {
        long due = dueOf(timestampNanos);
        if (due >= recordFrom) {
            ProbePorts.record(h, System.nanoTime() - due);
        }
    }
}
