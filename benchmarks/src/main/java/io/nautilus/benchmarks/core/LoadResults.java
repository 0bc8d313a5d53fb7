package io.nautilus.benchmarks.core;

import io.nautilus.core.Command;
import io.nautilus.core.pipeline.ResultHandler;
import org.HdrHistogram.Histogram;

/**
 * The load generator's {@link ResultHandler}, on the pipeline's publish thread (the single writer of everything
 * here): counts trades and rejects, records the latency of paced commands and tells the publisher how far the
 * pipeline got.
 *
 * <p>Latency is coordinated-omission-correct: command {@code k} of the paced phase was due at
 * {@code start + k / rate}; its latency is the time this handler sees its result minus that scheduled time, so a
 * stall delays the due commands behind it and they all count it.
 */
final class LoadResults implements ResultHandler {

    /** Largest recordable latency: one hour, in nanoseconds (larger values are clamped). */
    static final long MAX_LATENCY_NANOS = 3_600_000_000_000L;

    private final Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);

    /** Seq of the last result of a batch (so also of the very last result once it arrived). */
    private volatile long completedSeq;

    /** Seq from which trades count as measured. */
    private volatile long firstMeasuredSeq = Long.MAX_VALUE;
    /** Seq of the first paced command (due at {@link #pacedStartNanos}). */
    private volatile long firstPacedSeq = Long.MAX_VALUE;
    /** Seq from which latency is recorded. */
    private volatile long firstRecordedSeq = Long.MAX_VALUE;
    private volatile long pacedStartNanos;
    private volatile long rate = 1;

    private long trades;
    private long measuredTrades;
    private long tradingCommands;
    private long rejected;
    private String firstReject;

    @Override
    public void onResult(Command command, boolean endOfBatch) {
        long seq = command.seq;
        if (seq >= firstRecordedSeq) {
            long now = System.nanoTime();
            long due = pacedStartNanos + (seq - firstPacedSeq) * 1_000_000_000L / rate;
            histogram.recordValue(Math.min(Math.max(0, now - due), MAX_LATENCY_NANOS));
        }
        int found = command.events.trades();
        if (found > 0) {
            trades += found;
            tradingCommands++;
            if (seq >= firstMeasuredSeq) {
                measuredTrades += found;
            }
        }
        if (command.rejected()) {
            rejected++;
            if (firstReject == null) {
                firstReject = command.toString() + " detail " + command.rejectDetail + " limit "
                        + command.rejectLimit + " value " + command.rejectValue;
            }
        }
        if (endOfBatch) {
            completedSeq = seq;
        }
    }

    /**
     * Marks where the measured phase starts (call before publishing that command).
     *
     * @param seq the seq the first measured command will get
     */
    void measureFrom(long seq) {
        firstMeasuredSeq = seq;
    }

    /**
     * Sets the schedule of the paced phase (call before publishing its first command).
     *
     * @param firstSeq seq the first paced command will get
     * @param startNanos its scheduled time, {@link System#nanoTime()} base
     * @param commandsPerSecond the rate
     * @param unrecorded paced commands at the start whose latency is not recorded (warm-up)
     */
    void pace(long firstSeq, long startNanos, long commandsPerSecond, long unrecorded) {
        pacedStartNanos = startNanos;
        rate = commandsPerSecond;
        firstPacedSeq = firstSeq;
        firstRecordedSeq = firstSeq + unrecorded;
    }

    /** @return seq of the newest result at the end of a batch (any thread) */
    long completedSeq() {
        return completedSeq;
    }

    /** @return the latency histogram in nanoseconds (read after the pipeline stopped) */
    Histogram histogram() {
        return histogram;
    }

    /** @return trades of all commands (read after the pipeline stopped or drained) */
    long trades() {
        return trades;
    }

    /** @return trades of measured commands */
    long measuredTrades() {
        return measuredTrades;
    }

    /** @return commands that produced at least one trade */
    long tradingCommands() {
        return tradingCommands;
    }

    /** @return rejected commands */
    long rejected() {
        return rejected;
    }

    /** @return the first rejected command, described, or null */
    String firstReject() {
        return firstReject;
    }
}
