package io.nautilus.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.Sequencer;
import io.nautilus.core.Command;
import io.nautilus.core.LatencyRecorder;
import io.nautilus.core.journal.JournalWriter;

import java.util.function.Consumer;

/**
 * Journal handler: appends every command to the journal and ends each batch, and at the latest every
 * {@value #MAX_GROUP} commands, with a write (and a force, per the fsync policy); {@link #released()} then advances
 * to it, so the stage that hands on results only sees journaled commands. With BATCH fsync the force runs on the
 * writer's fsync thread (group commit: the next batch is written meanwhile) and {@link #released()} advances when it
 * is done. It never throws: on an I/O failure (a write
 * here, or a force on the fsync thread) it records the failure and the first seq that may not be journaled, appends
 * nothing more, and the pipeline withholds those results and refuses new commands.
 */
final class JournalStage implements EventHandler<Command>, JournalWriter.ForceListener {

    private static final io.nautilus.core.CoreLogger LOG = io.nautilus.core.CoreLogger.of(JournalStage.class);
    /**
     * Most commands in one write and force: a batch that ended only where the ring's does was, under a full ring,
     * the whole ring (64 K commands, megabytes to force) while no result could be released, and the publishers,
     * then the business thread, stood still until the force returned. Forcing every few thousand commands releases
     * results in steps while the rest is written.
     */
    static final int MAX_GROUP = 4096;

    private final JournalWriter writer;
    private final long base;
    private final Sequence released = new Sequence(Sequencer.INITIAL_CURSOR_VALUE);
    private final int cpu;
    private final Consumer<String> pinReport;
    private long batchFirstSeq;
    private int grouped;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final long[] sampledIngress = new long[64];
    private int sampled;

    private volatile Throwable failure;
    private volatile long failedFromSeq = Long.MAX_VALUE;

    /**
     * @param writer the journal
     * @param recoveredSeq seq recovered at start: ring sequence s holds seq s + 1 + recoveredSeq
     * @param cpu CPU to pin the thread to, -1 = none
     * @param pinReport receives the pinning outcome
     */
    JournalStage(JournalWriter writer, long recoveredSeq, int cpu, Consumer<String> pinReport) {
        this.writer = writer;
        this.base = recoveredSeq;
        this.cpu = cpu;
        this.pinReport = pinReport;
    }

    @Override
    public void onStart() {
        if (cpu >= 0) {
            pinReport.accept(CpuPinning.pinCurrentThread(cpu));
        }
    }

    @Override
    public void onEvent(Command command, long sequence, boolean endOfBatch) {
        boolean end = endOfBatch || ++grouped >= MAX_GROUP;
        if (end) {
            grouped = 0;
        }
        if (failure == null) {
            if (batchFirstSeq == 0) {
                batchFirstSeq = command.seq;
            }
            if (command.ingressNanos != 0 && sampled < sampledIngress.length) {
                sampledIngress[sampled++] = command.ingressNanos;
            }
            try {
                writer.append(command);
                if (end) {
                    writer.endOfBatch();
                    batchFirstSeq = 0;
                    recordSampled();
                }
            } catch (Throwable e) {
                fail(batchFirstSeq, e);
            }
        }
        if (end && (failure != null || !writer.forcesOnThread())) {
            advance(sequence);
        }
    }

    @Override
    public void forced(long seq) {
        advance(seq - 1 - base);
    }

    @Override
    public void failed(long fromSeq, long seq, Throwable e) {
        fail(fromSeq, e);
        advance(seq - 1 - base);
    }

    /** Moves {@link #released()} forward to a ring sequence (never back: two threads may call it). */
    private void advance(long ringSequence) {
        long current;
        while ((current = released.get()) < ringSequence) {
            if (released.compareAndSet(current, ringSequence)) {
                return;
            }
        }
    }

    /**
     * @return the last ring sequence the journal is done with: written (and forced with BATCH fsync), or failed (its
     *         result then withheld, see {@link #failedFromSeq()})
     */
    Sequence released() {
        return released;
    }

    private void recordSampled() {
        if (sampled > 0) {
            long now = System.nanoTime();
            for (int i = 0; i < sampled; i++) {
                latency.record(now - sampledIngress[i]);
            }
            sampled = 0;
        }
    }

    /**
     * @return sampled commands' time from ingress to the end of their batch's journal write (any thread): forced too
     *         with BATCH fsync unless the force runs on the fsync thread (then timed as the writer's force latency)
     */
    LatencyRecorder latency() {
        return latency;
    }

    @Override
    public void onTimeout(long sequence) {
        if (failure != null) {
            return;
        }
        try {
            writer.maybeForce();
        } catch (Throwable e) {
            fail(writer.writtenSeq() + 1, e);
        }
    }

    @Override
    public void onShutdown() {
        try {
            writer.close();
        } catch (Throwable e) {
            LOG.error("closing the journal failed; records after seq {} may not be durable", writer.durableSeq(), e);
        }
    }

    /**
     * Records a failure (the journal thread's write, or the fsync thread's force); the first failure and the lowest
     * seq win. With forces on the fsync thread, written batches whose force is still pending are withheld too.
     */
    private synchronized void fail(long fromSeq, Throwable e) {
        long from = writer.forcesOnThread() ? Math.min(fromSeq, writer.durableSeq() + 1) : fromSeq;
        if (failure != null && from >= failedFromSeq) {
            return;
        }
        failedFromSeq = Math.min(from, failedFromSeq);
        if (failure == null) {
            failure = e;
        }
        LOG.error("journal failed at seq {}: results from this seq on are withheld and new commands refused;"
                + " restart the core to recover from the journal", failedFromSeq, e);
    }

    /** @return the failure that stopped the journal, or null */
    Throwable failure() {
        return failure;
    }

    /** @return first seq whose result must be withheld, {@link Long#MAX_VALUE} if the journal is fine */
    long failedFromSeq() {
        return failedFromSeq;
    }

    /** @return the writer (statistics are safe to read from any thread) */
    JournalWriter writer() {
        return writer;
    }
}
